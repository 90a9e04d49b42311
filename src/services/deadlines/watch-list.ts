import type { AppDeps } from '../../app/deps';
import type { ReminderWindowDoc } from '../../db/models/reminder-window';
import { formatInTz } from '../../domain/deadline';
import {
  inReminderWindow,
  REMINDER_WINDOW_DAYS,
  REPAIR_MARGIN_MS,
} from '../../domain/reminder-schedule';

const DAY_MS = 86_400_000;
/** Marks older than this are never looked up again (see ReminderRepo.purgeMarks). */
const MARKS_KEEP_MS = 30 * DAY_MS;

export interface RepairResult {
  watched: number;
  changed: number;
  dropped: number;
  purged: number;
}

/**
 * Makes the reminder watch list true: every activity owing its handover within a day of its reminder
 * window (or past it) is on it, entries that no longer belong are dropped, old marks are forgotten.
 * The one full read of the register.
 */
export async function repairWatchList(now: Date, deps: AppDeps): Promise<RepairResult> {
  const repo = deps.repos.reminders;
  const limit = new Date(now.getTime() + (REMINDER_WINDOW_DAYS * DAY_MS + REPAIR_MARGIN_MS));
  const owed = (await repo.owedBefore(limit)).filter((a) =>
    inReminderWindow(a, now, REPAIR_MARGIN_MS),
  );
  const current = new Map((await repo.watched()).map((w) => [w._id, w]));
  const wanted = new Set(owed.map((a) => a._id));
  const changed: ReminderWindowDoc[] = owed
    .filter((a) => {
      const w = current.get(a._id);
      return (
        !w || w.state !== a.state || w.effectiveDeadline.getTime() !== a.effectiveDeadline.getTime()
      );
    })
    .map((a) => ({
      _id: a._id,
      code: a.code,
      state: a.state,
      effectiveDeadline: a.effectiveDeadline,
    }));
  const dropped = [...current.keys()].filter((id) => !wanted.has(id));
  await repo.watch(changed);
  await repo.unwatch(dropped);
  const purged = await repo.purgeMarks(new Date(now.getTime() - MARKS_KEEP_MS));
  return { watched: owed.length, changed: changed.length, dropped: dropped.length, purged };
}

/**
 * Runs the repair once per business day, whoever comes first (the 03:30 job or the day's first
 * reminder pass after downtime): the day's claim is a unique insert.
 */
export async function repairOncePerDay(
  now: Date,
  deps: AppDeps,
  opts: { force?: boolean } = {},
): Promise<RepairResult | undefined> {
  const day = formatInTz(now, deps.config.tz, 'YYYY-MM-DD');
  const claimed = await deps.repos.reminders.claimRepair(day, now);
  if (!claimed && !opts.force) return undefined;
  return repairWatchList(now, deps);
}
