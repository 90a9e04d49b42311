import { asObject, fail, ok, route, str, type Route, type RouteContext } from './http-util';
import { checkCardObject, parseContent, PATCH_WINDOW_MS } from './messages-common';
import type { SimState } from './state';
import type { Reply } from './types';

/** A delayed-update token lives 30 minutes and may be used twice. */
const CARD_TOKEN_TTL_MS = 30 * 60 * 1000;
const CARD_TOKEN_USES = 2;

/** PATCH /open-apis/im/v1/messages/:message_id — only this bot's interactive cards, ≤ 14 days old. */
function patch(state: SimState, ctx: RouteContext): Reply {
  const id = ctx.params.message_id ?? '';
  const message = state.sentById.get(id);
  if (!message || message.msgType !== 'interactive') {
    return fail(400, 230001, 'only interactive messages sent by this bot can be updated');
  }
  if (state.now().getTime() - message.createTime.getTime() > PATCH_WINDOW_MS) {
    return fail(400, 230031, 'the message was sent more than 14 days ago');
  }
  const content = parseContent('interactive', asObject(ctx.body).content);
  if ('error' in content) return content.error;
  message.updates.push(content.parsed);
  return ok({});
}

/**
 * POST /open-apis/interactive/v1/card/update — delayed update with a callback token. Every call is
 * recorded in `cardUpdates`; tokens issued with `issueCardToken(messageId)` also append the card to
 * that message's updates. Tokens expire after 30 min or 2 uses (simulator answers 400 code 230001).
 */
function cardUpdate(state: SimState, ctx: RouteContext): Reply {
  const body = asObject(ctx.body);
  const token = str(body, 'token');
  if (!token || !token.startsWith('c-')) return fail(400, 230001, 'invalid card token');
  const invalid = checkCardObject(body.card);
  if (invalid) return invalid;
  const now = state.now().getTime();
  const entry = state.cardTokens.get(token) ?? { issuedAt: now, uses: 0 };
  state.cardTokens.set(token, entry);
  if (entry.uses >= CARD_TOKEN_USES || now - entry.issuedAt > CARD_TOKEN_TTL_MS) {
    return fail(400, 230001, 'card token expired or used up');
  }
  entry.uses += 1;
  state.cardUpdates.push({ token, card: body.card, messageId: entry.messageId, at: new Date(now) });
  if (entry.messageId) state.sentById.get(entry.messageId)?.updates.push(body.card);
  return ok({});
}

/** Routes for card updates (PATCH and delayed update). */
export function cardRoutes(state: SimState): Route[] {
  return [
    route('PATCH', '/open-apis/im/v1/messages/:message_id', (ctx) => patch(state, ctx)),
    route('POST', '/open-apis/interactive/v1/card/update', (ctx) => cardUpdate(state, ctx)),
  ];
}
