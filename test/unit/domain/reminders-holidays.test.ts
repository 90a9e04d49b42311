import { pendingReminderDue } from '../../../src/domain/extension';
import {
  dueReminders,
  escalationDue,
  isQuietTime,
  nextAllowedTime,
  reminderPolicy,
  sendAt,
  type ReminderKey,
} from '../../../src/domain/reminders';
import { collegeCalendar, officialCalendar } from '../../support/work-calendars';

/**
 * The deadline rules over 国庆 2026 (official data) and 春节 2027 (the college file's made-up 2027
 * year): overdue reminders, escalations, the decider's reminder and quiet days follow the calendar.
 */
const SH = 'Asia/Shanghai';
const sh = (local: string) => new Date(`${local}:00+08:00`);
const endOf = (day: string) => new Date(`${day}T23:59:59.999+08:00`);

const official = reminderPolicy({ tz: SH, calendar: officialCalendar() });
const college = reminderPolicy({ tz: SH, calendar: collegeCalendar() });
const quietDaysOff = reminderPolicy({ tz: SH, calendar: officialCalendar(), weekendsQuiet: true });

describe('overdue reminders every 2 workdays', () => {
  it.each<[string, string, ReminderKey, string]>([
    ['国庆: deadline the day before', '2026-09-30', 'overdue_1', '2026-10-08T09:00'],
    ['国庆: the 调休 Saturday is the 3rd workday', '2026-09-30', 'overdue_2', '2026-10-10T09:00'],
    ['国庆: then Tuesday', '2026-09-30', 'overdue_3', '2026-10-13T09:00'],
    ['中秋 and the 调休 Sunday', '2026-09-18', 'overdue_1', '2026-09-20T09:00'],
    ['春节 2027: deadline the Thursday before', '2027-02-04', 'overdue_1', '2027-02-15T09:00'],
    ['春节 2027: the 调休 Saturday counts', '2027-02-18', 'overdue_2', '2027-02-22T09:00'],
  ])('%s (deadline %s): %s at %s', (_label, deadline, key, expected) => {
    const policy = deadline.startsWith('2027') ? college : official;
    expect(sendAt(key, endOf(deadline), policy)).toEqual(sh(expected));
  });

  it('sends nothing during the holiday, then overdue_1 on the first workday', () => {
    const deadline = endOf('2026-09-30');
    for (const day of ['2026-10-01', '2026-10-04', '2026-10-07']) {
      const r = dueReminders({
        deadline,
        now: sh(`${day}T10:00`),
        policy: official,
        sentKeys: new Set(['t_minus_7', 't_minus_3', 't_minus_1', 'due_day']),
        state: 'open',
      });
      expect(r.due).toEqual([]);
    }
    const first = dueReminders({
      deadline,
      now: sh('2026-10-08T09:15'),
      policy: official,
      sentKeys: new Set(['t_minus_7', 't_minus_3', 't_minus_1', 'due_day']),
      state: 'open',
    });
    expect(first.due).toEqual([{ key: 'overdue_1', kind: 'overdue', overdueDays: 8 }]);
  });

  it('without the calendar 国庆 would have been nagged on 2 and 6 October', () => {
    const plain = reminderPolicy({ tz: SH });
    expect(sendAt('overdue_1', endOf('2026-09-30'), plain)).toEqual(sh('2026-10-01T09:00'));
    expect(sendAt('overdue_2', endOf('2026-09-30'), plain)).toEqual(sh('2026-10-05T09:00'));
  });
});

describe('escalation to the leader in charge', () => {
  const input = (deadline: string, now: string) => ({
    deadline: endOf(deadline),
    now: sh(now),
    tz: SH,
    sentKeys: new Set<string>(),
    policy: official,
  });

  it('at 7 days overdue waits for the first workday after 国庆', () => {
    // Deadline Sun 27 Sep: 7 days later is 4 October.
    expect(escalationDue(input('2026-09-27', '2026-10-04T10:00'))).toBeUndefined();
    expect(escalationDue(input('2026-09-27', '2026-10-06T10:00'))).toBeUndefined();
    expect(escalationDue(input('2026-09-27', '2026-10-08T08:30'))).toBeUndefined();
    expect(escalationDue(input('2026-09-27', '2026-10-08T09:00'))).toBe('escalation_1');
  });

  it('goes out on the 调休 Saturday, never on an ordinary Sunday', () => {
    // Deadline Sat 3 Oct → day 7 is Sat 10 Oct, a workday.
    expect(escalationDue(input('2026-10-03', '2026-10-10T09:30'))).toBe('escalation_1');
    // Deadline Sun 4 Oct → day 7 is Sun 11 Oct: Monday.
    expect(escalationDue(input('2026-10-04', '2026-10-11T09:30'))).toBeUndefined();
    expect(escalationDue(input('2026-10-04', '2026-10-12T09:30'))).toBe('escalation_1');
  });

  it('the first workday after a long holiday carries only the latest escalation', () => {
    // Deadline Mon 21 Sep: day 7 is Mon 28 Sep (sent), day 14 is Mon 5 Oct (国庆) → 8 Oct.
    const sentKeys = new Set<string>(['escalation_1']);
    const now = sh('2026-10-08T09:30');
    expect(
      escalationDue({ deadline: endOf('2026-09-21'), now, tz: SH, sentKeys, policy: official }),
    ).toBe('escalation_2');
  });
});

describe("the decider's reminder after 2 workdays", () => {
  it('does not count 国庆', () => {
    const requested = sh('2026-09-29T10:00');
    expect(pendingReminderDue(requested, sh('2026-09-30T10:00'), official)).toBeUndefined();
    expect(pendingReminderDue(requested, sh('2026-10-05T10:00'), official)).toBeUndefined();
    expect(pendingReminderDue(requested, sh('2026-10-08T10:00'), official)).toBe(2);
  });

  it('counts the 调休 Saturday of 春节 2027 and sends on it', () => {
    const requested = sh('2027-02-18T10:00');
    expect(pendingReminderDue(requested, sh('2027-02-20T10:00'), college)).toBe(2);
    expect(pendingReminderDue(requested, sh('2027-02-21T10:00'), college)).toBeUndefined();
  });
});

describe('quiet days off (REMINDER_WEEKENDS_QUIET)', () => {
  it('holidays are quiet, the 调休 Saturday is not', () => {
    expect(isQuietTime(sh('2026-10-05T10:00'), quietDaysOff)).toBe(true);
    expect(isQuietTime(sh('2026-10-10T10:00'), quietDaysOff)).toBe(false);
    expect(isQuietTime(sh('2026-10-11T10:00'), quietDaysOff)).toBe(true);
  });

  it('a reminder due in the holiday waits for the first workday', () => {
    expect(nextAllowedTime(sh('2026-09-30T22:00'), quietDaysOff)).toEqual(sh('2026-10-08T08:00'));
    expect(sendAt('t_minus_3', endOf('2026-10-06'), quietDaysOff)).toEqual(
      // 3 October is in the holiday; the deadline has passed by the 8th, so it never goes itself.
      sh('2026-10-08T08:00'),
    );
  });
});
