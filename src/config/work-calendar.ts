/**
 * Builds the bot's WorkCalendar once at start: the State Council's 放假 / 调休 days from the
 * `chinese-days` package (its published data file, pinned in package.json; upgrading the package is
 * how a newly published year arrives), plus the college's own file (college-calendar.ts). The domain
 * receives the result as plain data and never imports either.
 */
import { readFileSync } from 'node:fs';
import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { version as chineseDaysVersion } from 'chinese-days/package.json';
import { z } from 'zod';
import { buildWorkCalendar, type OfficialYear, type WorkCalendar } from '../domain/work-calendar';
import { parseCollegeCalendar, type CollegeCalendarFile } from './college-calendar';

/** Thrown at start when the calendar cannot be built; one line per problem, each naming its line. */
export class CalendarFileError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid work calendar:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CalendarFileError';
  }
}

/** The shape of chinese-days' data file: day → "English,中文,n" for days off and 调休 workdays. */
const chineseDaysSchema = z.object({
  holidays: z.record(z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.string()),
  workdays: z.record(z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.string()),
});

/** The package's data grouped by year (a year is known when it lists any holiday). */
export function officialYearsFromChineseDays(data: unknown): Map<number, OfficialYear> {
  const parsed = chineseDaysSchema.safeParse(data);
  if (!parsed.success) {
    throw new CalendarFileError([
      `chinese-days ${chineseDaysVersion}: its data file changed shape (${parsed.error.issues[0]?.message ?? 'unknown'}); pin the version in package.json`,
    ]);
  }
  const years = new Map<number, { holidays: string[]; workdays: string[] }>();
  const yearOf = (day: string) => {
    const y = Number(day.slice(0, 4));
    let entry = years.get(y);
    if (!entry) years.set(y, (entry = { holidays: [], workdays: [] }));
    return entry;
  };
  for (const day of Object.keys(parsed.data.holidays)) yearOf(day).holidays.push(day);
  for (const day of Object.keys(parsed.data.workdays)) yearOf(day).workdays.push(day);
  return years;
}

/** Which chinese-days release the official data comes from (shown to admins). */
export const OFFICIAL_DATA_SOURCE = `chinese-days ${chineseDaysVersion}`;

/** Reads and validates the college calendar file; `CalendarFileError` lists every problem. */
export function readCollegeCalendarFile(file: string): CollegeCalendarFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new CalendarFileError([`${file}: cannot read: ${reason}`]);
  }
  const result = parseCollegeCalendar(text, file);
  if (!result.ok) throw new CalendarFileError(result.problems);
  return result.value;
}

/**
 * The calendar the bot runs on: the package's years, overridden year by year by `officialYears` in the
 * college file (a year published after the package release), and the college's days on top.
 */
export function workCalendarFrom(
  official: Map<number, OfficialYear>,
  file: CollegeCalendarFile | undefined,
): WorkCalendar {
  const merged = new Map(official);
  for (const [year, days] of file?.officialYears ?? []) merged.set(year, days);
  return buildWorkCalendar({
    official: merged,
    college: file?.college ?? {
      closures: [],
      vacations: [],
      countVacations: false,
      extraWorkdays: [],
    },
  });
}

/** Loads the whole calendar (COLLEGE_CALENDAR_FILE may be unset: official days only). */
export function loadWorkCalendar(collegeFile: string | undefined): WorkCalendar {
  const official = officialYearsFromChineseDays(chineseDaysData);
  return workCalendarFrom(official, collegeFile ? readCollegeCalendarFile(collegeFile) : undefined);
}
