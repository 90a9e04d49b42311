/**
 * Workday arithmetic in the business timezone, for reminders that follow the office week (overdue
 * reminders every N workdays).
 *
 * A workday is Monday–Friday *in `tz`*, judged on the calendar day an instant falls on there (Saturday
 * 07:00 in Shanghai is Friday 23:00 UTC, and it is a weekend day). There is **no holiday calendar**: public
 * holidays and the adjusted working weekends (调休) of the Chinese calendar are not known, so a reminder may
 * land on a holiday or skip a make-up Saturday. Callers that need holidays must add them on top.
 * `weekendsOff: false` makes every day a workday (plain calendar days).
 */
import { dayIn, daysFrom, msOfDayIn, shiftDay, weekdayOf, zonedInstant } from './zoned';

export interface WorkdayOptions {
  /** Saturday and Sunday are days off (default `true`); `false` counts every calendar day. */
  weekendsOff?: boolean;
}

/** A calendar day as `YYYY-MM-DD`, with no time or zone. */
type CalendarDay = string;

/** A Monday, the origin for counting workdays arithmetically. */
const EPOCH_MONDAY: CalendarDay = '1970-01-05';

function calendarDay(date: Date, tz: string): CalendarDay {
  return dayIn(date, tz);
}

function weekendsOff(opts: WorkdayOptions | undefined): boolean {
  return opts?.weekendsOff ?? true;
}

function isWeekendDay(day: CalendarDay): boolean {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
}

/**
 * Whether `date` falls on a workday in `tz`: Monday–Friday by default (no public holidays, see the module
 * note); every day when `opts.weekendsOff` is `false`.
 */
export function isWorkday(date: Date, tz: string, opts?: WorkdayOptions): boolean {
  return !weekendsOff(opts) || !isWeekendDay(calendarDay(date, tz));
}

/**
 * The instant `n` workdays after `date` (before it when `n` is negative), at the same wall-clock time in
 * `tz`, counting only workdays (constant time, not a day-by-day walk): Friday + 1 → Monday, Saturday + 1 → Monday;
 * Monday − 1 → Friday. `n = 0` returns `date` unchanged, even on a weekend. `n` must be an integer
 * (`RangeError` otherwise). In zones with daylight saving a wall-clock time that does not exist on the
 * target day moves forward by the gap (zoned.ts); Asia/Shanghai has no DST.
 */
export function addWorkdays(date: Date, n: number, tz: string, opts?: WorkdayOptions): Date {
  if (!Number.isInteger(n)) throw new RangeError(`addWorkdays: n must be an integer, got ${n}`);
  if (n === 0) return new Date(date.getTime());
  const day = calendarDay(date, tz);
  let target: CalendarDay;
  if (!weekendsOff(opts)) {
    target = shiftDay(day, n);
  } else {
    // A weekend day shares Friday's ordinal; stepping back from it, Friday is the first workday.
    const from = workdayOrdinal(day, opts) + (n < 0 && isWeekendDay(day) ? 1 : 0);
    target = dayOfWorkdayOrdinal(from + n);
  }
  return zonedInstant(target, msOfDayIn(date, tz), tz);
}

/** A running count of workdays at `day` (from the epoch Monday); only differences are meaningful. */
function workdayOrdinal(day: CalendarDay, opts: WorkdayOptions | undefined): number {
  const days = daysFrom(EPOCH_MONDAY, day);
  if (!weekendsOff(opts)) return days;
  const weeks = Math.floor(days / 7);
  const rest = days - weeks * 7; // 0 = Monday … 6 = Sunday
  return weeks * 5 + Math.min(rest, 4);
}

/** The workday whose running count is `ordinal` (inverse of `workdayOrdinal` on workdays). */
function dayOfWorkdayOrdinal(ordinal: number): CalendarDay {
  const weeks = Math.floor(ordinal / 5);
  return shiftDay(EPOCH_MONDAY, weeks * 7 + (ordinal - weeks * 5));
}

/**
 * Workdays after `a`'s calendar day up to and including `b`'s, in `tz`; negative when `b` is on an earlier
 * day (then `-workdaysBetween(b, a)`), 0 on the same day. Times of day do not matter. Friday → Monday is 1,
 * Friday → Sunday is 0, Saturday → Monday is 1. It inverts `addWorkdays` when `a` is a workday:
 * `workdaysBetween(a, addWorkdays(a, n, tz), tz) === n`.
 */
export function workdaysBetween(a: Date, b: Date, tz: string, opts?: WorkdayOptions): number {
  return workdayOrdinal(calendarDay(b, tz), opts) - workdayOrdinal(calendarDay(a, tz), opts);
}
