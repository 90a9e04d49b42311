/**
 * The college's working calendar: which calendar days are workdays. Pure data in, answers out; the
 * State Council's 放假 / 调休 days (the `chinese-days` package, read by src/config/work-calendar.ts)
 * and the college's own file (closures, 寒暑假, extra workdays) are passed in as plain lists.
 *
 * A day is decided by the first rule that speaks about it:
 *   1. a college extra workday (补班, an open day on a Saturday)          → workday
 *   2. a college closure                                                 → day off
 *   3. a vacation (寒暑假), only when the college counts vacations        → day off
 *   4. a State Council holiday → day off; a State Council 调休 day       → workday
 *   5. otherwise Monday–Friday are workdays, Saturday and Sunday are not.
 * A year the official data does not cover ("unknown", e.g. next year before the State Council publishes
 * it) falls back to rule 5 for its official part; `knowsYear` lets callers warn about it.
 *
 * Counting is constant-time-ish: only the days that differ from the plain week are stored (a few dozen
 * a year), with a running sum, so `ordinal` is a binary search and workday arithmetic never walks days.
 */
import type { CalendarDay } from './zoned';

/** One year of State Council data: days off, and weekend days worked instead (调休上班). */
export interface OfficialYear {
  holidays: readonly CalendarDay[];
  workdays: readonly CalendarDay[];
}

/** An inclusive range of days with a name people recognise (国庆, 寒假, 校庆). */
export interface NamedRange {
  from: CalendarDay;
  to: CalendarDay;
  name: string;
}

export interface NamedDay {
  date: CalendarDay;
  name: string;
}

/** What the college's own calendar file says (see src/config/college-calendar.ts). */
export interface CollegeCalendar {
  closures: readonly NamedRange[];
  vacations: readonly NamedRange[];
  /** Vacations are days off only when the college says so (teachers often work in them). */
  countVacations: boolean;
  extraWorkdays: readonly NamedDay[];
}

export interface WorkCalendarData {
  /** Official data by year. A year absent here is unknown (plain week for its official part). */
  official: ReadonlyMap<number, OfficialYear>;
  college: CollegeCalendar;
}

/** Why a day is (not) a workday; for cards and logs. */
export type DayReason =
  | 'weekday'
  | 'weekend'
  | 'holiday'
  | 'makeup_workday'
  | 'closure'
  | 'vacation'
  | 'extra_workday';

export interface DayInfo {
  workday: boolean;
  reason: DayReason;
  /** The holiday, closure, vacation or extra workday's name. */
  name?: string;
}

const DAY_MS = 86_400_000;
/** 1970-01-05, a Monday: the origin of the plain-week count. */
const EPOCH_MONDAY = 4;

/** Days since 1970-01-01 of a `YYYY-MM-DD`. */
export function dayNumber(day: CalendarDay): number {
  return (
    Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) /
    DAY_MS
  );
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The `YYYY-MM-DD` of a day number. */
export function dayOfNumber(n: number): CalendarDay {
  const d = new Date(n * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Monday–Friday. 1970-01-01 (day 0) was a Thursday. */
function isPlainWeekday(n: number): boolean {
  const weekday = (((n + 4) % 7) + 7) % 7; // 0 = Sunday
  return weekday >= 1 && weekday <= 5;
}

/** Weekdays in (epoch Monday, n]; a weekend day shares the preceding Friday's count. */
function plainOrdinal(n: number): number {
  const days = n - EPOCH_MONDAY;
  const weeks = Math.floor(days / 7);
  return weeks * 5 + Math.min(days - weeks * 7, 4);
}

/** The weekday whose plain count is `ordinal`. */
function plainDayOfOrdinal(ordinal: number): number {
  const weeks = Math.floor(ordinal / 5);
  return EPOCH_MONDAY + weeks * 7 + (ordinal - weeks * 5);
}

function eachDay(range: NamedRange, fn: (n: number) => void): void {
  const last = dayNumber(range.to);
  for (let n = dayNumber(range.from); n <= last; n++) fn(n);
}

/** A workday calendar; build one with `buildWorkCalendar` (or use `PLAIN_WEEK`). */
export class WorkCalendar {
  /** Day number → its info, for every day the college or the State Council speaks about. */
  private readonly special = new Map<number, DayInfo>();
  /** Sorted day numbers whose workday status differs from the plain week, and running sums. */
  private readonly diffDays: number[] = [];
  private readonly diffSums: number[] = [];
  private readonly years: ReadonlySet<number>;

  constructor(data: WorkCalendarData) {
    this.years = new Set(data.official.keys());
    const put = (n: number, info: DayInfo) => {
      if (!this.special.has(n)) this.special.set(n, info);
    };
    // First rule wins: fill from the strongest to the weakest.
    for (const d of data.college.extraWorkdays)
      put(dayNumber(d.date), { workday: true, reason: 'extra_workday', name: d.name });
    for (const r of data.college.closures)
      eachDay(r, (n) => put(n, { workday: false, reason: 'closure', name: r.name }));
    if (data.college.countVacations) {
      for (const r of data.college.vacations)
        eachDay(r, (n) => put(n, { workday: false, reason: 'vacation', name: r.name }));
    }
    for (const year of data.official.values()) {
      for (const day of year.holidays) put(dayNumber(day), { workday: false, reason: 'holiday' });
      for (const day of year.workdays)
        put(dayNumber(day), { workday: true, reason: 'makeup_workday' });
    }
    let sum = 0;
    for (const n of [...this.special.keys()].sort((a, b) => a - b)) {
      const info = this.special.get(n)!;
      if (info.workday === isPlainWeekday(n)) continue;
      sum += info.workday ? 1 : -1;
      this.diffDays.push(n);
      this.diffSums.push(sum);
    }
  }

  /** Whether the official (State Council) calendar of `year` is known. */
  knowsYear(year: number): boolean {
    return this.years.has(year);
  }

  /** The years with official data, ascending. */
  knownYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  /** What `day` is and why. Official holidays carry no name here (the data names them unevenly). */
  describe(day: CalendarDay): DayInfo {
    const n = dayNumber(day);
    const info = this.special.get(n);
    if (info) return info;
    return isPlainWeekday(n)
      ? { workday: true, reason: 'weekday' }
      : { workday: false, reason: 'weekend' };
  }

  isWorkday(day: CalendarDay): boolean {
    return this.isWorkdayNumber(dayNumber(day));
  }

  isWorkdayNumber(n: number): boolean {
    return this.special.get(n)?.workday ?? isPlainWeekday(n);
  }

  /**
   * A running count of workdays up to and including day `n` (only differences are meaningful): a
   * day off shares the count of the last workday before it.
   */
  ordinal(n: number): number {
    return plainOrdinal(n) + this.sumUpTo(n);
  }

  /** The workday whose running count is `ordinal` (the inverse of `ordinal` on workdays). */
  dayOfOrdinal(ordinal: number): number {
    // The smallest day whose count reaches `ordinal` is the workday that made it so. Start from the
    // plain-week answer and widen by doubling until the target is bracketed, then bisect.
    let lo = plainDayOfOrdinal(ordinal - this.sumUpTo(plainDayOfOrdinal(ordinal)));
    let hi = lo;
    let step = 1;
    while (this.ordinal(lo) >= ordinal) {
      lo -= step;
      step *= 2;
    }
    step = 1;
    while (this.ordinal(hi) < ordinal) {
      hi += step;
      step *= 2;
    }
    // Invariant: ordinal(lo) < target ≤ ordinal(hi).
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.ordinal(mid) >= ordinal) hi = mid;
      else lo = mid;
    }
    return hi;
  }

  private sumUpTo(n: number): number {
    let lo = 0;
    let hi = this.diffDays.length; // first index with diffDays[i] > n
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.diffDays[mid]! <= n) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 0 : this.diffSums[lo - 1]!;
  }
}

export function buildWorkCalendar(data: WorkCalendarData): WorkCalendar {
  return new WorkCalendar(data);
}

/** No holidays, no college days: Monday–Friday everywhere (tests, and a calendar nobody configured). */
export const PLAIN_WEEK: WorkCalendar = new WorkCalendar({
  official: new Map(),
  college: { closures: [], vacations: [], countVacations: false, extraWorkdays: [] },
});

/**
 * The years near `today` whose official calendar is unknown and matter now: this year always, and
 * next year from December on (the State Council publishes it late in the year).
 */
export function missingYears(calendar: WorkCalendar, today: CalendarDay): number[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const years = month === 12 ? [year, year + 1] : [year];
  return years.filter((y) => !calendar.knowsYear(y));
}
