/**
 * Reminders before and after the one-month handover deadline (第七条1), as pure functions of the deadline,
 * the clock (`now`, an argument) and what was already sent. A job calls `dueReminders` on a schedule,
 * sends what it returns, and records both the sent and the skipped keys, so nothing is ever sent twice or
 * late after downtime.
 *
 * Schedule (all in the policy's timezone, on calendar days):
 *   t_minus_7 / t_minus_3 / t_minus_1  at `dueDayHour` 7, 3, 1 calendar days before the deadline's day
 *   due_day                            at `dueDayHour` on the deadline's day ("the morning of the due day")
 *   overdue_1, overdue_2, …            at `dueDayHour` on the 1st, 1+every, 1+2·every … workday after the
 *                                      deadline's day (the policy's WorkCalendar: holidays and 调休 count)
 *   escalation_1, escalation_2, …      to the leader in charge at 7, 14, … calendar days overdue, on the
 *                                      first workday on or after that day
 * Quiet hours (and days off, when `weekendsQuiet`) push a reminder to the next allowed moment.
 *
 * Keys are stable strings meant for storage: `t_minus_7`, `due_day`, `overdue_3`, `escalation_2`. They are
 * per deadline: when an extension changes the deadline, the caller starts a fresh set of sent keys.
 */
import type { ActivityState } from './activity-lifecycle';
import { daysBetweenCalendarDays } from './deadline';
import { DomainError } from './errors';
import { PLAIN_WEEK, type WorkCalendar } from './work-calendar';
import { addWorkdays, workdayOnOrAfter, workdaysBetween } from './workdays';
import { dayIn, hhmmMs, minutesIn, shiftDay, zonedInstant, type CalendarDay } from './zoned';

/** Reminders before the deadline passes, earliest first. */
export const BEFORE_DEADLINE_KINDS = ['t_minus_7', 't_minus_3', 't_minus_1', 'due_day'] as const;
export type BeforeDeadlineKind = (typeof BEFORE_DEADLINE_KINDS)[number];

export const REMINDER_KINDS = [...BEFORE_DEADLINE_KINDS, 'overdue'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** The n-th overdue reminder (1-based). */
export type OverdueKey = `overdue_${number}`;
/** The stored identity of one reminder for one deadline. */
export type ReminderKey = BeforeDeadlineKind | OverdueKey;
/** The n-th escalation card to the leader in charge (1-based). */
export type EscalationKey = `escalation_${number}`;

const DAYS_BEFORE: Record<BeforeDeadlineKind, number> = {
  t_minus_7: 7,
  t_minus_3: 3,
  t_minus_1: 1,
  due_day: 0,
};

/** Calendar days between a before-deadline reminder's day and the deadline's day (due_day → 0). */
export function daysBeforeDeadline(kind: BeforeDeadlineKind): number {
  return DAYS_BEFORE[kind];
}

export function isBeforeDeadlineKind(value: unknown): value is BeforeDeadlineKind {
  return typeof value === 'string' && (BEFORE_DEADLINE_KINDS as readonly string[]).includes(value);
}

/** The key of the n-th overdue reminder; `n` must be a positive integer (`RangeError` otherwise). */
export function overdueKey(n: number): OverdueKey {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`overdue reminder number ${n}`);
  return `overdue_${n}`;
}

/** The key of the n-th escalation; `n` must be a positive integer (`RangeError` otherwise). */
export function escalationKey(n: number): EscalationKey {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`escalation number ${n}`);
  return `escalation_${n}`;
}

export type ParsedReminderKey = { kind: BeforeDeadlineKind } | { kind: 'overdue'; n: number };

/**
 * Reads a stored key back: `t_minus_7` → `{ kind: 't_minus_7' }`, `overdue_3` → `{ kind: 'overdue', n: 3 }`.
 * Anything else (`overdue_0`, `overdue_01`, `escalation_1`, `overdue`) → `undefined`.
 */
export function parseReminderKey(key: string): ParsedReminderKey | undefined {
  if (isBeforeDeadlineKind(key)) return { kind: key };
  const m = /^overdue_([1-9]\d*)$/.exec(key);
  return m ? { kind: 'overdue', n: Number(m[1]) } : undefined;
}

export function isReminderKey(value: unknown): value is ReminderKey {
  return typeof value === 'string' && parseReminderKey(value) !== undefined;
}

/** Where an activity stands for reminders: only `open` ones are reminded. */
export type ReminderActivityState = 'open' | 'handed_over' | 'accepted' | 'cancelled';

/**
 * Maps the lifecycle to reminder states: registered/collecting/ended/returned are `open` (a returned
 * handover is the organizer's job again), handover_submitted is `handed_over` (the archivist has it, the
 * deadline no longer nags), accepted and cancelled are themselves.
 */
export function reminderStateOf(state: ActivityState): ReminderActivityState {
  switch (state) {
    case 'handover_submitted':
      return 'handed_over';
    case 'accepted':
    case 'cancelled':
      return state;
    default:
      return 'open';
  }
}

/** When reminders may go out. Build one with `reminderPolicy`, which fills the defaults and checks it. */
export interface ReminderPolicy {
  /** Start of quiet hours, `HH:mm` in `tz`, inclusive (default `21:00`). */
  quietStart: string;
  /** End of quiet hours, `HH:mm` in `tz`, exclusive (default `08:00`). Equal to start: no quiet hours. */
  quietEnd: string;
  /** Days off of the calendar (weekends, holidays, closures) are quiet all day (default `false`). */
  weekendsQuiet: boolean;
  /** Hour (0–23, in `tz`) at which reminders are scheduled on their day (default 9). */
  dueDayHour: number;
  /** Workdays between overdue reminders (integer ≥ 1, default 2). */
  overdueEveryWorkdays: number;
  /** The business timezone, e.g. `Asia/Shanghai`. */
  tz: string;
  /** Which days are workdays (default `PLAIN_WEEK`: Monday–Friday, no holidays). */
  calendar: WorkCalendar;
}

export const DEFAULT_REMINDER_POLICY: Omit<ReminderPolicy, 'tz'> = {
  quietStart: '21:00',
  quietEnd: '08:00',
  weekendsQuiet: false,
  dueDayHour: 9,
  overdueEveryWorkdays: 2,
  calendar: PLAIN_WEEK,
};

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * A complete policy from `tz` and any overrides (e.g. from config). A malformed field throws
 * `DomainError('validation_failed', { field })`: `HH:mm` times, an integer `dueDayHour` in 0..23, an
 * integer `overdueEveryWorkdays` ≥ 1, a non-blank `tz`. A `dueDayHour` inside quiet hours is allowed but
 * pushes every reminder to the next `quietEnd` (and `due_day` past an end-of-day deadline: it is skipped).
 */
export function reminderPolicy(input: Partial<ReminderPolicy> & { tz: string }): ReminderPolicy {
  const policy: ReminderPolicy = {
    ...DEFAULT_REMINDER_POLICY,
    ...stripUndefined(input),
    tz: input.tz,
  };
  for (const field of ['quietStart', 'quietEnd'] as const) {
    if (!HH_MM.test(policy[field])) {
      throw new DomainError('validation_failed', { field, value: policy[field] });
    }
  }
  if (!Number.isInteger(policy.dueDayHour) || policy.dueDayHour < 0 || policy.dueDayHour > 23) {
    throw new DomainError('validation_failed', { field: 'dueDayHour', value: policy.dueDayHour });
  }
  if (!Number.isInteger(policy.overdueEveryWorkdays) || policy.overdueEveryWorkdays < 1) {
    throw new DomainError('validation_failed', {
      field: 'overdueEveryWorkdays',
      value: policy.overdueEveryWorkdays,
    });
  }
  if (!policy.tz.trim()) throw new DomainError('validation_failed', { field: 'tz' });
  return policy;
}

function stripUndefined<T extends object>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function calendarDay(date: Date, tz: string): CalendarDay {
  return dayIn(date, tz);
}

/** `HH:mm` on `day` in `tz`. */
function atTime(day: CalendarDay, hhmm: string, tz: string): Date {
  return zonedInstant(day, hhmmMs(hhmm), tz);
}

function hourText(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

function minutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** Whether the clock time of `at` lies in the daily quiet window (weekends aside). */
function inQuietClock(at: Date, policy: ReminderPolicy): boolean {
  const start = minutes(policy.quietStart);
  const end = minutes(policy.quietEnd);
  if (start === end) return false;
  const m = minutesIn(at, policy.tz);
  return start < end ? m >= start && m < end : m >= start || m < end;
}

/**
 * Whether nothing may be sent at `at`: inside quiet hours (`quietStart` inclusive to `quietEnd` exclusive,
 * wrapping midnight when start > end, none when they are equal) or, with `weekendsQuiet`, on a day off of
 * the policy's calendar in `tz` (a weekend, a holiday, a closure; a 调休 Saturday is a workday, not quiet).
 */
export function isQuietTime(at: Date, policy: ReminderPolicy): boolean {
  return (
    inQuietClock(at, policy) ||
    (policy.weekendsQuiet && !policy.calendar.isWorkday(calendarDay(at, policy.tz)))
  );
}

/**
 * The first moment at or after `at` when a reminder may go: `at` itself when it is not quiet; inside quiet
 * hours, `quietEnd` (today for the early-morning part, tomorrow for the evening part of a window that
 * wraps midnight); with `weekendsQuiet`, a time that lands on a day off moves to the start of the next
 * workday, which is again pushed to `quietEnd` when the quiet window covers midnight. Defaults: 22:00 →
 * 08:00 next day, 07:00 → 08:00, Friday 22:00 (weekendsQuiet) → Monday 08:00, 30 September 22:00 → 8
 * October 08:00 (国庆).
 */
export function nextAllowedTime(at: Date, policy: ReminderPolicy): Date {
  const { tz } = policy;
  let candidate = at;
  if (inQuietClock(at, policy)) {
    const day = calendarDay(at, tz);
    const start = minutes(policy.quietStart);
    const end = minutes(policy.quietEnd);
    const m = minutesIn(at, tz);
    const wrapsAndEvening = start > end && m >= start;
    candidate = atTime(wrapsAndEvening ? shiftDay(day, 1) : day, policy.quietEnd, tz);
  }
  if (policy.weekendsQuiet) {
    const day = calendarDay(candidate, tz);
    if (!policy.calendar.isWorkday(day)) {
      const next = workdayOnOrAfter(day, policy.calendar);
      candidate = atTime(next, '00:00', tz);
      if (inQuietClock(candidate, policy)) candidate = atTime(next, policy.quietEnd, tz);
    }
  }
  return candidate;
}

/** `overdue` alone means the first overdue reminder. */
function parseKeyOrThrow(key: ReminderKey | 'overdue'): ParsedReminderKey {
  if (key === 'overdue') return { kind: 'overdue', n: 1 };
  const parsed = parseReminderKey(key);
  if (!parsed) throw new DomainError('validation_failed', { field: 'key', value: key });
  return parsed;
}

/**
 * When a reminder is *meant* to go, before quiet hours (see `sendAt` for the pushed time):
 * - `t_minus_N`: `dueDayHour` on the calendar day N days before the deadline's day (in `tz`);
 * - `due_day`: `dueDayHour` on the deadline's day;
 * - `overdue_n` (or `overdue` = `overdue_1`): `dueDayHour` on the (1 + (n−1)·every)-th workday after the
 *   deadline's day, so with every = 2 a Monday deadline gives Tue, Thu, next Mon, Wed, ….
 * Only the deadline's calendar day matters, not its time. An unknown key throws
 * `DomainError('validation_failed', { field: 'key' })`.
 */
export function scheduledAt(
  key: ReminderKey | 'overdue',
  deadline: Date,
  policy: ReminderPolicy,
): Date {
  const parsed = parseKeyOrThrow(key);
  const { tz } = policy;
  const hour = hourText(policy.dueDayHour);
  if (parsed.kind !== 'overdue') {
    return atTime(shiftDay(calendarDay(deadline, tz), -DAYS_BEFORE[parsed.kind]), hour, tz);
  }
  const nth = 1 + (parsed.n - 1) * policy.overdueEveryWorkdays;
  return atTime(calendarDay(addWorkdays(deadline, nth, tz, policy.calendar), tz), hour, tz);
}

/** When a reminder actually becomes sendable: `scheduledAt` pushed out of quiet hours. */
export function sendAt(key: ReminderKey | 'overdue', deadline: Date, policy: ReminderPolicy): Date {
  return nextAllowedTime(scheduledAt(key, deadline, policy), policy);
}

/** One reminder to send now. */
export interface DueReminder {
  key: ReminderKey;
  kind: ReminderKind;
  /** Before the deadline: calendar days from today to the deadline's day (0 on the due day). */
  daysLeft?: number;
  /** After the deadline: calendar days past the deadline's day (at least 1). */
  overdueDays?: number;
}

export interface DueRemindersInput {
  /** The effective deadline (after approved extensions). */
  deadline: Date;
  now: Date;
  policy: ReminderPolicy;
  /** Keys already sent *or skipped* for this deadline. */
  sentKeys: ReadonlySet<string>;
  state: ReminderActivityState;
}

export interface DueRemindersResult {
  /** What to send now: at most one reminder. */
  due: DueReminder[];
  /** Unsent keys that became pointless; record them with the sent ones so they never go out late. */
  skipped: ReminderKey[];
}

/**
 * What to send *now*, and what to give up on. The rule:
 * - nothing unless `state` is `open`, nothing while `now` is quiet (`isQuietTime`): the job's next run
 *   after quiet hours sends it;
 * - a reminder is due when its `sendAt` (scheduled time pushed by quiet hours) ≤ `now`;
 * - keys in `sentKeys` are never returned, in either list;
 * - before the deadline (`now` ≤ deadline): only the latest due before-deadline reminder is sent; earlier
 *   unsent ones are `skipped` (after downtime, the due day sends `due_day` only, never "7 days left"). A
 *   reminder that quiet hours push onto the day of the next one (e.g. Sunday's `t_minus_1` to Monday, the
 *   due day, with `weekendsQuiet`), or past the deadline, never goes out itself: the next one replaces it;
 * - after the deadline: every unsent before-deadline key is `skipped`, and only the latest due
 *   `overdue_n` is sent, earlier unsent ones skipped; between the deadline and `overdue_1` (e.g. the
 *   weekend after a Friday deadline) nothing is sent;
 * - a late reminder is not sent on the calendar day the next one goes out (after downtime until 08:30 on
 *   the due day, `t_minus_1` waits and `due_day` alone goes at 09:00); it is then `skipped` with the rest;
 * - `daysLeft` / `overdueDays` are computed from `now`, so a late reminder states the true count.
 */
export function dueReminders(input: DueRemindersInput): DueRemindersResult {
  const { deadline, now, policy, sentKeys, state } = input;
  const none: DueRemindersResult = { due: [], skipped: [] };
  if (state !== 'open' || isQuietTime(now, policy)) return none;
  const unsent = (key: ReminderKey) => !sentKeys.has(key);

  if (now.getTime() > deadline.getTime()) {
    const skipped: ReminderKey[] = BEFORE_DEADLINE_KINDS.filter(unsent);
    const latest = latestDueOverdue(deadline, now, policy);
    if (latest === 0) return { due: [], skipped };
    for (let n = 1; n < latest; n++) {
      const key = overdueKey(n);
      if (unsent(key)) skipped.push(key);
    }
    const key = overdueKey(latest);
    const next = sendAt(overdueKey(latest + 1), deadline, policy);
    if (!unsent(key) || sameOrLaterDay(now, next, policy.tz)) return { due: [], skipped };
    const overdueDays = Math.max(1, daysBetweenCalendarDays(deadline, now, policy.tz));
    return { due: [{ key, kind: 'overdue', overdueDays }], skipped };
  }

  const live = liveBeforeKinds(deadline, policy);
  let latest = -1;
  live.forEach((at, i) => {
    if (at !== undefined && at.getTime() <= now.getTime()) latest = i;
  });
  if (latest < 0) return none;
  const kind = BEFORE_DEADLINE_KINDS[latest] as BeforeDeadlineKind;
  const skipped = BEFORE_DEADLINE_KINDS.slice(0, latest).filter(unsent);
  const next = live.slice(latest + 1).find((at) => at !== undefined);
  if (!unsent(kind) || (next && sameOrLaterDay(now, next, policy.tz))) return { due: [], skipped };
  const daysLeft = daysBetweenCalendarDays(now, deadline, policy.tz);
  return { due: [{ key: kind, kind, daysLeft }], skipped };
}

/** Whether `now` is on `next`'s calendar day or later, in `tz`. */
function sameOrLaterDay(now: Date, next: Date, tz: string): boolean {
  return calendarDay(now, tz) >= calendarDay(next, tz);
}

/**
 * The send times of the before-deadline reminders, index-aligned with `BEFORE_DEADLINE_KINDS`, with
 * `undefined` for those that never go out themselves: pushed past the deadline, or onto (or past) the
 * calendar day of the next reminder that does go out.
 */
function liveBeforeKinds(deadline: Date, policy: ReminderPolicy): (Date | undefined)[] {
  const times = BEFORE_DEADLINE_KINDS.map((kind) => sendAt(kind, deadline, policy));
  const live: (Date | undefined)[] = times.map((t) =>
    t.getTime() <= deadline.getTime() ? t : undefined,
  );
  let nextDay: CalendarDay | undefined;
  for (let i = live.length - 1; i >= 0; i--) {
    const t = live[i];
    if (t === undefined) continue;
    const day = calendarDay(t, policy.tz);
    if (nextDay !== undefined && day >= nextDay) live[i] = undefined;
    else nextDay = day;
  }
  return live;
}

/**
 * The highest n whose `overdue_n` send time is ≤ now (0 if none yet). The last one scheduled on or before
 * today follows from the workday count; quiet hours can only push a send time later, so step back while
 * it is still ahead of `now` (at most a step or two).
 */
function latestDueOverdue(deadline: Date, now: Date, policy: ReminderPolicy): number {
  const workdays = workdaysBetween(deadline, now, policy.tz, policy.calendar);
  if (workdays < 1) return 0;
  let n = Math.floor((workdays - 1) / policy.overdueEveryWorkdays) + 1;
  while (n >= 1 && sendAt(overdueKey(n), deadline, policy).getTime() > now.getTime()) n -= 1;
  return n;
}

/** Calendar days overdue between escalations. */
export const ESCALATION_EVERY_DAYS = 7;

export interface EscalationInput {
  /** The effective deadline. */
  deadline: Date;
  now: Date;
  tz: string;
  /** Escalation keys already sent for this deadline. */
  sentKeys: ReadonlySet<string>;
  /** Leave out or `open`; any other state never escalates. */
  state?: ReminderActivityState;
  /**
   * Optional: when given, escalation_k waits for `dueDayHour` on the first workday on or after its day
   * (the policy's calendar) and for quiet hours to end, and nothing goes out while `now` is quiet or on
   * a day off, like the reminders. Its `tz` should equal `tz`.
   */
  policy?: ReminderPolicy;
}

/**
 * The escalation card due now for the leader in charge, or `undefined`. `escalation_k` is due once the
 * activity is 7·k calendar days overdue (deadline's day + 7k in `tz`): 6 days → none, 7 → `escalation_1`,
 * 13 → still `escalation_1`, 14 → `escalation_2`. Only the latest is returned; earlier unsent ones are
 * simply never sent (after downtime the leader gets one card, not a backlog). Returns `undefined` when
 * that latest one is in `sentKeys`. With a policy, an escalation falling in 国庆 waits for the first
 * workday after it (which then carries only the latest one).
 */
export function escalationDue(input: EscalationInput): EscalationKey | undefined {
  const { deadline, now, tz, sentKeys, state = 'open', policy } = input;
  if (state !== 'open' || now.getTime() <= deadline.getTime()) return undefined;
  if (policy && (isQuietTime(now, policy) || !policy.calendar.isWorkday(calendarDay(now, tz))))
    return undefined;
  let k = Math.floor(daysBetweenCalendarDays(deadline, now, tz) / ESCALATION_EVERY_DAYS);
  while (policy && k >= 1) {
    const day = shiftDay(calendarDay(deadline, tz), k * ESCALATION_EVERY_DAYS);
    const workday = workdayOnOrAfter(day, policy.calendar);
    const at = nextAllowedTime(atTime(workday, hourText(policy.dueDayHour), tz), policy);
    if (at.getTime() <= now.getTime()) break;
    k -= 1;
  }
  if (k < 1) return undefined;
  const key = escalationKey(k);
  return sentKeys.has(key) ? undefined : key;
}
