import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'koa';
import type { Logger } from '../lib/logger';
import { decryptEvent, isSignatureValid } from './crypto';
import { parseBody, type Envelope } from './envelope';
import { BodyTooLargeError, readRawBody } from './raw-body';

export interface EdgeOptions {
  verificationToken: string;
  encryptKey: string;
  maxBodyBytes: number;
  log: Logger;
}

/** What a route answers once an envelope is authenticated. */
export interface EdgeAnswer {
  status: number;
  body: unknown;
}

const tokenMatches = (given: string | undefined, expected: string): boolean => {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

const header = (ctx: Context, name: string): string | undefined => {
  const value = ctx.get(name);
  return value === '' ? undefined : value;
};

/**
 * The Feishu HTTP edge for events and card callbacks. In order: size limit (413), JSON (400),
 * signature over the raw bytes (401), decryption (400), the URL-verification challenge (answered even
 * without a signature, as the platform sends it unsigned), the verification token inside (401), then
 * the route's own handling. Nothing is written before every check has passed.
 */
export function feishuEndpoint(
  opts: EdgeOptions,
  onEnvelope: (envelope: Envelope, ctx: Context) => Promise<EdgeAnswer>,
) {
  return async (ctx: Context): Promise<void> => {
    const reply = (status: number, body: unknown) => {
      ctx.status = status;
      ctx.body = body;
    };
    let raw: Buffer;
    try {
      raw = await readRawBody(ctx.req, opts.maxBodyBytes);
    } catch (err) {
      if (err instanceof BodyTooLargeError) return reply(413, { error: 'payload_too_large' });
      throw err;
    }
    let outer: unknown;
    try {
      outer = JSON.parse(raw.toString('utf8'));
    } catch {
      return reply(400, { error: 'malformed_json' });
    }
    if (typeof outer !== 'object' || outer === null || Array.isArray(outer))
      return reply(400, { error: 'malformed_body' });

    const sig = {
      timestamp: header(ctx, 'x-lark-request-timestamp'),
      nonce: header(ctx, 'x-lark-request-nonce'),
      signature: header(ctx, 'x-lark-signature'),
    };
    const signed = sig.signature !== undefined;
    if (signed && !isSignatureValid(sig, opts.encryptKey, raw)) {
      opts.log.warn({ path: ctx.path }, 'edge.signature.invalid');
      return reply(401, { error: 'invalid_signature' });
    }

    let body: unknown = outer;
    const encrypted = (outer as { encrypt?: unknown }).encrypt;
    if (encrypted !== undefined) {
      if (typeof encrypted !== 'string') return reply(400, { error: 'malformed_body' });
      try {
        body = JSON.parse(decryptEvent(encrypted, opts.encryptKey));
      } catch {
        return reply(400, { error: 'undecryptable_body' });
      }
    }

    const parsed = parseBody(body);
    if (parsed.kind === 'challenge') {
      if (!tokenMatches(parsed.token, opts.verificationToken))
        return reply(401, { error: 'invalid_token' });
      return reply(200, { challenge: parsed.challenge });
    }
    if (!signed) {
      opts.log.warn({ path: ctx.path }, 'edge.signature.missing');
      return reply(401, { error: 'missing_signature' });
    }
    if (parsed.kind === 'invalid') return reply(400, { error: 'unrecognised_body' });
    if (!tokenMatches(parsed.envelope.token, opts.verificationToken)) {
      opts.log.warn({ path: ctx.path, eventId: parsed.envelope.eventId }, 'edge.token.invalid');
      return reply(401, { error: 'invalid_token' });
    }
    const answer = await onEnvelope(parsed.envelope, ctx);
    reply(answer.status, answer.body);
  };
}
