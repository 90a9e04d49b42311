import { PLAIN_WEEK } from '../../../src/domain/work-calendar';
import { addWorkdays, isWorkday, workdaysBetween } from '../../../src/domain/workdays';

const SH = 'Asia/Shanghai';
const d = (iso: string) => new Date(iso);

// 2026-04-03 is a Friday, 04-04 Saturday, 04-05 Sunday, 04-06 Monday.
describe('isWorkday', () => {
  it.each([
    ['Friday noon', '2026-04-03T12:00:00+08:00', true],
    ['Saturday', '2026-04-04T12:00:00+08:00', false],
    ['Sunday', '2026-04-05T12:00:00+08:00', false],
    ['Monday', '2026-04-06T12:00:00+08:00', true],
    // The Shanghai day counts, not the UTC one.
    ['Sat 07:00 Shanghai = Fri 23:00 UTC', '2026-04-03T23:00:00Z', false],
    ['Mon 00:30 Shanghai = Sun 16:30 UTC', '2026-04-05T16:30:00Z', true],
  ])('%s (%s) → %s', (_label, iso, expected) => {
    expect(isWorkday(d(iso), SH, PLAIN_WEEK)).toBe(expected);
  });
});

describe('addWorkdays', () => {
  it.each([
    ['Fri + 1 → Mon', '2026-04-03T09:00:00+08:00', 1, '2026-04-06T09:00:00+08:00'],
    ['Thu + 1 → Fri', '2026-04-02T09:00:00+08:00', 1, '2026-04-03T09:00:00+08:00'],
    ['Sat + 1 → Mon', '2026-04-04T09:00:00+08:00', 1, '2026-04-06T09:00:00+08:00'],
    ['Sun + 1 → Mon', '2026-04-05T09:00:00+08:00', 1, '2026-04-06T09:00:00+08:00'],
    ['Mon + 5 → next Mon', '2026-04-06T09:00:00+08:00', 5, '2026-04-13T09:00:00+08:00'],
    ['Thu + 2 → Mon', '2026-04-02T09:00:00+08:00', 2, '2026-04-06T09:00:00+08:00'],
    ['Mon − 1 → Fri', '2026-04-06T09:00:00+08:00', -1, '2026-04-03T09:00:00+08:00'],
    ['Sun − 1 → Fri', '2026-04-05T09:00:00+08:00', -1, '2026-04-03T09:00:00+08:00'],
    ['0 keeps a Saturday', '2026-04-04T09:00:00+08:00', 0, '2026-04-04T09:00:00+08:00'],
    // Keeps the Shanghai wall-clock time and day, even when the UTC day differs.
    [
      'end of Mon + 1 → end of Tue',
      '2026-04-06T23:59:59.999+08:00',
      1,
      '2026-04-07T23:59:59.999+08:00',
    ],
    ['Fri 23:59 + 1 → Mon 23:59', '2026-04-03T23:59:00+08:00', 1, '2026-04-06T23:59:00+08:00'],
    [
      'month boundary: Tue 31 Mar + 3 → Fri 3 Apr',
      '2026-03-31T09:00:00+08:00',
      3,
      '2026-04-03T09:00:00+08:00',
    ],
  ])('%s', (_label, from, n, expected) => {
    expect(addWorkdays(d(from), n, SH, PLAIN_WEEK).toISOString()).toBe(d(expected).toISOString());
  });

  it.each([1.5, Number.NaN])('rejects n = %s', (n) => {
    expect(() => addWorkdays(d('2026-04-03T09:00:00+08:00'), n, SH, PLAIN_WEEK)).toThrow(
      RangeError,
    );
  });
});

describe('workdaysBetween', () => {
  it.each([
    ['same day', 0, '2026-04-06T01:00:00+08:00', '2026-04-06T23:00:00+08:00'],
    ['Fri → Mon', 1, '2026-04-03T23:00:00+08:00', '2026-04-06T01:00:00+08:00'],
    ['Fri → Sat', 0, '2026-04-03T12:00:00+08:00', '2026-04-04T12:00:00+08:00'],
    ['Fri → Sun', 0, '2026-04-03T12:00:00+08:00', '2026-04-05T12:00:00+08:00'],
    ['Sat → Mon', 1, '2026-04-04T12:00:00+08:00', '2026-04-06T12:00:00+08:00'],
    ['Mon → next Mon', 5, '2026-04-06T12:00:00+08:00', '2026-04-13T12:00:00+08:00'],
    ['Mon → Mon two weeks on', 10, '2026-04-06T12:00:00+08:00', '2026-04-20T12:00:00+08:00'],
    ['Mon → previous Fri', -1, '2026-04-06T12:00:00+08:00', '2026-04-03T12:00:00+08:00'],
    ['Wed → Thu across UTC days', 1, '2026-04-08T07:00:00+08:00', '2026-04-09T07:00:00+08:00'],
  ])('%s → %i', (_label, expected, a, b) => {
    expect(workdaysBetween(d(a), d(b), SH, PLAIN_WEEK)).toBe(expected);
  });

  it.each([-7, -3, -1, 1, 2, 4, 9, 23])('inverts addWorkdays(Wednesday, %i)', (n) => {
    const wed = d('2026-04-08T10:00:00+08:00');
    expect(workdaysBetween(wed, addWorkdays(wed, n, SH, PLAIN_WEEK), SH, PLAIN_WEEK)).toBe(n);
  });
});

describe('addWorkdays agrees with a day-by-day walk', () => {
  /** The obvious definition: step one calendar day at a time, count Mon–Fri in Shanghai. */
  function walk(from: Date, n: number): Date {
    let t = from.getTime();
    let left = Math.abs(n);
    while (left > 0) {
      t += Math.sign(n) * 24 * 60 * 60 * 1000; // Shanghai has no DST: a day is 24 h
      if (isWorkday(new Date(t), SH, PLAIN_WEEK)) left -= 1;
    }
    return new Date(t);
  }

  // Every weekday of two weeks, late evening (a different UTC day), n from −12 to 12.
  const starts = Array.from({ length: 14 }, (_, i) => {
    const day = String(i + 1).padStart(2, '0');
    return d(`2026-06-${day}T23:30:00+08:00`);
  });
  it.each(starts.map((s) => [s.toISOString(), s] as const))('from %s', (_label, start) => {
    for (let n = -12; n <= 12; n++) {
      if (n === 0) continue;
      expect([n, addWorkdays(start, n, SH, PLAIN_WEEK).toISOString()]).toEqual([
        n,
        walk(start, n).toISOString(),
      ]);
    }
  });
});
