import { randomUUID } from 'node:crypto';

/** Identity stamped into every envelope header. */
export interface EnvelopeOptions {
  appId: string;
  verificationToken: string;
  tenantKey?: string;
}

/** Overrides common to every builder (defaults: random event id, current time). */
export interface EnvelopeOverrides {
  eventId?: string;
  createTime?: Date | number;
}

/** A v2 event / callback envelope as Feishu pushes it (before encryption). */
export interface EventEnvelope<E = Record<string, unknown>> {
  schema: '2.0';
  header: {
    event_id: string;
    event_type: string;
    create_time: string;
    token: string;
    app_id: string;
    tenant_key: string;
  };
  event: E;
}

/** The URL verification request (no schema, no header). */
export interface UrlVerification {
  challenge: string;
  token: string;
  type: 'url_verification';
}

/** A mention as it appears in a received message. */
export type Mention = { key: string; id: { open_id: string; union_id?: string }; name: string };

/** Feishu-style millisecond timestamp string (now when undefined). */
export const ms = (t: Date | number | undefined): string =>
  String(t === undefined ? Date.now() : typeof t === 'number' ? t : t.getTime());
export const unionOf = (openId: string): string => openId.replace(/^ou_/, 'on_');
export const userOf = (openId: string): string => openId.replace(/^ou_/, 'u_');
/** Tenant key of the envelope options (default `tnt_college`). */
export const tenant = (o: EnvelopeOptions): string => o.tenantKey ?? 'tnt_college';
/** `{open_id, union_id, user_id}` derived from an open id. */
export const operatorId = (openId: string) => ({
  open_id: openId,
  union_id: unionOf(openId),
  user_id: userOf(openId),
});

/** Wraps an event body in a v2 envelope. */
export function envelope<E>(
  eventType: string,
  event: E,
  opts: EnvelopeOptions,
  over: EnvelopeOverrides = {},
): EventEnvelope<E> {
  return {
    schema: '2.0',
    header: {
      event_id: over.eventId ?? randomUUID(),
      event_type: eventType,
      create_time: ms(over.createTime),
      token: opts.verificationToken,
      app_id: opts.appId,
      tenant_key: tenant(opts),
    },
    event,
  };
}
