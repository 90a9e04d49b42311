import { noticeCard } from '../../cards/notice';
import type { AppDeps } from '../app/deps';
import { parseActivityCode } from '../domain/activity-code';
import { DomainError } from '../domain/errors';
import type { IncomingMessage } from '../feishu/normalize';
import { td } from '../i18n/messages-deadline';
import { t } from '../i18n/t';
import type { HandlerContext } from '../inbox/worker';
import { openExtensionForm } from '../services/extensions/request-extension';

/**
 * `延期` / `extension`: the request form for the activity named by its code, else the one bound to
 * this group. Whoever is not its registrant or contact is told so, and nothing is created.
 */
export async function onExtensionCommand(
  msg: IncomingMessage,
  args: string,
  ctx: HandlerContext,
  deps: AppDeps,
): Promise<void> {
  const repo = deps.repos.activities;
  const key = `${ctx.recordId}:extension`;
  const reply = (card: Parameters<typeof deps.messenger.replyCard>[1]) =>
    deps.messenger.replyCard(msg.messageId, card, key, msg.chatId);
  const code = parseActivityCode(args);
  const binding = !code && msg.chatType === 'group' ? await repo.bindingOf(msg.chatId) : null;
  const activity = code
    ? await repo.findByCode(code)
    : binding
      ? await repo.findById(binding.activityId)
      : null;
  if (!activity) {
    await reply(
      code
        ? noticeCard(t('errors.activity_not_found'), t('errors.activity_not_found'), 'grey')
        : noticeCard(td('reminder.extend'), td('ext.command.which'), 'grey'),
    );
    return;
  }
  try {
    const outcome = await openExtensionForm(activity._id, msg.senderOpenId, deps);
    await reply(
      outcome.kind === 'form'
        ? outcome.card
        : noticeCard(td('ext.form.title', { code: activity.code }), outcome.text, 'orange'),
    );
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const text =
      err.code === 'not_allowed' ? t('errors.not_allowed') : t('errors.invalid_transition');
    await reply(noticeCard(td('ext.form.title', { code: activity.code }), text, 'grey'));
  }
}
