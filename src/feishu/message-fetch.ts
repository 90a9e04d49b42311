import type { FeishuApi } from './api';
import { parseFeishuTimestamp } from './normalize';

/** A message as GET /open-apis/im/v1/messages/:id returns it (the fields intake reads). */
export interface FetchedMessage {
  messageId: string;
  msgType: string;
  content: Record<string, unknown>;
  senderId?: string;
  sentAt?: Date;
  /** Set on the children of a merged forward. */
  upperMessageId?: string;
}

interface RawItem {
  message_id?: string;
  msg_type?: string;
  create_time?: string;
  upper_message_id?: string;
  sender?: { id?: string; id_type?: string };
  body?: { content?: string };
}

function parseItem(item: RawItem): FetchedMessage | undefined {
  if (!item.message_id || !item.msg_type) return undefined;
  let content: Record<string, unknown> = {};
  try {
    const value: unknown = JSON.parse(item.body?.content ?? '{}');
    if (value && typeof value === 'object') content = value as Record<string, unknown>;
  } catch {
    content = {};
  }
  const sentAt = parseFeishuTimestamp(item.create_time);
  return {
    messageId: item.message_id,
    msgType: item.msg_type,
    content,
    ...(item.sender?.id_type === 'open_id' && item.sender.id ? { senderId: item.sender.id } : {}),
    ...(sentAt ? { sentAt } : {}),
    ...(item.upper_message_id ? { upperMessageId: item.upper_message_id } : {}),
  };
}

/**
 * Reads a message through GET /open-apis/im/v1/messages/:message_id. For a `merge_forward` the
 * platform lists the message itself first and then its children (each with `upper_message_id`).
 * https://open.feishu.cn/document/server-docs/im-v1/message/get
 */
export async function fetchMessage(
  api: FeishuApi,
  messageId: string,
): Promise<{ message: FetchedMessage; children: FetchedMessage[] }> {
  const res = await api.call('im.message.get', (c) =>
    c.im.message.get({ path: { message_id: messageId } }),
  );
  const items = ((res.data?.items ?? []) as RawItem[])
    .map(parseItem)
    .filter((m): m is FetchedMessage => m !== undefined);
  const message = items.find((m) => m.messageId === messageId) ?? items[0];
  if (!message) throw new Error(`message ${messageId} came back empty`);
  const children = items.filter((m) => m !== message && m.upperMessageId === messageId);
  return { message, children };
}
