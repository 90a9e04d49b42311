import { noticeCard } from '../../cards/notice';
import type { AppDeps } from '../app/deps';
import { formatInTz } from '../domain/deadline';
import { rolesOf } from '../domain/roles';
import type { IncomingMessage } from '../feishu/normalize';
import { tb } from '../i18n/messages-backup';
import type { HandlerContext } from '../inbox/worker';
import { backupReviewFor, backupStatusFor } from '../services/backup/status';

/**
 * `备份` / `backup` (archivists only): the backup status with entries still waiting for their
 * keeper; `备份 年度 2026` / `backup review 2026`: the year's review card.
 */
export async function onBackupCommand(
  msg: IncomingMessage,
  args: string,
  ctx: HandlerContext,
  deps: AppDeps,
): Promise<void> {
  const key = `${ctx.recordId}:backup`;
  const dir = await deps.directory.load();
  if (!rolesOf(msg.senderOpenId, dir).archivist) {
    const text = tb('backup.status.onlyArchivists');
    await deps.messenger.replyCard(msg.messageId, noticeCard(text, text, 'grey'), key, msg.chatId);
    return;
  }
  const review = /^(年度|review)\s*(\d{4})?$/i.exec(args.trim());
  const year = Number(review?.[2] ?? formatInTz(deps.clock.now(), deps.config.tz, 'YYYY'));
  const card = review
    ? ((await backupReviewFor(deps, year)) ?? (await backupStatusFor(deps)))
    : await backupStatusFor(deps);
  await deps.messenger.replyCard(msg.messageId, card, key, msg.chatId);
}
