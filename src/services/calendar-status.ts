import { calendarUnknownCard } from '../../cards/calendar-unknown';
import type { AppDeps } from '../app/deps';
import { OFFICIAL_DATA_SOURCE } from '../config/work-calendar';
import { missingYears, type WorkCalendar } from '../domain/work-calendar';
import { dayIn } from '../domain/zoned';
import type { Logger } from '../lib/logger';

/**
 * Logs one warning per year that matters now (this year; next year from December) whose State
 * Council calendar is unknown: workdays there are Monday–Friday until it is added. Returns those years.
 */
export function warnAboutMissingYears(
  calendar: WorkCalendar,
  now: Date,
  tz: string,
  log: Logger,
): number[] {
  const years = missingYears(calendar, dayIn(now, tz));
  for (const year of years) {
    log.warn(
      { year, source: OFFICIAL_DATA_SOURCE, known: calendar.knownYears().at(-1) },
      'calendar.year_unknown: workdays fall back to Monday-Friday',
    );
  }
  return years;
}

/**
 * In December, when next year's official calendar is still unknown, each admin gets one card saying so
 * (keyed by year and admin: the send is recorded, so daily runs and restarts never repeat it).
 * Returns how many admins were sent it now or before.
 */
export async function noticeUnknownNextYear(deps: AppDeps, now: Date): Promise<number> {
  const today = dayIn(now, deps.config.tz);
  if (today.slice(5, 7) !== '12') return 0;
  const year = Number(today.slice(0, 4)) + 1;
  if (deps.calendar.knowsYear(year)) return 0;
  const dir = await deps.directory.load();
  if (dir.admins.length === 0) {
    deps.log.warn({ year }, 'calendar.year_unknown.no_admins');
    return 0;
  }
  const card = calendarUnknownCard({
    year,
    source: OFFICIAL_DATA_SOURCE,
    lastKnownYear: deps.calendar.knownYears().at(-1) ?? year - 1,
  });
  for (const openId of dir.admins) {
    await deps.messenger.sendCard({ openId }, card, `calendar-unknown:${year}:${openId}`);
  }
  return dir.admins.length;
}
