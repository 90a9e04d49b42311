import { fail } from './http-util';
import type { SimState } from './state';
import type { Reply, SentMessage, StoredMessage } from './types';

/** Card / post content limit (30 KB); text is allowed 150 KB. */
export const CARD_LIMIT_BYTES = 30 * 1024;
export const TEXT_LIMIT_BYTES = 150 * 1024;
/** Cards can be PATCHed for 14 days after sending. */
export const PATCH_WINDOW_MS = 14 * 24 * 3600 * 1000;

/**
 * Checks `content` the way the platform does: a JSON string that parses, within the size limit of
 * its msg_type. Returns the parsed content, or the error reply to send.
 */
export function parseContent(
  msgType: unknown,
  content: unknown,
): { parsed: unknown } | { error: Reply } {
  if (typeof msgType !== 'string' || msgType === '') {
    return { error: fail(400, 230001, 'invalid msg_type') };
  }
  if (typeof content !== 'string') {
    return { error: fail(400, 230001, 'content must be a JSON string') };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return { error: fail(400, 230001, 'content is not valid JSON') };
  }
  const limit = msgType === 'text' ? TEXT_LIMIT_BYTES : CARD_LIMIT_BYTES;
  if (Buffer.byteLength(content, 'utf8') > limit) {
    return { error: fail(400, 230025, `content exceeds ${limit} bytes`) };
  }
  return { parsed };
}

/** Same check for a card given as an object (delayed update body). */
export function checkCardObject(card: unknown): Reply | undefined {
  if (card === null || typeof card !== 'object') return fail(400, 230001, 'card must be an object');
  if (Buffer.byteLength(JSON.stringify(card), 'utf8') > CARD_LIMIT_BYTES) {
    return fail(400, 230025, `card exceeds ${CARD_LIMIT_BYTES} bytes`);
  }
  return undefined;
}

/** The content a sent message shows now: its last update, else the original. */
export function currentContent(m: SentMessage): unknown {
  return m.updates.length > 0 ? m.updates[m.updates.length - 1] : m.content;
}

/** Formats a bot-sent message like the `data` of send/reply and an item of GET message. */
export function sentItem(state: SimState, m: SentMessage): Record<string, unknown> {
  const parentRoot = m.replyTo
    ? (state.sentById.get(m.replyTo)?.replyTo ?? state.others.get(m.replyTo)?.parentId)
    : undefined;
  return {
    message_id: m.messageId,
    ...(m.replyTo ? { root_id: parentRoot ?? m.replyTo, parent_id: m.replyTo } : {}),
    msg_type: m.msgType,
    create_time: String(m.createTime.getTime()),
    update_time: String(m.createTime.getTime()),
    deleted: false,
    updated: m.updates.length > 0,
    chat_id: m.chatId,
    sender: {
      id: state.identity.appId,
      id_type: 'app_id',
      sender_type: 'app',
      tenant_key: state.identity.tenantKey,
    },
    body: { content: JSON.stringify(currentContent(m)) },
    mentions: [],
  };
}

/** Formats a seeded (user) message or merge-forward child as a GET message item. */
export function storedItem(state: SimState, m: StoredMessage): Record<string, unknown> {
  return {
    message_id: m.messageId,
    ...(m.parentId ? { root_id: m.parentId, parent_id: m.parentId } : {}),
    msg_type: m.msgType,
    create_time: String(m.createTime.getTime()),
    update_time: String(m.createTime.getTime()),
    deleted: false,
    updated: false,
    chat_id: m.chatId,
    sender: {
      id: m.senderId,
      id_type: m.senderType === 'app' ? 'app_id' : 'open_id',
      sender_type: m.senderType,
      tenant_key: state.identity.tenantKey,
    },
    body: { content: JSON.stringify(m.content) },
    ...(m.upperMessageId ? { upper_message_id: m.upperMessageId } : {}),
  };
}
