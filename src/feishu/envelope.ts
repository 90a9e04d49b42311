import { z } from 'zod';

/** A v2 event or callback as Feishu sends it (after decryption). */
const v2Schema = z.object({
  schema: z.literal('2.0'),
  header: z.object({
    event_id: z.string().min(1).max(128),
    event_type: z.string().min(1).max(128),
    create_time: z.string().optional(),
    token: z.string().optional(),
    app_id: z.string().optional(),
    tenant_key: z.string().optional(),
  }),
  event: z.record(z.string(), z.unknown()),
});

/** A legacy v1 event (p2p_chat_create and friends). */
const v1Schema = z.object({
  uuid: z.string().min(1).max(128),
  token: z.string().optional(),
  ts: z.string().optional(),
  type: z.literal('event_callback'),
  event: z.object({ type: z.string().min(1) }).catchall(z.unknown()),
});

const challengeSchema = z.object({
  type: z.literal('url_verification'),
  challenge: z.string(),
  token: z.string().optional(),
});

/** The one shape the rest of the bot sees, whatever version or transport delivered it. */
export interface Envelope {
  eventId: string;
  eventType: string;
  token: string | undefined;
  createTime?: string;
  event: Record<string, unknown>;
}

export type ParsedBody =
  | { kind: 'challenge'; challenge: string; token: string | undefined }
  | { kind: 'event'; envelope: Envelope }
  | { kind: 'invalid'; reason: string };

/** Recognises a decrypted body; anything else is `invalid` (answered 400). */
export function parseBody(body: unknown): ParsedBody {
  const challenge = challengeSchema.safeParse(body);
  if (challenge.success)
    return { kind: 'challenge', challenge: challenge.data.challenge, token: challenge.data.token };
  const v2 = v2Schema.safeParse(body);
  if (v2.success) {
    const h = v2.data.header;
    return {
      kind: 'event',
      envelope: {
        eventId: h.event_id,
        eventType: h.event_type,
        token: h.token,
        ...(h.create_time ? { createTime: h.create_time } : {}),
        event: v2.data.event,
      },
    };
  }
  const v1 = v1Schema.safeParse(body);
  if (v1.success) {
    return {
      kind: 'event',
      envelope: {
        eventId: v1.data.uuid,
        eventType: v1.data.event.type,
        token: v1.data.token,
        event: v1.data.event,
      },
    };
  }
  return { kind: 'invalid', reason: 'not a Feishu event, callback or challenge' };
}

const HEADER_KEYS = new Set([
  'schema',
  'event_id',
  'event_type',
  'create_time',
  'app_id',
  'tenant_key',
  'ts',
  'uuid',
  'type',
]);

/**
 * The SDK's dispatcher (long-connection mode) hands handlers a flattened object: `{schema, ...header, ...event}`
 * (v2). This rebuilds our envelope from it. The `token` there is the card token for callbacks, and
 * long-connection payloads are authenticated by the connection itself.
 */
export function envelopeFromFlattened(data: Record<string, unknown>, eventType: string): Envelope {
  const event: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (!HEADER_KEYS.has(key) || (key === 'type' && eventType !== data.type)) event[key] = value;
  }
  const id =
    typeof data.event_id === 'string'
      ? data.event_id
      : typeof data.uuid === 'string'
        ? data.uuid
        : '';
  return { eventId: id, eventType, token: undefined, event };
}
