import { DIGEST_MAX_ROWS, overdueDigestCard, type OverdueRow } from '../../cards/overdue-digest';
import { daysBetweenCalendarDays, formatInTz } from '../domain/deadline';
import { sortOverdue } from '../domain/overdue';
import { reminderStateOf } from '../domain/reminders';
import { displayName } from '../domain/roles';
import { isWorkday } from '../domain/workdays';
import { materialCounts } from '../services/activities/cards';
import { alertArchivists } from '../services/alert-archivists';
import { unitName } from '../services/extensions/extension-views';
import { repairOncePerDay } from '../services/deadlines/watch-list';
import type { Job } from './types';

/**
 * Every morning, one card to the archive room (its group chat if configured, else each archivist):
 * each overdue activity with unit, contact, days overdue, pending extension and items collected, most
 * overdue first, with "status" and "remind now". Sent once per workday (keyed by the date); nothing
 * is sent on a day off of the work calendar or on a day with nothing overdue. Handed-over activities are not owed, so they never appear.
 */
export const overdueDigestJob: Job = {
  name: 'overdue-digest',
  cron: '0 9 * * *',
  description: "Sends the archivists' daily digest of overdue handovers.",
  async run({ now, deps, log }) {
    const tz = deps.config.tz;
    // Not on days off: the first workday after a holiday lists everything still overdue.
    if (!isWorkday(now, tz, deps.calendar))
      return { summary: 'not a workday: no digest', counts: { overdue: 0, recipients: 0 } };
    // Every overdue activity is on the reminder watch list; read the full records of those only.
    const repo = deps.repos.reminders;
    await repairOncePerDay(now, deps);
    const ids = (await repo.watched())
      .filter((w) => reminderStateOf(w.state) === 'open' && w.effectiveDeadline < now)
      .map((w) => w._id);
    const overdue = (await repo.activitiesByIds(ids)).filter(
      (a) => reminderStateOf(a.state) === 'open' && a.effectiveDeadline.getTime() < now.getTime(),
    );
    if (overdue.length === 0)
      return { summary: 'nothing overdue', counts: { overdue: 0, recipients: 0 } };
    const [dir, pending] = await Promise.all([
      deps.directory.load(),
      deps.repos.extensions.pendingActivityIds(),
    ]);
    const sorted = sortOverdue(
      overdue.map((a) => ({
        activity: a,
        code: a.code,
        daysOverdue: Math.max(1, daysBetweenCalendarDays(a.effectiveDeadline, now, tz)),
      })),
    );
    const shown = sorted.slice(0, DIGEST_MAX_ROWS);
    const rows: OverdueRow[] = [];
    for (const { activity: a, daysOverdue } of shown) {
      const counts = await materialCounts(a, deps);
      rows.push({
        activityId: a._id,
        code: a.code,
        title: a.title,
        unitName: unitName(a.unit, dir),
        contactName: displayName(a.contact, dir),
        daysOverdue,
        items:
          counts.documents +
          counts.photos +
          counts.audio +
          counts.video +
          counts.links +
          counts.physical,
        extensionPending: pending.has(a._id),
      });
    }
    const date = formatInTz(now, tz, 'YYYY-MM-DD');
    const card = overdueDigestCard({ date, rows, more: sorted.length - shown.length });
    const recipients = await alertArchivists(deps, card, `overdue-digest:${date}`);
    log.info({ overdue: sorted.length, recipients }, 'digest.sent');
    return {
      summary: `${sorted.length} overdue activit(ies) sent to ${recipients} recipient(s)`,
      counts: { overdue: sorted.length, recipients },
    };
  },
};
