import { readFileSync } from 'node:fs';
import { parseCollegeCalendar } from '../../../src/config/college-calendar';
import { CalendarFileError, loadWorkCalendar } from '../../../src/config/work-calendar';
import { COLLEGE_CALENDAR_FIXTURE } from '../../support/work-calendars';

const problemsOf = (text: string): string[] => {
  const result = parseCollegeCalendar(text, 'cal.yaml');
  if (result.ok) throw new Error('expected problems');
  return result.problems;
};

describe('the college calendar file', () => {
  it('reads the fixture: closures, vacations, extra workdays and an official year', () => {
    const result = parseCollegeCalendar(readFileSync(COLLEGE_CALENDAR_FIXTURE, 'utf8'), 'f.yaml');
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.value.college.closures).toEqual([
      { from: '2026-11-20', to: '2026-11-20', name: '校运动会' },
      { from: '2026-12-30', to: '2026-12-31', name: '年终盘点' },
    ]);
    expect(result.value.college.countVacations).toBe(false);
    const y2027 = result.value.officialYears.get(2027)!;
    expect(y2027.holidays).toHaveLength(3 + 9);
    expect(y2027.workdays).toEqual(['2027-01-30', '2027-02-20']);
  });

  it('an empty file is an empty calendar', () => {
    const result = parseCollegeCalendar('', 'cal.yaml');
    expect(result.ok && result.value.college.closures).toEqual([]);
  });

  it('names every problem with its line and path, all at once', () => {
    const text = [
      'closures:', // 1
      '  - { date: 2026-11-31, name: 运动会 }', // 2
      '  - { from: 2026-12-31, to: 2026-12-30, name: 盘点 }', // 3
      'vacations:', // 4
      '  - { from: 2027-01-18, name: 寒假 }', // 5
      'countVacations: yes please', // 6
      'extraWorkdays:', // 7
      '  - { date: 2026-11-21 }', // 8
      'holidays: []', // 9
    ].join('\n');
    expect(problemsOf(text)).toEqual([
      'cal.yaml:2: closures[0].date: is not a real date',
      'cal.yaml:5: vacations[0]: must be { from, to, name } or { date, name }',
      'cal.yaml:6: countVacations: must be true or false',
      'cal.yaml:8: extraWorkdays[0].name: is required',
      'cal.yaml:9: holidays: unknown key',
    ]);
  });

  it('checks what the shapes cannot: order, years, a day both closed and worked', () => {
    const text = [
      'closures:', // 1
      '  - { from: 2026-12-31, to: 2026-12-30, name: 盘点 }', // 2
      '  - { date: 2026-11-20, name: 运动会 }', // 3
      'extraWorkdays:', // 4
      '  - { date: 2026-11-20, name: 补班 }', // 5
      'officialYears:', // 6
      '  2027:', // 7
      '    holidays: [2027-02-05, 2026-12-31]', // 8
      '    workdays: [2027-02-05]', // 9
    ].join('\n');
    expect(problemsOf(text)).toEqual([
      'cal.yaml:2: closures[0].to: ends before it starts (2026-12-31)',
      'cal.yaml:5: extraWorkdays[0].date: 2026-11-20 is also a closure (运动会): a day cannot be both',
      'cal.yaml:8: officialYears.2027.holidays[1]: is not in 2027',
      'cal.yaml:9: officialYears.2027.workdays[0]: 2027-02-05 is also listed as a holiday',
    ]);
  });

  it('reports a YAML syntax error with its line', () => {
    expect(
      problemsOf('closures:\n  - { date: 2026-11-20, name: 运动会\nvacations: []\n')[0],
    ).toMatch(/^cal\.yaml: line \d+: /);
  });

  it('stops the calendar from loading, naming the file', () => {
    expect(() => loadWorkCalendar('/nonexistent/cal.yaml')).toThrow(CalendarFileError);
    expect(() => loadWorkCalendar('/nonexistent/cal.yaml')).toThrow(
      /\/nonexistent\/cal\.yaml: cannot read/,
    );
  });

  it('loads the official data of chinese-days without a college file', () => {
    const calendar = loadWorkCalendar(undefined);
    expect(calendar.knowsYear(2026)).toBe(true);
    expect(calendar.isWorkday('2026-10-10')).toBe(true);
    expect(calendar.isWorkday('2026-10-05')).toBe(false);
  });
});
