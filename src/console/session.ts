import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Next } from 'koa';
import type { ConsoleDeps, ConsoleContext } from './context';
import { SESSION_COOKIE, isSecure, readCookie, setCookie, sign, unsign } from './cookies';
import { refuse } from './respond';

const hashId = (sid: string) => createHash('sha256').update(sid).digest('hex');

/** Starts a session for a signed-in person: a random id in a signed cookie, its hash in the database. */
export async function startSession(
  ctx: ConsoleContext,
  deps: ConsoleDeps,
  person: { openId: string; name: string },
): Promise<void> {
  const now = deps.clock.now();
  const sid = randomBytes(32).toString('base64url');
  const hours = deps.config.console.sessionHours;
  await deps.repos.consoleSessions.create({
    _id: hashId(sid),
    openId: person.openId,
    name: person.name,
    csrf: randomBytes(24).toString('base64url'),
    createdAt: now,
    expiresAt: new Date(now.getTime() + hours * 3600_000),
  });
  setCookie(ctx, SESSION_COOKIE, sign(deps.config.console.sessionSecret, 'session', sid), {
    maxAgeSeconds: hours * 3600,
    secure: isSecure(ctx, deps.config.console.publicUrl),
  });
  deps.repos.consoleSessions.purgeExpired(now).catch(() => undefined);
}

/** Ends the current session (database record and cookie). */
export async function endSession(ctx: ConsoleContext, deps: ConsoleDeps): Promise<void> {
  const session = ctx.state.console.session;
  if (session) await deps.repos.consoleSessions.remove(session._id);
  clearSessionCookie(ctx, deps);
}

function clearSessionCookie(ctx: ConsoleContext, deps: ConsoleDeps): void {
  setCookie(ctx, SESSION_COOKIE, '', {
    maxAgeSeconds: 0,
    secure: isSecure(ctx, deps.config.console.publicUrl),
  });
}

/**
 * Loads the session named by the cookie: the signature must hold, the record must exist and not have
 * expired. A bad or expired cookie is dropped and remembered as `sessionProblem` (a 401 page).
 */
export const loadSession =
  (deps: ConsoleDeps) =>
  async (ctx: ConsoleContext, next: Next): Promise<void> => {
    const raw = readCookie(ctx, SESSION_COOKIE);
    if (raw) {
      const sid = unsign(deps.config.console.sessionSecret, 'session', raw);
      const record = sid ? await deps.repos.consoleSessions.find(hashId(sid)) : null;
      const now = deps.clock.now();
      if (!sid || !record) {
        ctx.state.console.sessionProblem = sid ? 'expired' : 'invalid';
        clearSessionCookie(ctx, deps);
      } else if (record.expiresAt.getTime() <= now.getTime()) {
        ctx.state.console.sessionProblem = 'expired';
        await deps.repos.consoleSessions.remove(record._id);
        clearSessionCookie(ctx, deps);
      } else {
        ctx.state.console.session = record;
        ctx.state.console.viewer = await deps.directory.actor(record.openId);
      }
    }
    await next();
  };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The token a state-changing request carries: form field `_csrf` or header `x-csrf-token`. */
function csrfOf(ctx: ConsoleContext): string {
  return ctx.get('x-csrf-token') || ctx.state.console.form?.get('_csrf') || '';
}

/**
 * CSRF: every POST/PUT/PATCH/DELETE must carry the session's token (synchronizer token; the cookie
 * is SameSite=Lax besides). Without a session there is nothing to protect yet: routes then answer 401.
 * Refused requests change nothing.
 */
export const checkCsrf = async (ctx: ConsoleContext, next: Next): Promise<void> => {
  const session = ctx.state.console.session;
  if (SAFE_METHODS.has(ctx.method) || !session) {
    await next();
    return;
  }
  const given = Buffer.from(csrfOf(ctx));
  const expected = Buffer.from(session.csrf);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    refuse(ctx, 'csrf');
    return;
  }
  await next();
};
