import { archiveSearchCard } from '../../cards/archive-search';
import { noticeCard } from '../../cards/notice';
import type { AppDeps } from '../app/deps';
import { parseActivityCode } from '../domain/activity-code';
import { parseArchiveSearch } from '../domain/archive-search';
import { isDomainError } from '../domain/errors';
import { rolesOf } from '../domain/roles';
import type { IncomingMessage } from '../feishu/normalize';
import { th } from '../i18n/messages-handover';
import { t } from '../i18n/t';
import type { HandlerContext } from '../inbox/worker';
import { assessmentYear, sendAssessment } from '../services/handover/assessment-report';
import { searchArchives } from '../services/handover/search';
import { runHandoverCheck, type Answer } from '../services/handover/tasks';

const answerOf = (msg: IncomingMessage): Answer => ({ replyTo: msg.messageId, chatId: msg.chatId });

async function replyNotice(
  msg: IncomingMessage,
  title: { zh_cn: string; en_us: string },
  body: { zh_cn: string; en_us: string },
  key: string,
  deps: AppDeps,
): Promise<void> {
  await deps.messenger.replyCard(msg.messageId, noticeCard(title, body, 'grey'), key, msg.chatId);
}

async function isArchivist(openId: string, deps: AppDeps): Promise<boolean> {
  return rolesOf(openId, await deps.directory.load()).archivist;
}

/**
 * `移交` / `handover` (or `提交移交` / `submit handover`): the pre-check and, when nothing blocks, the
 * submission, for the activity named by `#HD-…` or bound to this group. A refusal (not the
 * organizer, wrong state) is answered with its reason.
 */
export async function onHandoverCommand(
  msg: IncomingMessage,
  args: string,
  ctx: HandlerContext,
  deps: AppDeps,
): Promise<void> {
  const key = `${ctx.recordId}:handover`;
  const code = parseActivityCode(args);
  const repo = deps.repos.activities;
  const binding = !code && msg.chatType === 'group' ? await repo.bindingOf(msg.chatId) : null;
  const activity = code
    ? await repo.findByCode(code)
    : binding
      ? await repo.findById(binding.activityId)
      : null;
  if (!activity) {
    await replyNotice(msg, th('ho.btn.submit'), th('ho.cmd.noActivity'), key, deps);
    return;
  }
  const confirm = /(仍然|确认|confirm|anyway)/i.test(args);
  try {
    await runHandoverCheck(
      { activityId: activity._id, operator: msg.senderOpenId, confirm, answer: answerOf(msg) },
      key,
      deps,
    );
  } catch (err) {
    if (!isDomainError(err)) throw err;
    await replyNotice(msg, th('ho.btn.submit'), t(`errors.${err.code}`), `${key}:refused`, deps);
  }
}

/** `检索` / `search` (archivists): accepted archives by code, words, category, unit, year or number. */
export async function onArchivesCommand(
  msg: IncomingMessage,
  args: string,
  ctx: HandlerContext,
  deps: AppDeps,
): Promise<void> {
  const key = `${ctx.recordId}:archives`;
  if (!(await isArchivist(msg.senderOpenId, deps))) {
    await replyNotice(msg, t('errors.not_archivist'), t('errors.not_archivist'), key, deps);
    return;
  }
  const view = await searchArchives(parseArchiveSearch(args), deps);
  await deps.messenger.replyCard(msg.messageId, archiveSearchCard(view), key, msg.chatId);
}

/** `评估 [年度]` / `assessment [year]` (archivists): ranking card, chart, XLSX report, draft notice. */
export async function onAssessmentCommand(
  msg: IncomingMessage,
  args: string,
  ctx: HandlerContext,
  deps: AppDeps,
): Promise<void> {
  const key = `${ctx.recordId}:assessment`;
  if (!(await isArchivist(msg.senderOpenId, deps))) {
    await replyNotice(msg, t('errors.not_archivist'), t('errors.not_archivist'), key, deps);
    return;
  }
  const year = assessmentYear(args, deps.clock.now(), deps.config.tz);
  await sendAssessment(year, answerOf(msg), key, deps);
}
