import { PUBLICITY_REMIND_AFTER_DAYS } from '../domain/material-items';
import { isWorkday } from '../domain/workdays';
import { sendFilingCard } from '../services/materials/publicity';
import type { Job } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Publicity batches left unfiled for 3 days: the sender gets the filing card again, marked as a
 * reminder, and so does each archivist (any of them can file it). Once per batch: the mark is a
 * unique insert, and each send carries a key derived from the batch, so overlapping runs, restarts
 * and replicas never remind twice. Runs hourly in working hours so nobody is reminded at night, and
 * only on workdays of the work calendar.
 */
export const publicityRemindersJob: Job = {
  name: 'publicity-reminders',
  cron: '0 9-18 * * *',
  description:
    'Reminds the sender and the archivists of publicity batches unfiled for 3 days (once).',
  async run({ now, deps, log }) {
    // Not on days off: the first workday after a holiday reminds every batch that came due meanwhile.
    if (!isWorkday(now, deps.config.tz, deps.calendar))
      return { summary: 'not a workday: no reminders', counts: { reminded: 0, examined: 0 } };
    const due = await deps.repos.curation.unfiledBatches(
      new Date(now.getTime() - PUBLICITY_REMIND_AFTER_DAYS * DAY_MS),
    );
    const dir = await deps.directory.load();
    let reminded = 0;
    for (const batch of due) {
      if (await deps.repos.curation.wasReminded(batch.batchId)) continue;
      const recipients = [...new Set([batch.sender, ...dir.archivists])];
      for (const openId of recipients) {
        await sendFilingCard(
          batch.batchId,
          { openId },
          `publicity-reminder:${batch.batchId}:${openId}`,
          deps,
          { reminder: true },
        );
      }
      await deps.repos.curation.markReminded(batch.batchId, now);
      log.info({ batchId: batch.batchId, recipients: recipients.length }, 'publicity.reminded');
      reminded += 1;
    }
    return {
      summary: `${reminded} unfiled publicity batch(es) reminded, ${due.length} examined`,
      counts: { reminded, examined: due.length },
    };
  },
};
