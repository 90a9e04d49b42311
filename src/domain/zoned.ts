/**
 * Calendar days and wall-clock times in a named time zone, fast. The reminder rules convert instants
 * to local days and times dozens of times per activity; going through dayjs' timezone plugin each time
 * costs a formatter call per conversion (about 2 ms per activity, which dominated a reminder pass over
 * a few hundred activities). Here a zone's UTC offset is computed once per zone and hour and cached;
 * days and times are then plain UTC arithmetic. Results equal dayjs.tz's (a test compares them).
 */

/** A calendar day as `YYYY-MM-DD`. */
export type CalendarDay = string;

const HOUR_MS = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();
const OFFSET_CACHE_MAX = 50_000;

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** The zone's offset from UTC at `ms`, in ms (local = UTC + offset). Offsets change on the hour. */
export function offsetAt(ms: number, tz: string): number {
  const hour = Math.floor(ms / HOUR_MS);
  const key = `${tz}|${hour}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  const probe = hour * HOUR_MS;
  const parts: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(new Date(probe)))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const local = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
  );
  const offset = local - probe;
  if (offsets.size > OFFSET_CACHE_MAX) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The instant as wall-clock fields in `tz`, read from a shifted Date's UTC fields. */
function local(at: Date, tz: string): Date {
  return new Date(at.getTime() + offsetAt(at.getTime(), tz));
}

/** The calendar day `at` falls on in `tz`. */
export function dayIn(at: Date, tz: string): CalendarDay {
  const l = local(at, tz);
  return `${pad(l.getUTCFullYear(), 4)}-${pad(l.getUTCMonth() + 1)}-${pad(l.getUTCDate())}`;
}

/** The wall-clock time of `at` in `tz`, in minutes after midnight. */
export function minutesIn(at: Date, tz: string): number {
  const l = local(at, tz);
  return l.getUTCHours() * 60 + l.getUTCMinutes();
}

/** Milliseconds after local midnight of `at` in `tz`. */
export function msOfDayIn(at: Date, tz: string): number {
  const l = local(at, tz).getTime();
  return ((l % 86_400_000) + 86_400_000) % 86_400_000;
}

function dayMs(day: CalendarDay): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

/** The calendar day `n` days after `day` (before it when negative). */
export function shiftDay(day: CalendarDay, n: number): CalendarDay {
  const d = new Date(dayMs(day) + n * 86_400_000);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysFrom(a: CalendarDay, b: CalendarDay): number {
  return Math.round((dayMs(b) - dayMs(a)) / 86_400_000);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: CalendarDay): number {
  return new Date(dayMs(day)).getUTCDay();
}

/**
 * The instant at `msOfDay` after local midnight of `day` in `tz`. A local time skipped by a DST jump
 * moves forward by the gap, and a repeated one takes the earlier instant, as dayjs.tz does.
 */
export function zonedInstant(day: CalendarDay, msOfDay: number, tz: string): Date {
  const wall = dayMs(day) + msOfDay;
  const first = wall - offsetAt(wall, tz);
  const second = wall - offsetAt(first, tz);
  if (first === second) return new Date(first);
  const third = wall - offsetAt(second, tz);
  return new Date(third === second ? second : Math.max(first, second));
}

/** `HH:mm` as milliseconds after midnight. */
export const hhmmMs = (hhmm: string): number =>
  (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))) * 60_000;
