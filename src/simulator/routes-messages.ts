import { asObject, fail, ok, route, str, type Route, type RouteContext } from './http-util';
import { parseContent, sentItem, storedItem } from './messages-common';
import { SimState } from './state';
import type { Reply, SentMessage } from './types';

const RECEIVE_ID_TYPES = new Set(['open_id', 'user_id', 'union_id', 'email', 'chat_id']);
const UUID_WINDOW_MS = 3600 * 1000;

/** Returns the message already sent with this uuid within the last hour, if any. */
function deduped(state: SimState, uuid: string | undefined): SentMessage | undefined {
  if (!uuid) return undefined;
  const hit = state.messageUuids.get(uuid);
  if (!hit || state.now().getTime() - hit.at >= UUID_WINDOW_MS) return undefined;
  return state.sentById.get(hit.messageId);
}

/** Stores a new bot message and indexes its uuid. */
function store(state: SimState, m: Omit<SentMessage, 'messageId' | 'updates' | 'createTime'>) {
  const message: SentMessage = {
    ...m,
    messageId: `om_sim_${state.next('message')}`,
    updates: [],
    createTime: state.now(),
  };
  state.sent.push(message);
  state.sentById.set(message.messageId, message);
  if (m.uuid)
    state.messageUuids.set(m.uuid, { messageId: message.messageId, at: state.now().getTime() });
  return message;
}

/** POST /open-apis/im/v1/messages?receive_id_type=… */
function create(state: SimState, ctx: RouteContext): Reply {
  const receiveIdType = ctx.query.receive_id_type ?? '';
  if (!RECEIVE_ID_TYPES.has(receiveIdType)) {
    return fail(400, 99992402, 'field validation failed: receive_id_type');
  }
  const body = asObject(ctx.body);
  const receiveId = str(body, 'receive_id');
  if (!receiveId) return fail(400, 99992402, 'field validation failed: receive_id');
  const uuid = str(body, 'uuid');
  const previous = deduped(state, uuid);
  if (previous) return ok(sentItem(state, previous));
  const content = parseContent(body.msg_type, body.content);
  if ('error' in content) return content.error;
  const chatId = receiveIdType === 'chat_id' ? receiveId : SimState.p2pChatId(receiveId);
  const chat = state.chats.get(chatId);
  if (chat && !chat.bots.includes(state.identity.appId)) {
    return fail(400, 230002, 'bot is not in the chat');
  }
  const message = store(state, {
    chatId,
    receiveId,
    receiveIdType,
    msgType: String(body.msg_type),
    content: content.parsed,
    uuid,
  });
  return ok(sentItem(state, message));
}

/** POST /open-apis/im/v1/messages/:message_id/reply */
function reply(state: SimState, ctx: RouteContext): Reply {
  const parentId = ctx.params.message_id ?? '';
  const body = asObject(ctx.body);
  const uuid = str(body, 'uuid');
  const previous = deduped(state, uuid);
  if (previous) return ok(sentItem(state, previous));
  const content = parseContent(body.msg_type, body.content);
  if ('error' in content) return content.error;
  // Replies to messages the simulator never saw are accepted; their chat is then unknown.
  const chatId = state.sentById.get(parentId)?.chatId ?? state.others.get(parentId)?.chatId;
  const message = store(state, {
    chatId,
    receiveId: chatId ?? parentId,
    receiveIdType: chatId ? 'chat_id' : 'message_id',
    msgType: String(body.msg_type),
    content: content.parsed,
    replyTo: parentId,
    replyInThread: body.reply_in_thread === true,
    uuid,
  });
  return ok(sentItem(state, message));
}

/** GET /open-apis/im/v1/messages/:message_id — merge_forward messages list their children too. */
function get(state: SimState, ctx: RouteContext): Reply {
  const id = ctx.params.message_id ?? '';
  const sent = state.sentById.get(id);
  if (sent) return ok({ items: [sentItem(state, sent)] });
  const stored = state.others.get(id);
  if (!stored) return fail(400, 230001, `message ${id} not found`);
  const children = (state.mergeChildren.get(id) ?? []).flatMap((childId) => {
    const child = state.others.get(childId);
    return child ? [storedItem(state, child)] : [];
  });
  return ok({ items: [storedItem(state, stored), ...children] });
}

/** Routes for sending, replying to and reading messages. */
export function messageRoutes(state: SimState): Route[] {
  return [
    route('POST', '/open-apis/im/v1/messages', (ctx) => create(state, ctx)),
    route('POST', '/open-apis/im/v1/messages/:message_id/reply', (ctx) => reply(state, ctx)),
    route('GET', '/open-apis/im/v1/messages/:message_id', (ctx) => get(state, ctx)),
  ];
}
