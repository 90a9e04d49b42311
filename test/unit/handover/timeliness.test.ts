import {
  daysOverdue,
  handoverTimeliness,
  judgeTimeliness,
  timelinessClock,
  type VersionFacts,
} from '../../../src/domain/timeliness';

const SH = 'Asia/Shanghai';
const d = (iso: string) => new Date(iso);
// Original deadline 31 March 2026 end of day in Shanghai; extended to 15 April.
const ORIGINAL = d('2026-03-31T15:59:59.999Z');
const EXTENDED = d('2026-04-15T15:59:59.999Z');

const v = (version: number, at: string, over: Partial<VersionFacts> = {}): VersionFacts => ({
  version,
  submittedAt: d(at),
  originalDeadline: ORIGINAL,
  effectiveDeadline: ORIGINAL,
  ...over,
});

describe('timeliness of a handover (第七条1)', () => {
  it.each([
    ['well before the deadline', '2026-03-20T02:00:00Z', ORIGINAL, { kind: 'on_time' }],
    ['at 23:59 on the due day (Shanghai)', '2026-03-31T15:59:00Z', ORIGINAL, { kind: 'on_time' }],
    [
      'at 00:01 the day after (1 day late)',
      '2026-03-31T16:01:00Z',
      ORIGINAL,
      { kind: 'late', daysLate: 1, extended: false },
    ],
    [
      'ten days late, no extension',
      '2026-04-10T02:00:00Z',
      ORIGINAL,
      { kind: 'late', daysLate: 10, extended: false },
    ],
    [
      'after the original but within an approved extension',
      '2026-04-10T02:00:00Z',
      EXTENDED,
      { kind: 'late_with_extension', daysAfterOriginal: 10 },
    ],
    [
      'past the extended deadline',
      '2026-04-18T02:00:00Z',
      EXTENDED,
      { kind: 'late', daysLate: 3, extended: true },
    ],
  ])('%s', (_name, at, effective, expected) => {
    expect(
      judgeTimeliness(
        { submittedAt: d(at), originalDeadline: ORIGINAL, effectiveDeadline: effective },
        SH,
      ),
    ).toEqual(expected);
  });

  it('judges against the deadline in force at submission: a later extension does not help', () => {
    // v1 submitted late before any extension; the record of v1 keeps the deadline of that time.
    expect(handoverTimeliness([v(1, '2026-04-05T02:00:00Z')], SH)).toEqual({
      kind: 'late',
      daysLate: 5,
      extended: false,
    });
  });

  it('a version after minor returns keeps the first submission time', () => {
    const versions = [
      v(1, '2026-03-30T02:00:00Z', { returned: { minor: true } }),
      v(2, '2026-04-03T02:00:00Z', { returned: { minor: true } }),
      v(3, '2026-04-06T02:00:00Z'),
    ];
    expect(timelinessClock(versions)?.version).toBe(1);
    expect(handoverTimeliness(versions, SH)).toEqual({ kind: 'on_time' });
  });

  it('a return not marked minor restarts the clock at the resubmission', () => {
    const versions = [
      v(1, '2026-03-30T02:00:00Z', { returned: { minor: false } }),
      v(2, '2026-04-03T02:00:00Z'),
    ];
    expect(timelinessClock(versions)?.version).toBe(2);
    expect(handoverTimeliness(versions, SH)).toEqual({
      kind: 'late',
      daysLate: 3,
      extended: false,
    });
  });

  it('after a major return, later minor returns keep the resubmission time', () => {
    const versions = [
      v(1, '2026-03-10T02:00:00Z', { returned: { minor: false } }),
      v(2, '2026-03-30T02:00:00Z', { returned: { minor: true } }),
      v(3, '2026-04-02T02:00:00Z'),
    ];
    expect(timelinessClock(versions)?.version).toBe(2);
    expect(handoverTimeliness(versions, SH)).toEqual({ kind: 'on_time' });
  });

  it('is undefined before any submission', () => {
    expect(handoverTimeliness([], SH)).toBeUndefined();
  });

  it('counts calendar days overdue in the business time zone', () => {
    expect(daysOverdue(ORIGINAL, d('2026-03-31T15:00:00Z'), SH)).toBe(0);
    expect(daysOverdue(ORIGINAL, d('2026-03-31T16:30:00Z'), SH)).toBe(1);
    expect(daysOverdue(ORIGINAL, d('2026-04-30T02:00:00Z'), SH)).toBe(30);
  });
});
