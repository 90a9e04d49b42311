import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import {
  dayIn,
  daysFrom,
  minutesIn,
  shiftDay,
  weekdayOf,
  zonedInstant,
} from '../../../src/domain/zoned';

dayjs.extend(utc);
dayjs.extend(timezone);

const ZONES = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Adelaide', 'UTC'];

/** A deterministic spread of instants over 2025–2027, including every DST season. */
const instants = Array.from(
  { length: 400 },
  (_, i) => new Date(Date.UTC(2025, 0, 1) + i * 7_919_993 * 1000 + (i % 60) * 60_000),
);

describe('zoned time, compared with dayjs.tz', () => {
  it.each(ZONES)('gives the same calendar day and clock time in %s', (tz) => {
    for (const at of instants) {
      const ref = dayjs(at).tz(tz);
      expect(dayIn(at, tz)).toBe(ref.format('YYYY-MM-DD'));
      expect(minutesIn(at, tz)).toBe(ref.hour() * 60 + ref.minute());
    }
  });
  it.each(ZONES)('turns a local day and time back into the same instant in %s', (tz) => {
    for (const at of instants) {
      const ref = dayjs(at).tz(tz);
      const ms = ((ref.hour() * 60 + ref.minute()) * 60 + ref.second()) * 1000 + ref.millisecond();
      const back = zonedInstant(ref.format('YYYY-MM-DD'), ms, tz);
      // Round trips hold except for the repeated hour when clocks go back (earlier instant chosen).
      if (back.getTime() !== at.getTime()) expect(at.getTime() - back.getTime()).toBe(3_600_000);
    }
  });
  it('moves a time skipped by the spring-forward gap past the gap', () => {
    // 2026-03-08 02:30 does not exist in New York: clocks jump 02:00 → 03:00.
    expect(
      zonedInstant('2026-03-08', (2 * 60 + 30) * 60_000, 'America/New_York').toISOString(),
    ).toBe('2026-03-08T07:30:00.000Z');
  });
  it('does day arithmetic across months, years and leap days', () => {
    expect(shiftDay('2028-02-28', 1)).toBe('2028-02-29');
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftDay('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysFrom('2026-01-01', '2027-01-01')).toBe(365);
    expect(weekdayOf('2026-11-25')).toBe(3);
  });
});
