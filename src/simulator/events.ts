import { randomBytes } from 'node:crypto';
import { cardAction, urlVerification, type CardActionInput } from './events-card';
import {
  envelope,
  ms,
  operatorId,
  tenant,
  type EnvelopeOptions,
  type EnvelopeOverrides,
  type Mention,
} from './events-envelope';

export { cardAction, urlVerification, type CardActionInput } from './events-card';
export {
  envelope,
  type EnvelopeOptions,
  type EnvelopeOverrides,
  type EventEnvelope,
  type Mention,
  type UrlVerification,
} from './events-envelope';

/** Input of `messageReceived`; `content` is the parsed content object (it gets JSON-stringified). */
export interface MessageInput extends EnvelopeOverrides {
  messageId?: string;
  chatId: string;
  chatType: 'p2p' | 'group';
  senderOpenId: string;
  messageType: string;
  content: object;
  mentions?: Mention[];
  parentId?: string;
  rootId?: string;
}

/** `im.message.receive_v1`: a user message in a p2p chat or group. */
export function messageReceived(m: MessageInput, opts: EnvelopeOptions) {
  const messageId = m.messageId ?? `om_${randomBytes(12).toString('hex')}`;
  const created = ms(m.createTime);
  return envelope(
    'im.message.receive_v1',
    {
      sender: {
        sender_id: operatorId(m.senderOpenId),
        sender_type: 'user',
        tenant_key: tenant(opts),
      },
      message: {
        message_id: messageId,
        ...(m.rootId || m.parentId ? { root_id: m.rootId ?? m.parentId } : {}),
        ...(m.parentId ? { parent_id: m.parentId } : {}),
        create_time: created,
        update_time: created,
        chat_id: m.chatId,
        chat_type: m.chatType,
        message_type: m.messageType,
        content: JSON.stringify(m.content),
        mentions: (m.mentions ?? []).map((x) => ({ ...x, tenant_key: tenant(opts) })),
      },
    },
    opts,
    m,
  );
}

/** Input of `textMessage`: `mentionBot` prefixes `@_user_1` and adds the bot mention. */
export interface TextInput extends Omit<MessageInput, 'messageType' | 'content' | 'mentions'> {
  text: string;
  mentionBot?: boolean;
  botOpenId?: string;
  botName?: string;
}

/** A text message; with `mentionBot` it looks exactly like "@bot <text>" typed in the client. */
export function textMessage(t: TextInput, opts: EnvelopeOptions) {
  const { text, mentionBot, botOpenId = 'ou_bot', botName = '活动归档助手', ...rest } = t;
  const mentions: Mention[] = mentionBot
    ? [{ key: '@_user_1', id: { open_id: botOpenId }, name: botName }]
    : [];
  const body = mentionBot ? `@_user_1 ${text}` : text;
  return messageReceived({ ...rest, messageType: 'text', content: { text: body }, mentions }, opts);
}

/** Input of the bot added / removed events. */
export interface ChatMemberInput extends EnvelopeOverrides {
  chatId: string;
  operatorOpenId: string;
  name?: string;
}

function botMembership(type: string, c: ChatMemberInput, opts: EnvelopeOptions) {
  const name = c.name ?? '';
  const event = {
    chat_id: c.chatId,
    operator_id: operatorId(c.operatorOpenId),
    external: false,
    operator_tenant_key: tenant(opts),
    name,
    i18n_names: { zh_cn: name },
  };
  return envelope(type, event, opts, c);
}

/** `im.chat.member.bot.added_v1`: someone added the bot to a group. */
export function botAdded(c: ChatMemberInput, opts: EnvelopeOptions) {
  return botMembership('im.chat.member.bot.added_v1', c, opts);
}

/** `im.chat.member.bot.deleted_v1`: the bot was removed from a group. */
export function botDeleted(c: ChatMemberInput, opts: EnvelopeOptions) {
  return botMembership('im.chat.member.bot.deleted_v1', c, opts);
}

/** `im.chat.access_event.bot_p2p_chat_entered_v1`: a user opened the p2p chat with the bot. */
export function p2pChatEntered(
  c: EnvelopeOverrides & { chatId: string; operatorOpenId: string; lastMessageId?: string },
  opts: EnvelopeOptions,
) {
  const event = {
    chat_id: c.chatId,
    operator_id: operatorId(c.operatorOpenId),
    last_message_id: c.lastMessageId ?? '',
    last_message_create_time: c.lastMessageId ? ms(c.createTime) : '',
  };
  return envelope('im.chat.access_event.bot_p2p_chat_entered_v1', event, opts, c);
}

/** `application.bot.menu_v6`: a click on the bot's custom menu. */
export function botMenu(
  b: EnvelopeOverrides & { operatorOpenId: string; eventKey: string; operatorName?: string },
  opts: EnvelopeOptions,
) {
  const event = {
    operator: { operator_name: b.operatorName ?? '', operator_id: operatorId(b.operatorOpenId) },
    event_key: b.eventKey,
    timestamp: Math.floor(Number(ms(b.createTime)) / 1000),
  };
  return envelope('application.bot.menu_v6', event, opts, b);
}

/** All builders with the envelope options bound, e.g. `const ev = bindEvents(opts); ev.textMessage({...})`. */
export function bindEvents(opts: EnvelopeOptions) {
  return {
    messageReceived: (m: MessageInput) => messageReceived(m, opts),
    textMessage: (t: TextInput) => textMessage(t, opts),
    botAdded: (c: ChatMemberInput) => botAdded(c, opts),
    botDeleted: (c: ChatMemberInput) => botDeleted(c, opts),
    p2pChatEntered: (c: Parameters<typeof p2pChatEntered>[0]) => p2pChatEntered(c, opts),
    botMenu: (b: Parameters<typeof botMenu>[0]) => botMenu(b, opts),
    cardAction: (c: CardActionInput) => cardAction(c, opts),
    urlVerification: (challenge: string) => urlVerification(challenge, opts),
  };
}
