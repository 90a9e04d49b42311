import type { InboxRepo } from '../db/inbox-repo';
import type { Envelope } from '../feishu/envelope';
import type { Clock } from '../lib/clock';

/** Event types the bot acts on; anything else is acknowledged and dropped. */
export const HANDLED_EVENT_TYPES = new Set([
  'im.message.receive_v1',
  'im.chat.member.bot.added_v1',
  'im.chat.member.bot.deleted_v1',
  'im.chat.access_event.bot_p2p_chat_entered_v1',
  'application.bot.menu_v6',
  'p2p_chat_create',
]);

/** What an inbox record of a Feishu event carries (the verification token is not kept). */
export interface EventPayload {
  eventId: string;
  eventType: string;
  createTime?: string;
  event: Record<string, unknown>;
}

/**
 * The platform asks to dedupe received messages by message_id rather than event_id, so a message's
 * record is keyed by it; other events by event_id.
 */
export function inboxIdFor(envelope: Envelope): string {
  if (envelope.eventType === 'im.message.receive_v1') {
    const message = envelope.event.message as { message_id?: unknown } | undefined;
    if (typeof message?.message_id === 'string' && message.message_id !== '')
      return `msg:${message.message_id}`;
  }
  return `evt:${envelope.eventId}`;
}

export type IntakeResult = 'accepted' | 'duplicate' | 'ignored';

/** Writes an authenticated event to the durable inbox; the 200 goes out only after this resolves. */
export async function acceptEvent(
  envelope: Envelope,
  deps: { inbox: InboxRepo; clock: Clock },
): Promise<IntakeResult> {
  if (!HANDLED_EVENT_TYPES.has(envelope.eventType)) return 'ignored';
  const payload: EventPayload = {
    eventId: envelope.eventId,
    eventType: envelope.eventType,
    ...(envelope.createTime ? { createTime: envelope.createTime } : {}),
    event: envelope.event,
  };
  return deps.inbox.accept(
    {
      id: inboxIdFor(envelope),
      eventId: envelope.eventId,
      type: envelope.eventType,
      payload: payload as unknown as Record<string, unknown>,
    },
    deps.clock.now(),
  );
}

/** Queues an internal follow-up (a slow reply, an alert) with a stable key, so it runs once. */
export async function enqueueTask(
  inbox: InboxRepo,
  clock: Clock,
  task: { key: string; type: string; payload: Record<string, unknown>; runAt?: Date },
): Promise<IntakeResult> {
  const id = `task:${task.key}`;
  return inbox.accept(
    {
      id,
      eventId: id,
      type: task.type,
      payload: task.payload,
      ...(task.runAt ? { runAt: task.runAt } : {}),
    },
    clock.now(),
  );
}
