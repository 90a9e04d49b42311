import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * Feishu's web sign-in (OAuth 2 authorization code flow, RFC 6749, with PKCE S256): the authorize page
 * on the accounts host, the v2 token endpoint, then user_info for the open_id and name. The simulator
 * serves all three at its own base URL.
 */
export interface OAuthClientOptions {
  /** The API base URL from config (`https://open.feishu.cn`, `https://open.larksuite.com`, or the simulator). */
  domain: string;
  appId: string;
  appSecret: string;
  /** Per-request budget; Feishu answers in well under a second. */
  timeoutMs?: number;
}

/** The person Feishu says signed in. */
export interface SignedInUser {
  openId: string;
  name: string;
}

/** Sign-in failed on Feishu's side (bad code, wrong secret, platform down): the person tries again. */
export class OAuthError extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = 'OAuthError';
  }
}

const ACCOUNTS_HOSTS: Record<string, string> = {
  'https://open.feishu.cn': 'https://accounts.feishu.cn',
  'https://open.larksuite.com': 'https://accounts.larksuite.com',
};

const tokenAnswer = z.object({
  code: z.number().optional(),
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().optional(),
});
const userInfoAnswer = z.object({
  code: z.literal(0),
  data: z.object({ open_id: z.string().min(1), name: z.string().default('') }),
});

/** A fresh PKCE pair: the verifier stays with the browser's sign-in cookie, the challenge goes out. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export class FeishuOAuth {
  private readonly timeoutMs: number;

  constructor(private readonly opts: OAuthClientOptions) {
    this.timeoutMs = opts.timeoutMs ?? 5_000;
  }

  /** Where to send the browser. `loginHint` only preselects a person on the simulator's page. */
  authorizeUrl(p: {
    redirectUri: string;
    state: string;
    codeChallenge: string;
    loginHint?: string;
  }): string {
    const host = ACCOUNTS_HOSTS[this.opts.domain] ?? this.opts.domain;
    const url = new URL('/open-apis/authen/v1/authorize', host);
    url.searchParams.set('client_id', this.opts.appId);
    url.searchParams.set('redirect_uri', p.redirectUri);
    url.searchParams.set('state', p.state);
    url.searchParams.set('code_challenge', p.codeChallenge);
    url.searchParams.set('code_challenge_method', 'S256');
    if (p.loginHint) url.searchParams.set('login_hint', p.loginHint);
    return url.toString();
  }

  /** Exchanges the code for a user access token, then asks who it belongs to. */
  async signIn(p: {
    code: string;
    redirectUri: string;
    codeVerifier: string;
  }): Promise<SignedInUser> {
    const token = await this.call('/open-apis/authen/v2/oauth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({
        grant_type: 'authorization_code',
        client_id: this.opts.appId,
        client_secret: this.opts.appSecret,
        code: p.code,
        redirect_uri: p.redirectUri,
        code_verifier: p.codeVerifier,
      }),
    });
    const parsedToken = tokenAnswer.safeParse(token.body);
    if (!token.ok || !parsedToken.success || (parsedToken.data.code ?? 0) !== 0)
      throw new OAuthError('token', `token exchange refused (HTTP ${token.status})`);
    const info = await this.call('/open-apis/authen/v1/user_info', {
      method: 'GET',
      headers: { authorization: `Bearer ${parsedToken.data.access_token}` },
    });
    const parsedInfo = userInfoAnswer.safeParse(info.body);
    if (!info.ok || !parsedInfo.success)
      throw new OAuthError('user_info', `user_info refused (HTTP ${info.status})`);
    return { openId: parsedInfo.data.data.open_id, name: parsedInfo.data.data.name };
  }

  private async call(
    path: string,
    init: RequestInit,
  ): Promise<{ ok: boolean; status: number; body: unknown }> {
    try {
      const res = await fetch(new URL(path, this.opts.domain), {
        ...init,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const body: unknown = await res.json().catch(() => undefined);
      return { ok: res.ok, status: res.status, body };
    } catch (err) {
      throw new OAuthError('network', `Feishu sign-in unreachable: ${(err as Error).message}`);
    }
  }
}
