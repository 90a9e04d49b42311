import {
  daysBetweenCalendarDays,
  deadlineState,
  effectiveDeadline,
  formatInTz,
  handoverDeadline,
  parseFeishuDateTime,
  validateExtensionDate,
  type DeadlineState,
} from '../../../src/domain/deadline';
import { DomainError } from '../../../src/domain/errors';

const SH = 'Asia/Shanghai';
const d = (iso: string) => new Date(iso);

describe('handoverDeadline', () => {
  it.each([
    ['31 Jan → 28 Feb (2026)', '2026-01-31T10:00:00+08:00', SH, '2026-02-28T23:59:59.999+08:00'],
    [
      '31 Jan → 29 Feb (2028 leap)',
      '2028-01-31T10:00:00+08:00',
      SH,
      '2028-02-29T23:59:59.999+08:00',
    ],
    ['31 Mar → 30 Apr', '2026-03-31T10:00:00+08:00', SH, '2026-04-30T23:59:59.999+08:00'],
    ['30 Apr → 30 May', '2026-04-30T10:00:00+08:00', SH, '2026-05-30T23:59:59.999+08:00'],
    ['28 Feb → 28 Mar', '2026-02-28T10:00:00+08:00', SH, '2026-03-28T23:59:59.999+08:00'],
    ['31 Dec → 31 Jan next year', '2026-12-31T10:00:00+08:00', SH, '2027-01-31T23:59:59.999+08:00'],
    ['23:30 Shanghai on 31 Jan', '2026-01-31T23:30:00+08:00', SH, '2026-02-28T23:59:59.999+08:00'],
    ['23:59 Shanghai on 31 Jan', '2026-01-31T23:59:00+08:00', SH, '2026-02-28T23:59:59.999+08:00'],
    [
      'last ms of 31 Jan Shanghai',
      '2026-01-31T23:59:59.999+08:00',
      SH,
      '2026-02-28T23:59:59.999+08:00',
    ],
    // 00:30 on 1 Feb Shanghai is still 31 Jan in UTC: the Shanghai day counts.
    [
      '00:30 Shanghai 1 Feb (UTC 31 Jan)',
      '2026-01-31T16:30:00Z',
      SH,
      '2026-03-01T23:59:59.999+08:00',
    ],
    // 07:00 on 1 Mar Shanghai is 28 Feb 23:00 UTC: due 1 Apr, not 28 Mar.
    [
      '07:00 Shanghai 1 Mar (UTC 28 Feb)',
      '2026-03-01T07:00:00+08:00',
      SH,
      '2026-04-01T23:59:59.999+08:00',
    ],
    // 23:30 Shanghai on 30 Apr is 15:30 UTC the same day; the UTC evening of 30 Apr is already 1 May.
    ['23:30 Shanghai 30 Apr', '2026-04-30T23:30:00+08:00', SH, '2026-05-30T23:59:59.999+08:00'],
    [
      '20:00 UTC 30 Apr = 1 May Shanghai',
      '2026-04-30T20:00:00Z',
      SH,
      '2026-06-01T23:59:59.999+08:00',
    ],
    [
      'other timezone across DST',
      '2026-02-08T12:00:00-05:00',
      'America/New_York',
      '2026-03-08T23:59:59.999-04:00',
    ],
  ])('%s', (_name, endAt, tz, due) => {
    expect(handoverDeadline(d(endAt), tz).toISOString()).toBe(d(due).toISOString());
  });
});

describe('deadlineState', () => {
  const deadline = d('2026-02-28T23:59:59.999+08:00');
  it.each<[string, string, DeadlineState]>([
    ['start of the deadline day', '2026-02-28T00:00:00+08:00', { kind: 'due_today' }],
    ['last ms of the deadline day', '2026-02-28T23:59:59.999+08:00', { kind: 'due_today' }],
    ['the day after', '2026-03-01T00:00:00+08:00', { kind: 'overdue', daysOverdue: 1 }],
    [
      'the day after, still 28 Feb in UTC',
      '2026-03-01T07:00:00+08:00',
      { kind: 'overdue', daysOverdue: 1 },
    ],
    ['ten days after', '2026-03-10T12:00:00+08:00', { kind: 'overdue', daysOverdue: 10 }],
    ['1 day before', '2026-02-27T23:59:00+08:00', { kind: 'due_soon', daysLeft: 1 }],
    ['7 days before', '2026-02-21T09:00:00+08:00', { kind: 'due_soon', daysLeft: 7 }],
    [
      '7 days before, 20 Feb in UTC',
      '2026-02-21T00:30:00+08:00',
      { kind: 'due_soon', daysLeft: 7 },
    ],
    ['8 days before', '2026-02-20T23:59:00+08:00', { kind: 'on_time', daysLeft: 8 }],
    ['28 days before', '2026-01-31T12:00:00+08:00', { kind: 'on_time', daysLeft: 28 }],
  ])('%s', (_name, now, expected) => {
    expect(deadlineState({ deadline, now: d(now), tz: SH })).toEqual(expected);
  });

  it.each<[string, Parameters<typeof deadlineState>[0], DeadlineState]>([
    [
      'handed over beats overdue',
      {
        deadline,
        now: d('2026-03-05T10:00:00+08:00'),
        tz: SH,
        handedOverAt: d('2026-03-04T10:00:00+08:00'),
      },
      { kind: 'handed_over' },
    ],
    [
      'accepted beats handed over',
      {
        deadline,
        now: d('2026-03-05T10:00:00+08:00'),
        tz: SH,
        handedOverAt: d('2026-02-20T10:00:00+08:00'),
        acceptedAt: d('2026-02-21T10:00:00+08:00'),
      },
      { kind: 'accepted' },
    ],
    [
      'dueSoonDays = 3, 4 days left',
      { deadline, now: d('2026-02-24T10:00:00+08:00'), tz: SH, dueSoonDays: 3 },
      { kind: 'on_time', daysLeft: 4 },
    ],
    [
      'dueSoonDays = 3, 3 days left',
      { deadline, now: d('2026-02-25T10:00:00+08:00'), tz: SH, dueSoonDays: 3 },
      { kind: 'due_soon', daysLeft: 3 },
    ],
    [
      'a mid-day deadline already passed today is overdue 1',
      { deadline: d('2026-02-28T12:00:00+08:00'), now: d('2026-02-28T18:00:00+08:00'), tz: SH },
      { kind: 'overdue', daysOverdue: 1 },
    ],
  ])('%s', (_name, input, expected) => {
    expect(deadlineState(input)).toEqual(expected);
  });
});

describe('validateExtensionDate', () => {
  const current = d('2026-02-28T23:59:59.999+08:00');
  it.each([
    ['an earlier day', '2026-02-27T10:00:00+08:00', '2026-02-27'],
    ['the same day, morning', '2026-02-28T00:00:00+08:00', '2026-02-28'],
    ['the same instant', '2026-02-28T23:59:59.999+08:00', '2026-02-28'],
    ['a later UTC day that is the same Shanghai day', '2026-02-28T15:00:00Z', '2026-02-28'],
  ])('refuses %s', (_name, requested, requestedDay) => {
    const attempt = () => validateExtensionDate(current, d(requested), SH);
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(
      expect.objectContaining({
        code: 'extension_not_later',
        details: { current: '2026-02-28', requested: requestedDay },
      }),
    );
  });

  it.each([
    ['the next day', '2026-03-01T00:00:00+08:00', '2026-03-01T23:59:59.999+08:00'],
    ['the next Shanghai day given in UTC', '2026-02-28T16:30:00Z', '2026-03-01T23:59:59.999+08:00'],
    ['two weeks later', '2026-03-15T10:00:00+08:00', '2026-03-15T23:59:59.999+08:00'],
  ])('accepts %s and returns its end of day', (_name, requested, expected) => {
    expect(validateExtensionDate(current, d(requested), SH).toISOString()).toBe(
      d(expected).toISOString(),
    );
  });
});

describe('effectiveDeadline', () => {
  const original = d('2026-02-28T15:59:59.999Z');
  const ext = (newDeadline: string, decidedAt: string) => ({
    newDeadline: d(newDeadline),
    decidedAt: d(decidedAt),
  });
  const a = ext('2026-03-31T15:59:59.999Z', '2026-02-20T02:00:00Z');
  const b = ext('2026-03-15T15:59:59.999Z', '2026-02-25T02:00:00Z');
  const tie = ext('2026-04-10T15:59:59.999Z', '2026-02-25T02:00:00Z');
  it.each([
    ['no extension → original', [], original],
    ['one extension', [a], a.newDeadline],
    ['latest decided wins even if earlier date', [a, b], b.newDeadline],
    ['order of the list does not matter', [b, a], b.newDeadline],
    ['same decision time → later date', [b, tie, a], tie.newDeadline],
  ])('%s', (_name, extensions, expected) => {
    expect(effectiveDeadline(original, extensions)).toEqual(expected);
  });
});

describe('daysBetweenCalendarDays', () => {
  it.each([
    ['23:59 → 00:01 next day', '2026-02-27T23:59:00+08:00', '2026-02-28T00:01:00+08:00', 1],
    ['00:01 → 23:59 same day', '2026-02-28T00:01:00+08:00', '2026-02-28T23:59:00+08:00', 0],
    ['backwards', '2026-02-28T10:00:00+08:00', '2026-02-27T10:00:00+08:00', -1],
    ['across a month end', '2026-01-31T10:00:00+08:00', '2026-03-01T10:00:00+08:00', 29],
    ['same UTC day, different Shanghai days', '2026-02-27T15:00:00Z', '2026-02-27T17:00:00Z', 1],
  ])('%s', (_name, a, b, expected) => {
    expect(daysBetweenCalendarDays(d(a), d(b), SH)).toBe(expected);
  });
});

describe('formatInTz', () => {
  it.each([
    ['2026-01-31T15:30:00Z', undefined, '2026-01-31 23:30'],
    ['2026-01-31T16:30:00Z', undefined, '2026-02-01 00:30'],
    ['2026-01-31T16:30:00Z', 'YYYY-MM-DD', '2026-02-01'],
  ])('%s as %s', (iso, format, expected) => {
    expect(formatInTz(d(iso), SH, format)).toBe(expected);
  });
});

describe('parseFeishuDateTime', () => {
  it.each([
    ['2024-04-29 07:07 +0800', '2024-04-28T23:07:00.000Z'],
    ['2024-04-01 +0800', '2024-03-31T16:00:00.000Z'],
    ['2024-04-29 07:07 -0500', '2024-04-29T12:07:00.000Z'],
    ['2024-04-29 07:07 +0530', '2024-04-29T01:37:00.000Z'],
    ['2024-04-29 07:07:30 +0800', '2024-04-28T23:07:30.000Z'],
    ['  2024-04-29 07:07 +0800 ', '2024-04-28T23:07:00.000Z'],
    ['2024-02-29 +0800', '2024-02-28T16:00:00.000Z'],
  ])('parses %j', (value, expected) => {
    expect(parseFeishuDateTime(value)?.toISOString()).toBe(expected);
  });

  it.each([
    '',
    'tomorrow',
    '2024-02-30 +0800',
    '2023-02-29 +0800',
    '2024-13-01 +0800',
    '2024-04-29 24:00 +0800',
    '2024-04-29 07:60 +0800',
    '2024-04-29T07:07+08:00',
    '2024-04-29 07:07',
    '2024-4-29 +0800',
    '2024-04-29 07:07 +2500',
  ])('rejects %j', (value) => {
    expect(parseFeishuDateTime(value)).toBeUndefined();
  });
});
