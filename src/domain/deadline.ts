/**
 * Handover deadlines (第七条1): complete material reaches the archive room within one calendar month after the
 * activity ends; a later date needs the leader in charge's approval (an extension).
 *
 * Every rule here works on *calendar days in the business timezone* (Asia/Shanghai, passed in by the caller
 * from config), never on the machine's timezone nor on 24-hour blocks: an activity that ends at 23:30 on
 * 31 Jan in Shanghai ended on 31 Jan, although that instant is already 15:30 UTC on the same day, and one
 * that ends at 07:00 on 1 Feb Shanghai is 23:00 UTC on 31 Jan. Time enters as arguments only (`now: Date`).
 */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { DomainError } from './errors';
import { dayIn, daysFrom, zonedInstant } from './zoned';

dayjs.extend(utc);
dayjs.extend(timezone);

/** A calendar day as `YYYY-MM-DD`; compared and shifted as a date, with no time or zone. */
type CalendarDay = string;

/** The calendar day `date` falls on in `tz`. */
function calendarDay(date: Date, tz: string): CalendarDay {
  return dayIn(date, tz);
}

/** The last millisecond (23:59:59.999) of a calendar day in `tz`. */
function endOfCalendarDay(day: CalendarDay, tz: string): Date {
  return zonedInstant(day, 86_399_999, tz);
}

/**
 * The handover deadline for an activity that ended at `endAt`: the end's calendar date in `tz`, plus one
 * calendar month, at the end of that day (23:59:59.999 in `tz`).
 *
 * Decisions pinned by tests:
 * - "one month" is dayjs `add(1, 'month')`, which clamps to the last day of a shorter month:
 *   31 Jan → 28 Feb (29 Feb in a leap year), 31 Mar → 30 Apr, 30 Apr → 30 May, 28 Feb → 28 Mar.
 * - the deadline is end-of-day, so the whole due day counts: an end at 23:30 on 31 Jan 2026 Shanghai is due
 *   28 Feb 2026 23:59:59.999 Shanghai (= 15:59:59.999 UTC).
 * - the calendar date is taken in `tz`, not UTC: a late-evening or early-morning end belongs to its Shanghai day.
 */
export function handoverDeadline(endAt: Date, tz: string): Date {
  const endDay = calendarDay(endAt, tz);
  const dueDay = dayjs.utc(endDay).add(1, 'month').format('YYYY-MM-DD');
  return endOfCalendarDay(dueDay, tz);
}

/** An extension that the leader in charge approved. */
export interface ApprovedExtension {
  newDeadline: Date;
  decidedAt: Date;
}

/**
 * The deadline in force: the `newDeadline` of the most recently *decided* approved extension, else the
 * original. Latest decision wins (not the latest date), so a leader can approve a shorter second extension
 * that replaces an earlier one. Ties on `decidedAt` go to the later `newDeadline`. Pass approved ones only.
 */
export function effectiveDeadline(original: Date, approvedExtensions: ApprovedExtension[]): Date {
  let latest: ApprovedExtension | undefined;
  for (const ext of approvedExtensions) {
    const newer = latest === undefined || ext.decidedAt.getTime() > latest.decidedAt.getTime();
    const tieLater =
      latest !== undefined &&
      ext.decidedAt.getTime() === latest.decidedAt.getTime() &&
      ext.newDeadline.getTime() > latest.newDeadline.getTime();
    if (newer || tieLater) latest = ext;
  }
  return latest ? latest.newDeadline : original;
}

/**
 * Checks a requested extension date against the current effective deadline. Only the calendar day in `tz`
 * matters: the request must fall on a later day, else `DomainError('extension_not_later')` (same day or
 * earlier is not an extension). Returns the end of the requested day, which becomes the new deadline.
 */
export function validateExtensionDate(current: Date, requested: Date, tz: string): Date {
  const currentDay = calendarDay(current, tz);
  const requestedDay = calendarDay(requested, tz);
  if (requestedDay <= currentDay) {
    throw new DomainError('extension_not_later', { current: currentDay, requested: requestedDay });
  }
  return endOfCalendarDay(requestedDay, tz);
}

/**
 * Calendar days from `a` to `b` in `tz` (b's date minus a's date): positive when `b` is on a later day.
 * 23:59 today and 00:01 tomorrow are 1 day apart; 00:01 and 23:59 on the same day are 0.
 */
export function daysBetweenCalendarDays(a: Date, b: Date, tz: string): number {
  return daysFrom(calendarDay(a, tz), calendarDay(b, tz));
}

/** Formats an instant as seen in `tz` (dayjs format tokens), e.g. for cards: `2026-02-28 23:59`. */
export function formatInTz(date: Date, tz: string, format = 'YYYY-MM-DD HH:mm'): string {
  return dayjs(date).tz(tz).format(format);
}

/** Where an activity stands against its deadline; days are calendar days in the business timezone. */
export type DeadlineState =
  | { kind: 'accepted' }
  | { kind: 'handed_over' }
  | { kind: 'on_time'; daysLeft: number }
  | { kind: 'due_soon'; daysLeft: number }
  | { kind: 'due_today' }
  | { kind: 'overdue'; daysOverdue: number };

export interface DeadlineStateInput {
  /** The effective deadline (see `effectiveDeadline`). */
  deadline: Date;
  now: Date;
  tz: string;
  /** Set while a handover waits for the archivist; leave out once it was returned. */
  handedOverAt?: Date;
  acceptedAt?: Date;
  /** `due_soon` covers 1..dueSoonDays days left; more is `on_time`. */
  dueSoonDays?: number;
}

/**
 * Classifies an activity for reminders and lists. Accepted beats handed over beats the clock: once the
 * archivist has the material, the deadline no longer nags. Otherwise `daysLeft` = deadline's date − today's
 * date in `tz`: 0 → `due_today`, 1..dueSoonDays → `due_soon`, more → `on_time`, below 0 → `overdue`.
 * A deadline that is not end-of-day and already passed today counts as overdue by 1 (never "0 days overdue").
 */
export function deadlineState(input: DeadlineStateInput): DeadlineState {
  const { deadline, now, tz, dueSoonDays = 7 } = input;
  if (input.acceptedAt) return { kind: 'accepted' };
  if (input.handedOverAt) return { kind: 'handed_over' };
  const daysLeft = daysBetweenCalendarDays(now, deadline, tz);
  if (daysLeft < 0 || now.getTime() > deadline.getTime()) {
    return { kind: 'overdue', daysOverdue: Math.max(1, -daysLeft) };
  }
  if (daysLeft === 0) return { kind: 'due_today' };
  return daysLeft <= dueSoonDays ? { kind: 'due_soon', daysLeft } : { kind: 'on_time', daysLeft };
}

const FEISHU_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2})(?::(\d{2}))?)? ([+-])(\d{2}):?(\d{2})$/;

/**
 * Parses the value a Feishu card picker submits: date-time pickers send `"2024-04-29 07:07 +0800"`, date
 * pickers `"2024-04-01 +0800"` (midnight at that offset). The offset is the picker user's, so the instant is
 * exact whatever the server's timezone. Impossible dates (30 Feb, 25:00) and anything else → `undefined`.
 */
export function parseFeishuDateTime(value: string): Date | undefined {
  const m = FEISHU_DATE_TIME.exec(value.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute, second, offH, offM] = [1, 2, 3, 4, 5, 6, 8, 9].map((i) =>
    Number(m[i] ?? 0),
  ) as [number, number, number, number, number, number, number, number];
  if (year < 1000 || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59)
    return undefined;
  if (offH > 14 || offM > 59) return undefined;
  const utcMs = Date.UTC(year, month - 1, day, hour, minute, second);
  const probe = new Date(utcMs);
  if (probe.getUTCDate() !== day || probe.getUTCMonth() !== month - 1) return undefined;
  const offsetMinutes = (m[7] === '-' ? -1 : 1) * (offH * 60 + offM);
  return new Date(utcMs - offsetMinutes * 60_000);
}

/**
 * A date picker's value (`2026-12-20 +0800`, or a bare `2026-12-20`) as noon of that calendar day in
 * `tz`, so the day survives any offset; `undefined` when it is not a real date.
 */
export function parseFeishuDate(value: string, tz: string): Date | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})(?: [+-]\d{2}:?\d{2})?$/.exec(value.trim());
  if (!m?.[1] || !parseFeishuDateTime(`${m[1]} +0000`)) return undefined;
  return dayjs.tz(`${m[1]} 12:00`, tz).toDate();
}
