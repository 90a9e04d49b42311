import { parseFeishuDate, formatInTz } from '../../../src/domain/deadline';
import { pendingReminderDue } from '../../../src/domain/extension';
import { sortOverdue } from '../../../src/domain/overdue';
import { reminderPolicy } from '../../../src/domain/reminders';

const TZ = 'Asia/Shanghai';
const policy = reminderPolicy({ tz: TZ });

describe('pendingReminderDue', () => {
  const monday10 = new Date('2026-03-02T02:00:00Z');
  it.each([
    ['Tuesday 10:00', '2026-03-03T02:00:00Z', undefined],
    ['Wednesday 10:00', '2026-03-04T02:00:00Z', 2],
    ['Wednesday 22:00 (quiet)', '2026-03-04T14:00:00Z', undefined],
    ['Thursday 10:00', '2026-03-05T02:00:00Z', 3],
  ])('a request of Monday 10:00 on %s → %s', (_label, now, expected) => {
    expect(pendingReminderDue(monday10, new Date(now), policy)).toBe(expected);
  });
  it('counts workdays only: Friday → Tuesday is 2', () => {
    const friday = new Date('2026-03-06T02:00:00Z');
    expect(pendingReminderDue(friday, new Date('2026-03-09T02:00:00Z'), policy)).toBeUndefined();
    expect(pendingReminderDue(friday, new Date('2026-03-10T02:00:00Z'), policy)).toBe(2);
  });
});

describe('sortOverdue', () => {
  it('puts the most overdue first and breaks ties by code', () => {
    const rows = [
      { code: 'HD-2026-0003', daysOverdue: 2 },
      { code: 'HD-2026-0002', daysOverdue: 9 },
      { code: 'HD-2026-0001', daysOverdue: 2 },
    ];
    expect(sortOverdue(rows).map((r) => r.code)).toEqual([
      'HD-2026-0002',
      'HD-2026-0001',
      'HD-2026-0003',
    ]);
  });
});

describe('parseFeishuDate', () => {
  it.each([
    ['2026-04-20 +0800', '2026-04-20'],
    ['2026-04-20', '2026-04-20'],
    ['2026-04-20 -0500', '2026-04-20'],
  ])('%s is the calendar day %s in the business zone', (value, day) => {
    const parsed = parseFeishuDate(value, TZ);
    expect(parsed && formatInTz(parsed, TZ, 'YYYY-MM-DD')).toBe(day);
  });
  it.each(['2026-02-30', '20 April', '', '2026-04-20 12:00 +0800'])('refuses %p', (value) => {
    expect(parseFeishuDate(value, TZ)).toBeUndefined();
  });
});
