import {
  buildWorkCalendar,
  dayNumber,
  dayOfNumber,
  missingYears,
  PLAIN_WEEK,
  type WorkCalendar,
} from '../../../src/domain/work-calendar';
import {
  addWorkdays,
  isWorkday,
  workdayOnOrAfter,
  workdaysBetween,
} from '../../../src/domain/workdays';
import { dayIn } from '../../../src/domain/zoned';
import { collegeCalendar, officialCalendar } from '../../support/work-calendars';

const SH = 'Asia/Shanghai';
const at = (day: string, time = '09:00') => new Date(`${day}T${time}:00+08:00`);
const dayOf = (d: Date) => dayIn(d, SH);

const official = officialCalendar();
const college = collegeCalendar();

describe('国庆 2026 (official data from chinese-days)', () => {
  it.each([
    ['2026-09-20', true, 'Sunday worked instead (调休)'],
    ['2026-09-25', false, '中秋, a Friday'],
    ['2026-09-30', true, 'Wednesday before the holiday'],
    ['2026-10-01', false, '国庆'],
    ['2026-10-05', false, '国庆, a Monday'],
    ['2026-10-07', false, '国庆, last day'],
    ['2026-10-08', true, 'first workday after'],
    ['2026-10-10', true, 'Saturday worked instead (调休)'],
    ['2026-10-11', false, 'an ordinary Sunday'],
  ])('%s is a workday: %s (%s)', (day, expected) => {
    expect(official.isWorkday(day)).toBe(expected);
    expect(isWorkday(at(day), SH, official)).toBe(expected);
  });

  it.each([
    ['the day before the holiday + 1 → the first day after it', '2026-09-30', 1, '2026-10-08'],
    ['Friday + 1 → the 调休 Saturday', '2026-10-09', 1, '2026-10-10'],
    ['the 调休 Saturday + 1 → Monday', '2026-10-10', 1, '2026-10-12'],
    ['from inside the holiday + 1 → the first day after it', '2026-10-03', 1, '2026-10-08'],
    ['back over the holiday', '2026-10-08', -1, '2026-09-30'],
    ['back from inside the holiday → the day before it', '2026-10-04', -1, '2026-09-30'],
    ['two workdays over 中秋 and the 调休 Sunday', '2026-09-18', 2, '2026-09-21'],
  ])('%s: %s + %i → %s', (_label, from, n, expected) => {
    expect(dayOf(addWorkdays(at(from), n, SH, official))).toBe(expected);
  });

  it('counts the workdays between two days', () => {
    // 30 Sep → 12 Oct: 8, 9, 10 (Saturday), 12.
    expect(workdaysBetween(at('2026-09-30'), at('2026-10-12'), SH, official)).toBe(4);
    expect(workdaysBetween(at('2026-10-12'), at('2026-09-30'), SH, official)).toBe(-4);
    expect(workdaysBetween(at('2026-10-01'), at('2026-10-07'), SH, official)).toBe(0);
  });

  it('the weekday-only calendar would have counted the holiday', () => {
    expect(workdaysBetween(at('2026-09-30'), at('2026-10-12'), SH, PLAIN_WEEK)).toBe(8);
  });

  it('finds the first workday on or after a day', () => {
    expect(workdayOnOrAfter('2026-10-01', official)).toBe('2026-10-08');
    expect(workdayOnOrAfter('2026-10-10', official)).toBe('2026-10-10');
    expect(workdayOnOrAfter('2026-10-11', official)).toBe('2026-10-12');
  });
});

describe('春节 2027 (official year supplied by the college file)', () => {
  it('is unknown to the package data: Monday–Friday, so 春节 would count as workdays', () => {
    expect(official.knowsYear(2026)).toBe(true);
    expect(official.knowsYear(2027)).toBe(false);
    expect(official.isWorkday('2027-02-08')).toBe(true);
    expect(official.isWorkday('2027-02-20')).toBe(false);
  });

  it.each([
    ['2027-01-30', true, '调休 Saturday'],
    ['2027-02-04', true, 'Thursday before'],
    ['2027-02-05', false, '除夕'],
    ['2027-02-08', false, 'a Monday of the holiday'],
    ['2027-02-13', false, 'last day, a Saturday'],
    ['2027-02-15', true, 'first workday after'],
    ['2027-02-20', true, '调休 Saturday'],
    ['2027-02-21', false, 'Sunday'],
  ])('%s is a workday: %s (%s)', (day, expected) => {
    expect(college.isWorkday(day)).toBe(expected);
  });

  it.each([
    ['Thursday before + 1 → first day after', '2027-02-04', 1, '2027-02-15'],
    ['Friday + 1 → the 调休 Saturday', '2027-02-19', 1, '2027-02-20'],
    ['Thursday + 3 → Monday after the 调休 Saturday', '2027-02-18', 3, '2027-02-22'],
    ['Friday 29 Jan + 1 → the 调休 Saturday 30 Jan', '2027-01-29', 1, '2027-01-30'],
  ])('%s: %s + %i → %s', (_label, from, n, expected) => {
    expect(dayOf(addWorkdays(at(from), n, SH, college))).toBe(expected);
  });
});

describe("the college's own days", () => {
  it('a closure is a day off and its make-up Saturday a workday', () => {
    expect(college.isWorkday('2026-11-20')).toBe(false);
    expect(college.describe('2026-11-20')).toEqual({
      workday: false,
      reason: 'closure',
      name: '校运动会',
    });
    expect(college.isWorkday('2026-11-21')).toBe(true);
    expect(college.describe('2026-11-21').reason).toBe('extra_workday');
    expect(dayOf(addWorkdays(at('2026-11-19'), 1, SH, college))).toBe('2026-11-21');
  });

  it('vacations count only when the college says so', () => {
    expect(college.isWorkday('2027-01-19')).toBe(true);
    const counted = buildWorkCalendar({
      official: new Map(),
      college: {
        closures: [],
        vacations: [{ from: '2027-01-18', to: '2027-02-26', name: '寒假' }],
        countVacations: true,
        extraWorkdays: [{ date: '2027-02-01', name: '开学准备' }],
      },
    });
    expect(counted.isWorkday('2027-01-19')).toBe(false);
    expect(counted.isWorkday('2027-02-01')).toBe(true);
    expect(dayOf(addWorkdays(at('2027-01-15'), 1, SH, counted))).toBe('2027-02-01');
    expect(dayOf(addWorkdays(at('2027-02-01'), 1, SH, counted))).toBe('2027-03-01');
  });
});

describe('workday arithmetic agrees with a day-by-day walk', () => {
  /** The obvious definition: step one calendar day at a time and count workdays. */
  function walk(calendar: WorkCalendar, from: string, n: number): string {
    let day = dayNumber(from);
    let left = Math.abs(n);
    while (left > 0) {
      day += Math.sign(n);
      if (calendar.isWorkdayNumber(day)) left -= 1;
    }
    return dayOfNumber(day);
  }

  it.each([
    ['official', official],
    ['college', college],
  ] as const)('%s calendar, every day from September 2026 to March 2027, n = −15…15', (_l, cal) => {
    const wrong: string[] = [];
    for (let d = dayNumber('2026-09-01'); d <= dayNumber('2027-03-31'); d++) {
      const from = dayOfNumber(d);
      for (let n = -15; n <= 15; n++) {
        if (n === 0) continue;
        const got = dayOf(addWorkdays(at(from, '23:30'), n, SH, cal));
        const expected = walk(cal, from, n);
        if (got !== expected) wrong.push(`${from} ${n}: ${got}, walk says ${expected}`);
        const between = workdaysBetween(at(from), at(got), SH, cal);
        if (cal.isWorkday(from) && between !== n) wrong.push(`${from} → ${got}: ${between} ≠ ${n}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('missingYears', () => {
  it('names this year when unknown, and next year from December', () => {
    expect(missingYears(official, '2026-11-30')).toEqual([]);
    expect(missingYears(official, '2026-12-01')).toEqual([2027]);
    expect(missingYears(college, '2026-12-01')).toEqual([]);
    expect(missingYears(official, '2027-03-01')).toEqual([2027]);
  });
});
