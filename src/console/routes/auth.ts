import { randomBytes } from 'node:crypto';
import type Router from '@koa/router';
import { OAuthError, pkcePair } from '../../feishu/oauth';
import type { ConsoleContext, ConsoleDeps } from '../context';
import { PREFIX } from '../context';
import { SIGNIN_COOKIE, isSecure, readCookie, setCookie, sign, unsign } from '../cookies';
import { sendPage } from '../respond';
import { endSession, startSession } from '../session';
import { messagePage } from '../views/layout';

/** How long a started sign-in may take before its state is no longer accepted. */
const SIGNIN_TTL_MS = 10 * 60_000;

/** Only our own pages may be the destination after sign-in (no open redirect). */
export function safeNext(next: string | undefined): string {
  if (!next || !next.startsWith(`${PREFIX}/`) || next.startsWith('//') || next.includes('\\'))
    return `${PREFIX}/activities`;
  return next;
}

const redirectUri = (ctx: ConsoleContext, deps: ConsoleDeps) =>
  `${deps.config.console.publicUrl ?? `${ctx.protocol}://${ctx.host}`}${PREFIX}/auth/callback`;

interface PendingSignIn {
  state: string;
  verifier: string;
  next: string;
  expiresAt: number;
}

function signInFailed(ctx: ConsoleContext, status: number, body: string): void {
  const { t } = ctx.state.console;
  sendPage(
    ctx,
    status,
    messagePage(ctx.state.console, {
      title: t('console.signin.failed.title'),
      body,
      currentUrl: ctx.originalUrl,
      action: { href: `${PREFIX}/login`, label: t('console.signin.again') },
    }),
  );
}

/** Sign-in with Feishu (OAuth 2 authorization code + PKCE), the unknown-person page, sign-out. */
export function authRoutes(router: Router, deps: ConsoleDeps): void {
  const secret = deps.config.console.sessionSecret;

  router.get('/login', (ctx: ConsoleContext) => {
    const pkce = pkcePair();
    const pending: PendingSignIn = {
      state: randomBytes(18).toString('base64url'),
      verifier: pkce.verifier,
      next: safeNext(typeof ctx.query.next === 'string' ? ctx.query.next : undefined),
      expiresAt: deps.clock.now().getTime() + SIGNIN_TTL_MS,
    };
    const value = Buffer.from(JSON.stringify(pending)).toString('base64url');
    setCookie(ctx, SIGNIN_COOKIE, sign(secret, 'signin', value), {
      maxAgeSeconds: SIGNIN_TTL_MS / 1000,
      secure: isSecure(ctx, deps.config.console.publicUrl),
    });
    const hint = typeof ctx.query.hint === 'string' ? ctx.query.hint : undefined;
    ctx.set('Cache-Control', 'no-store');
    ctx.redirect(
      deps.oauth.authorizeUrl({
        redirectUri: redirectUri(ctx, deps),
        state: pending.state,
        codeChallenge: pkce.challenge,
        ...(hint ? { loginHint: hint } : {}),
      }),
    );
  });

  router.get('/auth/callback', async (ctx: ConsoleContext) => {
    const { t } = ctx.state.console;
    const raw = readCookie(ctx, SIGNIN_COOKIE);
    setCookie(ctx, SIGNIN_COOKIE, '', {
      maxAgeSeconds: 0,
      secure: isSecure(ctx, deps.config.console.publicUrl),
    });
    const value = raw ? unsign(secret, 'signin', raw) : undefined;
    let pending: PendingSignIn | undefined;
    try {
      pending = value
        ? (JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as PendingSignIn)
        : undefined;
    } catch {
      pending = undefined;
    }
    const state = typeof ctx.query.state === 'string' ? ctx.query.state : '';
    if (
      !pending ||
      pending.expiresAt < deps.clock.now().getTime() ||
      state.length === 0 ||
      pending.state !== state
    ) {
      deps.log.warn(
        { reason: pending ? 'state_mismatch' : 'no_pending' },
        'console.signin.refused',
      );
      return signInFailed(ctx, 400, t('console.signin.failed.state'));
    }
    const code = typeof ctx.query.code === 'string' ? ctx.query.code : '';
    if (!code) return signInFailed(ctx, 400, t('console.signin.failed.denied'));
    let person: { openId: string; name: string };
    try {
      person = await deps.oauth.signIn({
        code,
        redirectUri: redirectUri(ctx, deps),
        codeVerifier: pending.verifier,
      });
    } catch (err) {
      if (!(err instanceof OAuthError)) throw err;
      deps.log.warn({ reason: err.reason, err: err.message }, 'console.signin.failed');
      return signInFailed(
        ctx,
        err.reason === 'network' ? 502 : 400,
        t(
          err.reason === 'network'
            ? 'console.signin.failed.platform'
            : 'console.signin.failed.denied',
        ),
      );
    }
    const snapshot = await deps.directory.snapshot();
    const known =
      snapshot.knows(person.openId) ||
      (await deps.repos.summaries.hasOwn(person.openId, deps.clock.now()));
    if (!known) {
      deps.log.info({ openId: person.openId }, 'console.signin.unknown');
      return sendPage(
        ctx,
        403,
        messagePage(ctx.state.console, {
          title: t('console.unknown.title'),
          body: t('console.unknown.body', { name: person.name || '—', openId: person.openId }),
          currentUrl: ctx.originalUrl,
        }),
      );
    }
    const listed = snapshot.displayName(person.openId);
    await startSession(ctx, deps, {
      openId: person.openId,
      name: listed === person.openId ? person.name : listed,
    });
    deps.log.info({ openId: person.openId }, 'console.signin');
    ctx.redirect(pending.next);
  });

  router.post('/logout', async (ctx: ConsoleContext) => {
    const { t } = ctx.state.console;
    await endSession(ctx, deps);
    ctx.state.console.viewer = undefined;
    ctx.state.console.session = undefined;
    sendPage(
      ctx,
      200,
      messagePage(ctx.state.console, {
        title: t('console.signedOut.title'),
        body: t('console.signedOut.body'),
        currentUrl: `${PREFIX}/activities`,
        action: { href: `${PREFIX}/login`, label: t('console.signin.button') },
      }),
    );
  });
}
