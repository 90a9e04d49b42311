import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from 'koa';

/** Cookie names; scoped to /console so the webhook paths never see them. */
export const SESSION_COOKIE = 'console_session';
export const SIGNIN_COOKIE = 'console_signin';
export const COOKIE_PATH = '/console';

/** `value.signature` with HMAC-SHA256 under the console secret; the purpose keeps cookies apart. */
export function sign(secret: string, purpose: string, value: string): string {
  const mac = createHmac('sha256', secret).update(`${purpose}\0${value}`).digest('base64url');
  return `${value}.${mac}`;
}

/** The value when the signature holds; undefined for anything altered. */
export function unsign(secret: string, purpose: string, signed: string): string | undefined {
  const dot = signed.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const value = signed.slice(0, dot);
  const expected = Buffer.from(sign(secret, purpose, value).slice(dot + 1));
  const given = Buffer.from(signed.slice(dot + 1));
  return expected.length === given.length && timingSafeEqual(expected, given) ? value : undefined;
}

/** Reads a cookie by name from the request (no decoding magic: our values are base64url). */
export function readCookie(ctx: Context, name: string): string | undefined {
  const header = ctx.get('cookie');
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Is this request on https (directly or, with app.proxy, behind a TLS-terminating proxy)? */
export function isSecure(ctx: Context, publicUrl: string | undefined): boolean {
  return ctx.secure || (publicUrl?.startsWith('https://') ?? false);
}

/**
 * Adds a Set-Cookie header: HttpOnly, SameSite=Lax (the sign-in redirect from Feishu is a top-level
 * GET, which Lax lets through), Secure behind https. `maxAgeSeconds` 0 deletes the cookie.
 */
export function setCookie(
  ctx: Context,
  name: string,
  value: string,
  opts: { maxAgeSeconds: number; secure: boolean },
): void {
  const parts = [
    `${name}=${value}`,
    `Path=${COOKIE_PATH}`,
    `Max-Age=${opts.maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Lax',
  ];
  if (opts.maxAgeSeconds === 0) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  if (opts.secure) parts.push('Secure');
  ctx.append('Set-Cookie', parts.join('; '));
}
