/**
 * Workday arithmetic in the business timezone, for reminders that follow the office week (overdue
 * reminders every N workdays, a decider reminded after 2 workdays).
 *
 * Which days are workdays is the `WorkCalendar`'s business (work-calendar.ts: State Council holidays
 * and 调休, the college's closures, vacations and extra workdays); here an instant is judged on the
 * calendar day it falls on *in `tz`* (Saturday 07:00 in Shanghai is Friday 23:00 UTC, and it is
 * Saturday that counts). Tests that do not care pass `PLAIN_WEEK` (Monday–Friday).
 */
import { dayNumber, dayOfNumber, type WorkCalendar } from './work-calendar';
import { dayIn, msOfDayIn, zonedInstant } from './zoned';

function dayNumberIn(date: Date, tz: string): number {
  return dayNumber(dayIn(date, tz));
}

/** Whether `date` falls on a workday of `calendar`, judged on its calendar day in `tz`. */
export function isWorkday(date: Date, tz: string, calendar: WorkCalendar): boolean {
  return calendar.isWorkdayNumber(dayNumberIn(date, tz));
}

/**
 * The instant `n` workdays after `date` (before it when `n` is negative), at the same wall-clock time in
 * `tz`: Friday + 1 → Monday, Saturday + 1 → Monday, Monday − 1 → Friday, and across 国庆 the next
 * workday after the holiday (or the 调休 Saturday). `n = 0` returns `date` unchanged, even on a day off.
 * `n` must be an integer (`RangeError` otherwise). In zones with daylight saving a wall-clock time that
 * does not exist on the target day moves forward by the gap (zoned.ts); Asia/Shanghai has no DST.
 */
export function addWorkdays(date: Date, n: number, tz: string, calendar: WorkCalendar): Date {
  if (!Number.isInteger(n)) throw new RangeError(`addWorkdays: n must be an integer, got ${n}`);
  if (n === 0) return new Date(date.getTime());
  const day = dayNumberIn(date, tz);
  // A day off shares the last workday's count; stepping back from it, that workday is the first.
  const from = calendar.ordinal(day) + (n < 0 && !calendar.isWorkdayNumber(day) ? 1 : 0);
  const target = calendar.dayOfOrdinal(from + n);
  return zonedInstant(dayOfNumber(target), msOfDayIn(date, tz), tz);
}

/**
 * Workdays after `a`'s calendar day up to and including `b`'s, in `tz`; negative when `b` is on an earlier
 * day (then `-workdaysBetween(b, a)`), 0 on the same day. Times of day do not matter. Friday → Monday is 1,
 * Friday → Sunday is 0, Saturday → Monday is 1. It inverts `addWorkdays` when `a` is a workday:
 * `workdaysBetween(a, addWorkdays(a, n, tz, c), tz, c) === n`.
 */
export function workdaysBetween(a: Date, b: Date, tz: string, calendar: WorkCalendar): number {
  return calendar.ordinal(dayNumberIn(b, tz)) - calendar.ordinal(dayNumberIn(a, tz));
}

/**
 * The first workday on or after `day` (a `YYYY-MM-DD`), as a `YYYY-MM-DD`: the day itself when it is a
 * workday, else the day after the holiday or weekend.
 */
export function workdayOnOrAfter(day: string, calendar: WorkCalendar): string {
  const n = dayNumber(day);
  return calendar.isWorkdayNumber(n)
    ? day
    : dayOfNumber(calendar.dayOfOrdinal(calendar.ordinal(n) + 1));
}
