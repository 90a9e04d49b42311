import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Card } from '../../cards/card';
import type { DeliveryRepo } from '../db/delivery-repo';
import type { Clock } from '../lib/clock';
import type { FeishuApi } from './api';

export type Target = { chatId: string } | { openId: string };

/** Feishu accepts a uuid of at most 50 characters; ours is derived from a stable idempotency key. */
export function sendUuid(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 40);
}

const targetId = (t: Target): string => ('chatId' in t ? t.chatId : t.openId);

/**
 * Downloads ask for a stream, so a refused download's JSON body arrives as a stream too: read it
 * (it is small) so the error classifier sees the platform's `code`, then rethrow.
 */
async function parseStreamedError(err: unknown): Promise<never> {
  const response = (err as { response?: { data?: unknown } } | null)?.response;
  const data = response?.data as AsyncIterable<Buffer> | undefined;
  if (response && data && typeof data[Symbol.asyncIterator] === 'function') {
    const parts: Buffer[] = [];
    let size = 0;
    try {
      for await (const part of data) {
        parts.push(Buffer.from(part));
        size += part.length;
        if (size > 64 * 1024) break;
      }
      response.data = JSON.parse(Buffer.concat(parts).toString('utf8')) as unknown;
    } catch {
      response.data = {};
    }
  }
  throw err;
}

/**
 * What handlers use to talk in chats. Sends carry a uuid derived from the caller's key (Feishu dedupes
 * for an hour) and are recorded in `deliveries` (forever), so a retried handler never posts twice.
 */
export class Messenger {
  private botOpenIdCache: string | undefined;

  constructor(
    private readonly api: FeishuApi,
    private readonly deliveries: DeliveryRepo,
    private readonly clock: Clock,
  ) {}

  async sendCard(target: Target, card: Card, key: string): Promise<string> {
    return this.send(target, 'interactive', JSON.stringify(card), key);
  }

  /** Whether something was already sent under this key (so a caller can say "already done"). */
  async alreadySent(key: string): Promise<boolean> {
    return (await this.deliveries.find(sendUuid(key))) !== null;
  }

  async sendText(target: Target, text: string, key: string): Promise<string> {
    return this.send(target, 'text', JSON.stringify({ text }), key);
  }

  async replyCard(messageId: string, card: Card, key: string, chatId?: string): Promise<string> {
    const uuid = sendUuid(key);
    const known = await this.deliveries.find(uuid);
    if (known) return known.messageId;
    const res = await this.api.call(
      'im.message.reply',
      (c) =>
        c.im.message.reply({
          path: { message_id: messageId },
          data: { msg_type: 'interactive', content: JSON.stringify(card), uuid },
        }),
      { recipient: chatId ?? messageId },
    );
    const sentId = res.data?.message_id ?? '';
    await this.deliveries.record(uuid, sentId, `reply:${messageId}`, this.clock.now());
    return sentId;
  }

  /** Replaces a card the bot sent earlier (within the platform's 14-day window). */
  async patchCard(messageId: string, card: Card): Promise<void> {
    await this.api.call(
      'im.message.patch',
      (c) =>
        c.im.message.patch({
          path: { message_id: messageId },
          data: { content: JSON.stringify(card) },
        }),
      {
        recipient: messageId,
      },
    );
  }

  /** Creates a group with the bot and these people; the uuid makes a retried call return the same chat. */
  async createChat(name: string, members: string[], key: string): Promise<string> {
    const res = await this.api.call('im.chat.create', (c) =>
      c.im.chat.create({
        params: { user_id_type: 'open_id', set_bot_manager: true, uuid: sendUuid(key) },
        data: {
          name,
          user_id_list: members.slice(0, 50),
          chat_mode: 'group',
          chat_type: 'private',
        },
      }),
    );
    const chatId = res.data?.chat_id;
    if (!chatId) throw new Error('chat.create returned no chat_id');
    return chatId;
  }

  /** The bot's own open_id, to recognise @mentions of it; asked once per process. */
  async botOpenId(): Promise<string> {
    if (this.botOpenIdCache) return this.botOpenIdCache;
    const res = await this.api.call('bot.info', (c) =>
      c.request<{ code?: number; msg?: string; bot?: { open_id?: string } }>({
        method: 'GET',
        url: '/open-apis/bot/v3/info',
      }),
    );
    this.botOpenIdCache = res.bot?.open_id ?? '';
    return this.botOpenIdCache;
  }

  /**
   * Streams one resource of a message (image or file) without buffering it. The size the platform
   * announces (`content-length`) comes with it; a refusal (over 100 MB: 234037, a merge-forward
   * child: 234043…) throws a FeishuApiError carrying the platform's code.
   */
  async downloadResource(
    messageId: string,
    fileKey: string,
    type: 'image' | 'file',
  ): Promise<{ stream: Readable; contentType?: string; contentLength?: number }> {
    const res = await this.api.call('im.messageResource.get', async (c) => {
      const r = await c.im.messageResource
        .get({ path: { message_id: messageId, file_key: fileKey }, params: { type } })
        .catch(parseStreamedError);
      return { code: 0, r };
    });
    const headers = res.r.headers as Record<string, unknown> | undefined;
    const contentType =
      typeof headers?.['content-type'] === 'string' ? headers['content-type'] : undefined;
    const length = Number(headers?.['content-length']);
    return {
      stream: res.r.getReadableStream(),
      ...(contentType ? { contentType } : {}),
      ...(Number.isFinite(length) && length >= 0 ? { contentLength: length } : {}),
    };
  }

  private async send(
    target: Target,
    msgType: string,
    content: string,
    key: string,
  ): Promise<string> {
    const uuid = sendUuid(key);
    const known = await this.deliveries.find(uuid);
    if (known) return known.messageId;
    const receiveIdType = 'chatId' in target ? 'chat_id' : 'open_id';
    const res = await this.api.call(
      'im.message.create',
      (c) =>
        c.im.message.create({
          params: { receive_id_type: receiveIdType },
          data: { receive_id: targetId(target), msg_type: msgType, content, uuid },
        }),
      { recipient: targetId(target) },
    );
    const messageId = res.data?.message_id ?? '';
    await this.deliveries.record(uuid, messageId, targetId(target), this.clock.now());
    return messageId;
  }
}
