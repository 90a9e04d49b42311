import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { parseCollegeCalendar } from '../../src/config/college-calendar';
import { officialYearsFromChineseDays, workCalendarFrom } from '../../src/config/work-calendar';
import type { WorkCalendar } from '../../src/domain/work-calendar';

export const COLLEGE_CALENDAR_FIXTURE = join(__dirname, '..', 'fixtures', 'college-calendar.yaml');

/** The State Council's days as chinese-days ships them (2026 and earlier), no college file. */
export function officialCalendar(): WorkCalendar {
  return workCalendarFrom(officialYearsFromChineseDays(chineseDaysData), undefined);
}

/**
 * The official days plus test/fixtures/college-calendar.yaml: a sports-day closure (Fri 20 Nov 2026)
 * with its Saturday worked instead, a year-end closure, and a made-up 2027 official year
 * (春节 5–13 Feb 2027, 调休 Saturdays 30 Jan and 20 Feb).
 */
export function collegeCalendar(): WorkCalendar {
  const parsed = parseCollegeCalendar(
    readFileSync(COLLEGE_CALENDAR_FIXTURE, 'utf8'),
    'college-calendar.yaml',
  );
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return workCalendarFrom(officialYearsFromChineseDays(chineseDaysData), parsed.value);
}
