import { asObject, fail, ok, route, str, type Route, type RouteContext } from './http-util';
import type { SimState } from './state';
import type { Reply, SimChat } from './types';

const CHAT_UUID_WINDOW_MS = 10 * 3600 * 1000;

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function chatInfo(state: SimState, chat: SimChat): Record<string, unknown> {
  return {
    chat_id: chat.chatId,
    name: chat.name,
    description: chat.description,
    owner_id: chat.ownerId,
    owner_id_type: 'open_id',
    chat_mode: chat.chatMode,
    chat_type: chat.chatType,
    user_count: String(chat.members.length),
    bot_count: String(chat.bots.length),
    tenant_key: state.identity.tenantKey,
    external: false,
  };
}

/** POST /open-apis/im/v1/chats?uuid=… — no owner_id means the bot owns the chat. */
function createChat(state: SimState, ctx: RouteContext): Reply {
  const now = state.now().getTime();
  const uuid = ctx.query.uuid;
  const hit = uuid ? state.chatUuids.get(uuid) : undefined;
  const existing =
    hit && now - hit.at < CHAT_UUID_WINDOW_MS ? state.chats.get(hit.chatId) : undefined;
  if (existing) return ok(chatInfo(state, existing));
  const body = asObject(ctx.body);
  const users = stringList(body.user_id_list);
  if (users.length > 50) return fail(400, 232001, 'user_id_list exceeds 50');
  const owner = str(body, 'owner_id');
  const chat: SimChat = {
    chatId: `oc_sim_${state.next('chat')}`,
    name: str(body, 'name') ?? '',
    description: str(body, 'description') ?? '',
    ownerId: owner ?? state.identity.botOpenId,
    chatMode: str(body, 'chat_mode') ?? 'group',
    chatType: str(body, 'chat_type') ?? 'private',
    members: [...new Set([...(owner ? [owner] : []), ...users])],
    bots: [...new Set([state.identity.appId, ...stringList(body.bot_id_list)])],
  };
  state.chats.set(chat.chatId, chat);
  if (uuid) state.chatUuids.set(uuid, { chatId: chat.chatId, at: now });
  return ok(chatInfo(state, chat));
}

/** POST /open-apis/im/v1/chats/:chat_id/members — ids not shaped like open ids are "invalid". */
function addMembers(state: SimState, ctx: RouteContext): Reply {
  const chat = state.chats.get(ctx.params.chat_id ?? '');
  if (!chat) return fail(400, 232010, 'chat not found');
  const ids = stringList(asObject(ctx.body).id_list);
  if (ids.length > 50) return fail(400, 232001, 'id_list exceeds 50');
  const invalid = ids.filter((id) => !id.startsWith('ou_') && !id.startsWith('cli_'));
  for (const id of ids) {
    if (invalid.includes(id)) continue;
    const list = id.startsWith('cli_') ? chat.bots : chat.members;
    if (!list.includes(id)) list.push(id);
  }
  return ok({ invalid_id_list: invalid, not_existed_id_list: [], pending_approval_id_list: [] });
}

/** GET /open-apis/im/v1/chats/:chat_id/members — paged; bots are not listed. */
function listMembers(state: SimState, ctx: RouteContext): Reply {
  const chat = state.chats.get(ctx.params.chat_id ?? '');
  if (!chat) return fail(400, 232010, 'chat not found');
  const pageSize = Math.min(Math.max(Number(ctx.query.page_size ?? 20) || 20, 1), 100);
  const offset = ctx.query.page_token ? Number(ctx.query.page_token.replace(/^p/, '')) || 0 : 0;
  const page = chat.members.slice(offset, offset + pageSize);
  const hasMore = offset + pageSize < chat.members.length;
  return ok({
    items: page.map((id) => ({
      member_id_type: ctx.query.member_id_type ?? 'open_id',
      member_id: id,
      name: state.users.get(id) ?? '',
      tenant_key: state.identity.tenantKey,
    })),
    page_token: hasMore ? `p${offset + pageSize}` : '',
    has_more: hasMore,
    member_total: chat.members.length,
  });
}

function getChat(state: SimState, ctx: RouteContext): Reply {
  const chat = state.chats.get(ctx.params.chat_id ?? '');
  return chat ? ok(chatInfo(state, chat)) : fail(400, 232010, 'chat not found');
}

function getUser(state: SimState, ctx: RouteContext): Reply {
  const id = ctx.params.user_id ?? '';
  const name = state.users.get(id);
  if (name === undefined) return fail(400, 41050, 'no user authority or user not found');
  return ok({ user: { open_id: id, union_id: id.replace(/^ou_/, 'on_'), name, status: {} } });
}

function botInfo(state: SimState): Reply {
  const { botName, botOpenId } = state.identity;
  return {
    status: 200,
    json: {
      code: 0,
      msg: 'ok',
      bot: {
        app_name: botName,
        avatar_url: '',
        ip_white_list: [],
        open_id: botOpenId,
        activate_status: 2,
      },
    },
  };
}

/** Routes for chats, chat members, contact users and the bot's own info. */
export function chatRoutes(state: SimState): Route[] {
  return [
    route('POST', '/open-apis/im/v1/chats', (ctx) => createChat(state, ctx)),
    route('GET', '/open-apis/im/v1/chats/:chat_id', (ctx) => getChat(state, ctx)),
    route('POST', '/open-apis/im/v1/chats/:chat_id/members', (ctx) => addMembers(state, ctx)),
    route('GET', '/open-apis/im/v1/chats/:chat_id/members', (ctx) => listMembers(state, ctx)),
    route('GET', '/open-apis/contact/v3/users/:user_id', (ctx) => getUser(state, ctx)),
    route('GET', '/open-apis/bot/v3/info', () => botInfo(state)),
  ];
}
