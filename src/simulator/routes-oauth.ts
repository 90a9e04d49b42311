import { createHash, randomBytes } from 'node:crypto';
import { asObject, str, type RouteContext } from './http-util';
import type { SimState } from './state';
import type { Reply } from './types';

/** Paths of Feishu's web sign-in (OAuth 2 authorization code flow) that the simulator serves. */
export const OAUTH_PATHS = {
  authorize: '/open-apis/authen/v1/authorize',
  token: '/open-apis/authen/v2/oauth/token',
  userInfo: '/open-apis/authen/v1/user_info',
} as const;

/** Authorization codes live 5 minutes and are used once (as Feishu documents). */
const CODE_TTL_MS = 5 * 60_000;
const USER_TOKEN_TTL_S = 7200;

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

function page(status: number, title: string, body: string): Reply {
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
  return { status, text: html, headers: { 'content-type': 'text/html; charset=utf-8' } };
}

const oauthError = (status: number, code: number, error: string, description: string): Reply => ({
  status,
  json: { code, error, error_description: description },
});

/**
 * GET authorize: with `login_hint` the person "approves" at once (tests and the playground sign in as
 * anyone); without it, a page lists the people the simulator knows and takes any open_id.
 */
function authorize(state: SimState, ctx: RouteContext): Reply {
  const { client_id: clientId, redirect_uri: redirectUri, state: oauthState } = ctx.query;
  if (clientId !== state.identity.appId)
    return page(400, '应用不存在 / Unknown app', '<p>client_id</p>');
  if (!redirectUri || !/^https?:\/\//.test(redirectUri))
    return page(400, '回调地址无效 / Invalid redirect_uri', '<p>redirect_uri</p>');
  const who = ctx.query.login_hint;
  if (who) {
    const code = `sim-code-${state.next('oauth-code')}-${randomBytes(6).toString('hex')}`;
    state.oauthCodes.set(code, {
      openId: who,
      clientId,
      redirectUri,
      codeChallenge: ctx.query.code_challenge,
      issuedAt: state.now().getTime(),
    });
    const target = new URL(redirectUri);
    target.searchParams.set('code', code);
    if (oauthState !== undefined) target.searchParams.set('state', oauthState);
    return { status: 302, headers: { location: target.toString() } };
  }
  const base = new URLSearchParams(ctx.query);
  const link = (openId: string) => {
    const q = new URLSearchParams(base);
    q.set('login_hint', openId);
    return `${OAUTH_PATHS.authorize}?${q.toString()}`;
  };
  const people = [...state.users.entries()]
    .map(
      ([openId, name]) =>
        `<li><a href="${escapeHtml(link(openId))}">${escapeHtml(name)} (${escapeHtml(openId)})</a></li>`,
    )
    .join('');
  const hidden = [...base.entries()]
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
  return page(
    200,
    '飞书模拟器：选择登录身份 / Feishu simulator: sign in as',
    `<ul>${people}</ul><form method="get" action="${OAUTH_PATHS.authorize}">${hidden}<label>open_id <input name="login_hint" required pattern="ou_[0-9A-Za-z_-]+"></label> <button type="submit">授权 / Authorize</button></form>`,
  );
}

/** POST token (v2, JSON): authorization_code grant with client secret and optional PKCE (S256). */
function token(state: SimState, ctx: RouteContext): Reply {
  const b = asObject(ctx.body);
  if (str(b, 'grant_type') !== 'authorization_code')
    return oauthError(400, 20001, 'unsupported_grant_type', 'grant_type');
  if (
    str(b, 'client_id') !== state.identity.appId ||
    str(b, 'client_secret') !== state.identity.appSecret
  )
    return oauthError(401, 20002, 'invalid_client', 'client_id or client_secret');
  const code = str(b, 'code') ?? '';
  const grant = state.oauthCodes.get(code);
  state.oauthCodes.delete(code); // one use, even when it fails below
  if (!grant || state.now().getTime() - grant.issuedAt > CODE_TTL_MS)
    return oauthError(400, 20003, 'invalid_grant', 'code is invalid or expired');
  if (str(b, 'redirect_uri') !== grant.redirectUri)
    return oauthError(400, 20003, 'invalid_grant', 'redirect_uri does not match');
  if (grant.codeChallenge !== undefined) {
    const verifier = str(b, 'code_verifier') ?? '';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    if (challenge !== grant.codeChallenge)
      return oauthError(400, 20003, 'invalid_grant', 'code_verifier does not match');
  }
  const accessToken = `u-sim-${state.next('user-token')}-${randomBytes(8).toString('hex')}`;
  state.userTokens.set(accessToken, {
    openId: grant.openId,
    expiresAt: state.now().getTime() + USER_TOKEN_TTL_S * 1000,
  });
  return {
    status: 200,
    json: {
      code: 0,
      access_token: accessToken,
      expires_in: USER_TOKEN_TTL_S,
      refresh_token: `ur-sim-${randomBytes(8).toString('hex')}`,
      refresh_token_expires_in: 604800,
      token_type: 'Bearer',
      scope: '',
    },
  };
}

/** GET user_info with a user access token. */
function userInfo(state: SimState, ctx: RouteContext): Reply {
  const bearer = /^Bearer\s+(\S+)$/i.exec(String(ctx.headers.authorization ?? ''))?.[1];
  const grant = bearer ? state.userTokens.get(bearer) : undefined;
  if (!grant || grant.expiresAt < state.now().getTime())
    return {
      status: 401,
      json: { code: 99991668, msg: 'Invalid access token for authorization' },
    };
  const name = state.users.get(grant.openId) ?? '';
  return {
    status: 200,
    json: {
      code: 0,
      msg: 'success',
      data: {
        name,
        en_name: name,
        open_id: grant.openId,
        union_id: `on_${grant.openId.replace(/^ou_/, '')}`,
        tenant_key: state.identity.tenantKey,
      },
    },
  };
}

/** Answers the sign-in endpoints (they carry no tenant token), or undefined for any other request. */
export function oauthReply(state: SimState, method: string, ctx: RouteContext): Reply | undefined {
  if (method === 'GET' && ctx.path === OAUTH_PATHS.authorize) return authorize(state, ctx);
  if (method === 'POST' && ctx.path === OAUTH_PATHS.token) return token(state, ctx);
  if (method === 'GET' && ctx.path === OAUTH_PATHS.userInfo) return userInfo(state, ctx);
  return undefined;
}
