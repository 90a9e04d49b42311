import { z } from 'zod';

const mentionSchema = z.object({
  key: z.string(),
  id: z.object({ open_id: z.string().optional() }).partial().optional(),
  name: z.string().optional(),
});

/** The fields of im.message.receive_v1 the bot relies on; anything else is kept raw. */
export const messageEventSchema = z.object({
  sender: z.object({
    sender_id: z.object({ open_id: z.string().optional() }).partial().optional(),
    sender_type: z.string().optional(),
  }),
  message: z.object({
    message_id: z.string(),
    chat_id: z.string(),
    chat_type: z.string(),
    message_type: z.string(),
    content: z.string(),
    create_time: z.string().optional(),
    parent_id: z.string().optional(),
    root_id: z.string().optional(),
    mentions: z.array(mentionSchema).optional(),
  }),
});

/** A received message in the shape handlers use. */
export interface IncomingMessage {
  messageId: string;
  chatId: string;
  chatType: 'p2p' | 'group';
  senderOpenId: string;
  fromUser: boolean;
  messageType: string;
  /** Parsed `content` (a JSON string on the wire); `{}` if it did not parse. */
  content: Record<string, unknown>;
  /** For text messages: the text with mention placeholders still in it. */
  text?: string;
  mentionedOpenIds: string[];
  parentId?: string;
  sentAt?: Date;
}

/** Feishu's create_time is a string in ms (13 digits) or µs (16 digits) depending on the page; parse by length. */
export function parseFeishuTimestamp(value: string | undefined): Date | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  if (value.length >= 16) return new Date(Math.floor(n / 1000));
  if (value.length >= 13) return new Date(n);
  return new Date(n * 1000);
}

/** Pure: raw event → IncomingMessage, or undefined when the event lacks what we need. */
export function normalizeMessage(event: unknown): IncomingMessage | undefined {
  const parsed = messageEventSchema.safeParse(event);
  if (!parsed.success) return undefined;
  const { sender, message } = parsed.data;
  let content: Record<string, unknown> = {};
  try {
    const value: unknown = JSON.parse(message.content);
    if (typeof value === 'object' && value !== null) content = value as Record<string, unknown>;
  } catch {
    content = {};
  }
  const sentAt = parseFeishuTimestamp(message.create_time);
  return {
    messageId: message.message_id,
    chatId: message.chat_id,
    chatType: message.chat_type === 'p2p' ? 'p2p' : 'group',
    senderOpenId: sender.sender_id?.open_id ?? '',
    fromUser: (sender.sender_type ?? 'user') === 'user',
    messageType: message.message_type,
    content,
    ...(message.message_type === 'text' && typeof content.text === 'string'
      ? { text: content.text }
      : {}),
    mentionedOpenIds: (message.mentions ?? []).map((m) => m.id?.open_id ?? '').filter(Boolean),
    ...(message.parent_id ? { parentId: message.parent_id } : {}),
    ...(sentAt ? { sentAt } : {}),
  };
}
