import type { ActivityState } from '../../../src/domain/activity-lifecycle';
import { DomainError } from '../../../src/domain/errors';
import {
  DEFAULT_REMINDER_POLICY,
  dueReminders,
  escalationDue,
  isQuietTime,
  nextAllowedTime,
  overdueKey,
  parseReminderKey,
  reminderPolicy,
  reminderStateOf,
  scheduledAt,
  sendAt,
  type DueReminder,
  type ReminderActivityState,
  type ReminderKey,
  type ReminderPolicy,
} from '../../../src/domain/reminders';
import { PLAIN_WEEK } from '../../../src/domain/work-calendar';

const SH = 'Asia/Shanghai';
const d = (iso: string) => new Date(iso);
/** Shanghai wall-clock time, `YYYY-MM-DDTHH:mm`. */
const sh = (local: string) => new Date(`${local}:00+08:00`);

// A Monday. Mon 30 Mar, Fri 3 Apr, Sat 4, Sun 5, Mon 6, Tue 7 … Mon 13, Mon 20.
const DEADLINE = d('2026-04-06T23:59:59.999+08:00');
const POLICY = reminderPolicy({ tz: SH });
const WEEKENDS_QUIET = reminderPolicy({ tz: SH, weekendsQuiet: true });

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a DomainError');
}

describe('reminderPolicy', () => {
  it('fills the defaults', () => {
    expect(POLICY).toEqual({
      quietStart: '21:00',
      quietEnd: '08:00',
      weekendsQuiet: false,
      dueDayHour: 9,
      overdueEveryWorkdays: 2,
      tz: SH,
      calendar: PLAIN_WEEK,
    });
    expect(reminderPolicy({ tz: SH, dueDayHour: undefined })).toEqual(POLICY);
    expect(DEFAULT_REMINDER_POLICY.dueDayHour).toBe(9);
  });

  it.each<[string, Partial<ReminderPolicy>, string]>([
    ['quietStart not HH:mm', { quietStart: '9pm' }, 'quietStart'],
    ['quietEnd 24:00', { quietEnd: '24:00' }, 'quietEnd'],
    ['dueDayHour 24', { dueDayHour: 24 }, 'dueDayHour'],
    ['dueDayHour 8.5', { dueDayHour: 8.5 }, 'dueDayHour'],
    ['overdueEveryWorkdays 0', { overdueEveryWorkdays: 0 }, 'overdueEveryWorkdays'],
    ['blank tz', { tz: ' ' }, 'tz'],
  ])('%s → validation_failed', (_label, override, field) => {
    const err = errorOf(() => reminderPolicy({ tz: SH, ...override }));
    expect(err.code).toBe('validation_failed');
    expect(err.details).toMatchObject({ field });
  });
});

describe('reminder keys', () => {
  it.each([
    ['t_minus_7', { kind: 't_minus_7' }],
    ['due_day', { kind: 'due_day' }],
    ['overdue_1', { kind: 'overdue', n: 1 }],
    ['overdue_12', { kind: 'overdue', n: 12 }],
    ['overdue_0', undefined],
    ['overdue_01', undefined],
    ['overdue', undefined],
    ['escalation_1', undefined],
    ['t_minus_2', undefined],
  ])('parseReminderKey(%s)', (key, expected) => {
    expect(parseReminderKey(key)).toEqual(expected);
  });

  it.each([0, -1, 1.5])('overdueKey(%s) throws', (n) => {
    expect(() => overdueKey(n)).toThrow(RangeError);
  });

  it.each<[ActivityState, ReminderActivityState]>([
    ['registered', 'open'],
    ['collecting', 'open'],
    ['ended', 'open'],
    ['returned', 'open'],
    ['handover_submitted', 'handed_over'],
    ['accepted', 'accepted'],
    ['cancelled', 'cancelled'],
  ])('reminderStateOf(%s) → %s', (state, expected) => {
    expect(reminderStateOf(state)).toBe(expected);
  });
});

describe('scheduledAt', () => {
  it.each<[ReminderKey | 'overdue', string]>([
    ['t_minus_7', '2026-03-30T09:00'],
    ['t_minus_3', '2026-04-03T09:00'],
    ['t_minus_1', '2026-04-05T09:00'], // a Sunday: scheduledAt ignores quiet days
    ['due_day', '2026-04-06T09:00'],
    ['overdue', '2026-04-07T09:00'], // = overdue_1, first workday after the deadline
    ['overdue_1', '2026-04-07T09:00'],
    ['overdue_2', '2026-04-09T09:00'], // Tue + 2 workdays = Thu
    ['overdue_3', '2026-04-13T09:00'], // Thu + 2 workdays across the weekend = Mon
    ['overdue_4', '2026-04-15T09:00'],
  ])('%s → %s Shanghai (deadline Mon 6 Apr)', (key, expected) => {
    expect(scheduledAt(key, DEADLINE, POLICY)).toEqual(sh(expected));
  });

  it.each<[string, string, ReminderKey, Partial<ReminderPolicy>, string]>([
    ['Friday deadline: overdue_1 on Monday', '2026-04-10', 'overdue_1', {}, '2026-04-13T09:00'],
    ['Friday deadline: overdue_2 on Wednesday', '2026-04-10', 'overdue_2', {}, '2026-04-15T09:00'],
    ['Saturday deadline: overdue_1 on Monday', '2026-04-11', 'overdue_1', {}, '2026-04-13T09:00'],
    [
      'every 3 workdays: overdue_2 on Friday',
      '2026-04-06',
      'overdue_2',
      { overdueEveryWorkdays: 3 },
      '2026-04-10T09:00',
    ],
    ['dueDayHour 8', '2026-04-06', 'due_day', { dueDayHour: 8 }, '2026-04-06T08:00'],
    ['t_minus_7 across a month', '2026-03-03', 't_minus_7', {}, '2026-02-24T09:00'],
  ])('%s', (_label, deadlineDay, key, override, expected) => {
    const deadline = d(`${deadlineDay}T23:59:59.999+08:00`);
    expect(scheduledAt(key, deadline, reminderPolicy({ tz: SH, ...override }))).toEqual(
      sh(expected),
    );
  });

  it('uses the deadline day in Shanghai, not UTC', () => {
    // 00:30 on 7 Apr in Shanghai is still 6 Apr in UTC.
    expect(scheduledAt('due_day', d('2026-04-06T16:30:00Z'), POLICY)).toEqual(
      sh('2026-04-07T09:00'),
    );
  });

  it('rejects an unknown key', () => {
    expect(errorOf(() => scheduledAt('overdue_0' as ReminderKey, DEADLINE, POLICY)).code).toBe(
      'validation_failed',
    );
  });
});

describe('nextAllowedTime', () => {
  it.each<[string, ReminderPolicy, string, string]>([
    ['09:00 is fine', POLICY, '2026-04-06T09:00', '2026-04-06T09:00'],
    ['20:59 is fine', POLICY, '2026-04-06T20:59', '2026-04-06T20:59'],
    ['08:00 is fine (end exclusive)', POLICY, '2026-04-06T08:00', '2026-04-06T08:00'],
    ['21:00 → next 08:00 (start inclusive)', POLICY, '2026-04-06T21:00', '2026-04-07T08:00'],
    ['22:00 → next 08:00', POLICY, '2026-04-06T22:00', '2026-04-07T08:00'],
    [
      '23:59 on the last of the month → 08:00 on the 1st',
      POLICY,
      '2026-03-31T23:59',
      '2026-04-01T08:00',
    ],
    ['00:00 → 08:00 same day', POLICY, '2026-04-06T00:00', '2026-04-06T08:00'],
    ['07:59 → 08:00 same day', POLICY, '2026-04-06T07:59', '2026-04-06T08:00'],
    ['Saturday 14:00 without weekendsQuiet', POLICY, '2026-04-04T14:00', '2026-04-04T14:00'],
    ['Friday 22:00 → Saturday 08:00', POLICY, '2026-04-03T22:00', '2026-04-04T08:00'],
    [
      'weekendsQuiet: Saturday 14:00 → Monday 08:00',
      WEEKENDS_QUIET,
      '2026-04-04T14:00',
      '2026-04-06T08:00',
    ],
    [
      'weekendsQuiet: Sunday 09:00 → Monday 08:00',
      WEEKENDS_QUIET,
      '2026-04-05T09:00',
      '2026-04-06T08:00',
    ],
    [
      'weekendsQuiet: Friday 22:00 → Monday 08:00',
      WEEKENDS_QUIET,
      '2026-04-03T22:00',
      '2026-04-06T08:00',
    ],
    ['weekendsQuiet: Friday 20:00 is fine', WEEKENDS_QUIET, '2026-04-03T20:00', '2026-04-03T20:00'],
    ['weekendsQuiet: Monday 07:00 → 08:00', WEEKENDS_QUIET, '2026-04-06T07:00', '2026-04-06T08:00'],
    [
      'daytime window 12:00–14:00: 13:00 → 14:00',
      reminderPolicy({ tz: SH, quietStart: '12:00', quietEnd: '14:00' }),
      '2026-04-06T13:00',
      '2026-04-06T14:00',
    ],
    [
      'daytime window 12:00–14:00: 23:00 is fine',
      reminderPolicy({ tz: SH, quietStart: '12:00', quietEnd: '14:00' }),
      '2026-04-06T23:00',
      '2026-04-06T23:00',
    ],
    [
      'daytime window + weekendsQuiet: Saturday → Monday 00:00',
      reminderPolicy({ tz: SH, quietStart: '12:00', quietEnd: '14:00', weekendsQuiet: true }),
      '2026-04-04T10:00',
      '2026-04-06T00:00',
    ],
    [
      'start = end: no quiet hours',
      reminderPolicy({ tz: SH, quietStart: '00:00', quietEnd: '00:00' }),
      '2026-04-06T03:00',
      '2026-04-06T03:00',
    ],
  ])('%s', (_label, policy, at, expected) => {
    expect(nextAllowedTime(sh(at), policy)).toEqual(sh(expected));
    expect(isQuietTime(sh(at), policy)).toBe(at !== expected);
  });

  it('keeps seconds of an allowed time', () => {
    const at = d('2026-04-06T09:00:30.123+08:00');
    expect(nextAllowedTime(at, POLICY)).toEqual(at);
  });
});

describe('sendAt', () => {
  it.each<[string, ReminderPolicy, ReminderKey, string]>([
    ['t_minus_7 at 09:00 stays', POLICY, 't_minus_7', '2026-03-30T09:00'],
    [
      'dueDayHour 22 pushes to the next 08:00',
      reminderPolicy({ tz: SH, dueDayHour: 22 }),
      't_minus_7',
      '2026-03-31T08:00',
    ],
    [
      'weekendsQuiet: Sunday t_minus_1 → Monday 08:00',
      WEEKENDS_QUIET,
      't_minus_1',
      '2026-04-06T08:00',
    ],
    ['overdue reminders are on workdays already', WEEKENDS_QUIET, 'overdue_3', '2026-04-13T09:00'],
  ])('%s', (_label, policy, key, expected) => {
    expect(sendAt(key, DEADLINE, policy)).toEqual(sh(expected));
  });
});

describe('dueReminders', () => {
  const run = (
    now: string,
    opts: {
      sent?: string[];
      policy?: ReminderPolicy;
      state?: ReminderActivityState;
      deadline?: Date;
    } = {},
  ) =>
    dueReminders({
      deadline: opts.deadline ?? DEADLINE,
      now: sh(now),
      policy: opts.policy ?? POLICY,
      sentKeys: new Set(opts.sent ?? []),
      state: opts.state ?? 'open',
    });

  const BEFORE: ReminderKey[] = ['t_minus_7', 't_minus_3', 't_minus_1', 'due_day'];

  describe('nothing sent yet (catch-up after downtime)', () => {
    it.each<[string, string, DueReminder[], ReminderKey[]]>([
      ['a day before t_minus_7', '2026-03-29T10:00', [], []],
      ['a minute before t_minus_7', '2026-03-30T08:59', [], []],
      [
        't_minus_7 at its moment',
        '2026-03-30T09:00',
        [{ key: 't_minus_7', kind: 't_minus_7', daysLeft: 7 }],
        [],
      ],
      // Late but still the latest: sent, stating the true count.
      [
        't_minus_7 a day late',
        '2026-03-31T10:00',
        [{ key: 't_minus_7', kind: 't_minus_7', daysLeft: 6 }],
        [],
      ],
      [
        't_minus_3 at its moment',
        '2026-04-03T09:00',
        [{ key: 't_minus_3', kind: 't_minus_3', daysLeft: 3 }],
        ['t_minus_7'],
      ],
      [
        't_minus_1 on Sunday',
        '2026-04-05T09:00',
        [{ key: 't_minus_1', kind: 't_minus_1', daysLeft: 1 }],
        ['t_minus_7', 't_minus_3'],
      ],
      // Late t_minus_1 is not sent on the due day: due_day comes at 09:00.
      ['due day 08:30, t_minus_1 waits', '2026-04-06T08:30', [], ['t_minus_7', 't_minus_3']],
      [
        't_minus_1 late on Sunday evening',
        '2026-04-05T20:30',
        [{ key: 't_minus_1', kind: 't_minus_1', daysLeft: 1 }],
        ['t_minus_7', 't_minus_3'],
      ],
      [
        'due day 10:00 → only due_day',
        '2026-04-06T10:00',
        [{ key: 'due_day', kind: 'due_day', daysLeft: 0 }],
        ['t_minus_7', 't_minus_3', 't_minus_1'],
      ],
      ['due day 21:30 is quiet', '2026-04-06T21:30', [], []],
      ['quiet early morning', '2026-04-03T07:00', [], []],
      ['overdue, before overdue_1', '2026-04-07T08:00', [], BEFORE],
      [
        'overdue_1 at its moment',
        '2026-04-07T09:00',
        [{ key: 'overdue_1', kind: 'overdue', overdueDays: 1 }],
        BEFORE,
      ],
      [
        'overdue_1 a day late',
        '2026-04-08T10:00',
        [{ key: 'overdue_1', kind: 'overdue', overdueDays: 2 }],
        BEFORE,
      ],
      // Late overdue_1 is not sent on overdue_2's day.
      ['Thursday 08:30, overdue_1 waits', '2026-04-09T08:30', [], BEFORE],
      [
        'overdue_2 → overdue_1 skipped',
        '2026-04-09T09:00',
        [{ key: 'overdue_2', kind: 'overdue', overdueDays: 3 }],
        [...BEFORE, 'overdue_1'],
      ],
      [
        'Saturday: still overdue_2',
        '2026-04-11T10:00',
        [{ key: 'overdue_2', kind: 'overdue', overdueDays: 5 }],
        [...BEFORE, 'overdue_1'],
      ],
      [
        'Monday across the weekend: overdue_3',
        '2026-04-13T09:00',
        [{ key: 'overdue_3', kind: 'overdue', overdueDays: 7 }],
        [...BEFORE, 'overdue_1', 'overdue_2'],
      ],
    ])('%s (%s)', (_label, now, due, skipped) => {
      expect(run(now)).toEqual({ due, skipped });
    });
  });

  it.each<[string, string, string[], DueReminder[], ReminderKey[]]>([
    [
      'due_day already sent',
      '2026-04-06T10:00',
      ['due_day'],
      [],
      ['t_minus_7', 't_minus_3', 't_minus_1'],
    ],
    ['everything before already recorded', '2026-04-06T10:00', BEFORE, [], []],
    ['t_minus_7 already sent', '2026-03-31T10:00', ['t_minus_7'], [], []],
    [
      'earlier ones already recorded',
      '2026-04-05T09:00',
      ['t_minus_7', 't_minus_3'],
      [{ key: 't_minus_1', kind: 't_minus_1', daysLeft: 1 }],
      [],
    ],
    ['overdue_1 already sent', '2026-04-08T10:00', [...BEFORE, 'overdue_1'], [], []],
    [
      'overdue_2 due after overdue_1 sent',
      '2026-04-09T09:00',
      [...BEFORE, 'overdue_1'],
      [{ key: 'overdue_2', kind: 'overdue', overdueDays: 3 }],
      [],
    ],
  ])('already sent keys are not repeated: %s', (_label, now, sent, due, skipped) => {
    expect(run(now, { sent })).toEqual({ due, skipped });
  });

  it.each<ReminderActivityState>(['handed_over', 'accepted', 'cancelled'])(
    'nothing at all for %s',
    (state) => {
      for (const now of ['2026-03-30T09:00', '2026-04-06T10:00', '2026-04-13T09:00']) {
        expect(run(now, { state })).toEqual({ due: [], skipped: [] });
      }
    },
  );

  /** Runs the job every 30 minutes and records what went out, like the real scheduler. */
  function simulate(policy: ReminderPolicy, from: string, to: string) {
    const sentKeys = new Set<string>();
    const sends: string[] = [];
    const skips: string[] = [];
    for (let t = sh(from).getTime(); t <= sh(to).getTime(); t += 30 * 60_000) {
      const now = new Date(t);
      const result = dueReminders({ deadline: DEADLINE, now, policy, sentKeys, state: 'open' });
      for (const r of result.due) {
        sends.push(`${r.key}@${now.toISOString()}`);
        sentKeys.add(r.key);
      }
      for (const key of result.skipped) {
        skips.push(`${key}@${now.toISOString()}`);
        sentKeys.add(key);
      }
    }
    return { sends, skips };
  }
  const at = (key: string, local: string) => `${key}@${sh(local).toISOString()}`;

  it('a running job sends each reminder once at its moment, overdue every 2 workdays', () => {
    expect(simulate(POLICY, '2026-03-28T00:00', '2026-04-17T23:30')).toEqual({
      sends: [
        at('t_minus_7', '2026-03-30T09:00'),
        at('t_minus_3', '2026-04-03T09:00'),
        at('t_minus_1', '2026-04-05T09:00'),
        at('due_day', '2026-04-06T09:00'),
        at('overdue_1', '2026-04-07T09:00'),
        at('overdue_2', '2026-04-09T09:00'),
        at('overdue_3', '2026-04-13T09:00'),
        at('overdue_4', '2026-04-15T09:00'),
        at('overdue_5', '2026-04-17T09:00'),
      ],
      skips: [],
    });
  });

  it('weekendsQuiet: Sunday t_minus_1 pushed onto the due day is replaced by due_day', () => {
    expect(simulate(WEEKENDS_QUIET, '2026-03-28T00:00', '2026-04-07T23:30')).toEqual({
      sends: [
        at('t_minus_7', '2026-03-30T09:00'),
        at('t_minus_3', '2026-04-03T09:00'),
        at('due_day', '2026-04-06T09:00'),
        at('overdue_1', '2026-04-07T09:00'),
      ],
      skips: [at('t_minus_1', '2026-04-06T09:00')],
    });
  });

  it('dueDayHour 22: due_day would land after the deadline, so t_minus_1 (pushed onto the due day) goes', () => {
    const policy = reminderPolicy({ tz: SH, dueDayHour: 22 });
    expect(simulate(policy, '2026-03-28T00:00', '2026-04-08T12:00')).toEqual({
      sends: [
        at('t_minus_7', '2026-03-31T08:00'),
        at('t_minus_3', '2026-04-04T08:00'),
        at('t_minus_1', '2026-04-06T08:00'),
        at('overdue_1', '2026-04-08T08:00'),
      ],
      skips: [at('due_day', '2026-04-07T08:00')],
    });
  });
});

describe('escalationDue', () => {
  const base = { deadline: DEADLINE, tz: SH };

  it.each<[string, string, string[], string | undefined]>([
    ['before the deadline', '2026-04-06T23:00', [], undefined],
    ['1 day overdue', '2026-04-07T10:00', [], undefined],
    ['6 days overdue', '2026-04-12T23:59', [], undefined],
    ['7 days overdue', '2026-04-13T00:01', [], 'escalation_1'],
    ['13 days overdue', '2026-04-19T10:00', [], 'escalation_1'],
    ['7 days, already sent', '2026-04-13T10:00', ['escalation_1'], undefined],
    ['13 days, escalation_1 sent', '2026-04-19T10:00', ['escalation_1'], undefined],
    ['14 days overdue', '2026-04-20T00:01', ['escalation_1'], 'escalation_2'],
    ['14 days, after downtime: only the latest', '2026-04-20T10:00', [], 'escalation_2'],
    ['14 days, already sent', '2026-04-20T10:00', ['escalation_1', 'escalation_2'], undefined],
    ['21 days overdue', '2026-04-27T10:00', ['escalation_1', 'escalation_2'], 'escalation_3'],
  ])('%s (%s) → %s', (_label, now, sent, expected) => {
    expect(escalationDue({ ...base, now: sh(now), sentKeys: new Set(sent) })).toBe(expected);
  });

  it.each<ReminderActivityState>(['handed_over', 'accepted', 'cancelled'])(
    'never for %s',
    (state) => {
      expect(
        escalationDue({ ...base, now: sh('2026-04-13T10:00'), sentKeys: new Set(), state }),
      ).toBeUndefined();
    },
  );

  it.each<[string, string, string[], string | undefined]>([
    ['7 days, before dueDayHour', '2026-04-13T08:30', [], undefined],
    ['7 days, at dueDayHour', '2026-04-13T09:00', [], 'escalation_1'],
    ['7 days, quiet evening', '2026-04-13T22:00', [], undefined],
    ['14 days before dueDayHour, escalation_1 unsent', '2026-04-20T08:30', [], 'escalation_1'],
    [
      '14 days before dueDayHour, escalation_1 sent',
      '2026-04-20T08:30',
      ['escalation_1'],
      undefined,
    ],
  ])('with a policy: %s (%s) → %s', (_label, now, sent, expected) => {
    expect(escalationDue({ ...base, now: sh(now), sentKeys: new Set(sent), policy: POLICY })).toBe(
      expected,
    );
  });
});
