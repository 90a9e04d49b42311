import { noticeCard } from '../../cards/notice';
import type { AppDeps } from '../app/deps';
import { parseActivityCode } from '../domain/activity-code';
import { rolesOf } from '../domain/roles';
import type { IncomingMessage } from '../feishu/normalize';
import { t } from '../i18n/t';
import type { HandlerContext } from '../inbox/worker';
import { listCardFor, registrationFormFor, statusCardFor } from '../services/activities/cards';
import { unbindChat } from '../services/activities/manage';

const whereOf = (msg: IncomingMessage) => ({ chatType: msg.chatType, chatId: msg.chatId });

/** `登记` / `register`: answers with the registration form. */
export async function onRegisterCommand(
  msg: IncomingMessage,
  _args: string,
  ctx: HandlerContext,
  deps: AppDeps,
): Promise<void> {
  const card = await registrationFormFor(msg.senderOpenId, whereOf(msg), deps);
  await deps.messenger.replyCard(msg.messageId, card, `${ctx.recordId}:register-form`, msg.chatId);
}

/**
 * `状态` / `status`: the activity named by `#HD-…` in the text, else the one bound to this group;
 * in a private chat without a code, the person's own activities.
 */
export async function onStatusCommand(
  msg: IncomingMessage,
  args: string,
  ctx: HandlerContext,
  deps: AppDeps,
): Promise<void> {
  const repo = deps.repos.activities;
  const code = parseActivityCode(args) ?? parseActivityCode(msg.text ?? '');
  const binding = code ? null : msg.chatType === 'group' ? await repo.bindingOf(msg.chatId) : null;
  const activity = code
    ? await repo.findByCode(code)
    : binding
      ? await repo.findById(binding.activityId)
      : null;
  const key = `${ctx.recordId}:status`;
  if (activity) {
    await deps.messenger.replyCard(
      msg.messageId,
      await statusCardFor(activity, msg.senderOpenId, whereOf(msg), deps),
      key,
      msg.chatId,
    );
  } else if (code) {
    await deps.messenger.replyCard(
      msg.messageId,
      noticeCard(t('errors.activity_not_found'), t('errors.activity_not_found'), 'grey'),
      key,
      msg.chatId,
    );
  } else if (msg.chatType === 'p2p') {
    await deps.messenger.replyCard(
      msg.messageId,
      await listCardFor('mine', msg.senderOpenId, 1, undefined, deps),
      key,
      msg.chatId,
    );
  } else {
    await deps.messenger.replyCard(
      msg.messageId,
      noticeCard(t('errors.chat_not_bound'), t('activity.statusNoBinding'), 'grey'),
      key,
      msg.chatId,
    );
  }
}

/** `我的活动` / `my activities`. */
export async function onMyActivitiesCommand(
  msg: IncomingMessage,
  _args: string,
  ctx: HandlerContext,
  deps: AppDeps,
): Promise<void> {
  await deps.messenger.replyCard(
    msg.messageId,
    await listCardFor('mine', msg.senderOpenId, 1, undefined, deps),
    `${ctx.recordId}:mine`,
    msg.chatId,
  );
}

/** `全部活动` / `all activities` (archivists; `全部活动 校庆` searches by title or code). */
export async function onAllActivitiesCommand(
  msg: IncomingMessage,
  args: string,
  ctx: HandlerContext,
  deps: AppDeps,
): Promise<void> {
  const key = `${ctx.recordId}:all`;
  if (!rolesOf(msg.senderOpenId, await deps.directory.load()).archivist) {
    await deps.messenger.replyCard(
      msg.messageId,
      noticeCard(t('errors.not_archivist'), t('errors.not_archivist'), 'grey'),
      key,
      msg.chatId,
    );
    return;
  }
  const filters = args ? { q: args.slice(0, 100) } : undefined;
  await deps.messenger.replyCard(
    msg.messageId,
    await listCardFor('all', msg.senderOpenId, 1, filters, deps),
    key,
    msg.chatId,
  );
}

/** The bot left or was removed from a group: unbind it and tell the activity's contact. */
export async function onBotDeleted(
  payload: Record<string, unknown>,
  ctx: HandlerContext,
  deps: AppDeps,
): Promise<void> {
  const event = payload.event as { chat_id?: unknown; name?: unknown } | undefined;
  if (typeof event?.chat_id !== 'string') return;
  const activity = await unbindChat(event.chat_id, deps);
  if (!activity) return;
  const chat = typeof event.name === 'string' && event.name ? event.name : event.chat_id;
  const body = t('activity.unboundNotice', { chat, code: activity.code, title: activity.title });
  await deps.messenger.sendCard(
    { openId: activity.contact },
    noticeCard(t('activity.unboundTitle'), body, 'orange'),
    `${ctx.recordId}:unbound`,
  );
}
