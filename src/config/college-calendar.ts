/**
 * The college's own calendar file (COLLEGE_CALENDAR_FILE, YAML or JSON): closures, 寒暑假 and whether
 * they count as days off, extra workdays, and — for a year the `chinese-days` package does not carry yet
 * — the State Council's days as published. Validated with zod; every problem names its line and path.
 */
import { z } from 'zod';
import type { CollegeCalendar, NamedDay, NamedRange, OfficialYear } from '../domain/work-calendar';
import { dayNumber } from '../domain/work-calendar';
import { issuePaths, located, readYaml, type YamlPath } from '../lib/yaml-source';

const realDay = z
  .string({ error: 'must be a date YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'is not a real date');

const name = z.string({ error: 'is required' }).trim().min(1, 'is required').max(40);

/** `{ from, to, name }`, or `{ date, name }` for one day. */
const range = z.union(
  [
    z.object({ from: realDay, to: realDay, name }).strict(),
    z.object({ date: realDay, name }).strict(),
  ],
  { error: 'must be { from, to, name } or { date, name }' },
);

/** An official list accepts single dates and `{ from, to }` ranges. */
const officialDays = z.array(
  z.union([realDay, z.object({ from: realDay, to: realDay }).strict()], {
    error: 'must be a date YYYY-MM-DD or { from, to }',
  }),
);

export const collegeCalendarSchema = z
  .object({
    closures: z.array(range).default([]),
    vacations: z.array(range).default([]),
    countVacations: z.boolean({ error: 'must be true or false' }).default(false),
    extraWorkdays: z.array(z.object({ date: realDay, name }).strict()).default([]),
    officialYears: z
      .record(
        z.string().regex(/^(19|20)\d{2}$/, 'must be a year such as 2027'),
        z
          .object({ holidays: officialDays.default([]), workdays: officialDays.default([]) })
          .strict(),
      )
      .default({}),
  })
  .strict();

type RawCalendar = z.infer<typeof collegeCalendarSchema>;
type RawRange = z.infer<typeof range>;

/** What the file yields: the college part of the calendar and any official years it supplies. */
export interface CollegeCalendarFile {
  college: CollegeCalendar;
  officialYears: Map<number, OfficialYear>;
}

interface Problem {
  path: YamlPath;
  message: string;
}

const MAX_RANGE_DAYS = 366;

function toRange(r: RawRange): NamedRange {
  return 'date' in r ? { from: r.date, to: r.date, name: r.name } : r;
}

function expand(from: string, to: string): string[] {
  const days: string[] = [];
  for (let n = dayNumber(from); n <= dayNumber(to); n++)
    days.push(new Date(n * 86_400_000).toISOString().slice(0, 10));
  return days;
}

/** Rules zod's shapes cannot say: ordered ranges, years that match, no day both closed and worked. */
function crossCheck(raw: RawCalendar): Problem[] {
  const problems: Problem[] = [];
  const checkRange = (path: YamlPath, from: string, to: string) => {
    if (to < from)
      problems.push({ path: [...path, 'to'], message: `ends before it starts (${from})` });
    else if (dayNumber(to) - dayNumber(from) >= MAX_RANGE_DAYS)
      problems.push({ path, message: `spans more than ${MAX_RANGE_DAYS} days` });
  };
  for (const key of ['closures', 'vacations'] as const) {
    raw[key].forEach((r, i) => {
      if ('from' in r) checkRange([key, i], r.from, r.to);
    });
  }
  const closed = new Map<string, string>();
  for (const r of raw.closures.map(toRange)) {
    if (r.to >= r.from && dayNumber(r.to) - dayNumber(r.from) < MAX_RANGE_DAYS)
      for (const d of expand(r.from, r.to)) closed.set(d, r.name);
  }
  raw.extraWorkdays.forEach((d, i) => {
    const closure = closed.get(d.date);
    if (closure)
      problems.push({
        path: ['extraWorkdays', i, 'date'],
        message: `${d.date} is also a closure (${closure}): a day cannot be both`,
      });
  });
  for (const [year, lists] of Object.entries(raw.officialYears)) {
    const holidays = new Set<string>();
    for (const list of ['holidays', 'workdays'] as const) {
      lists[list].forEach((entry, i) => {
        const path = ['officialYears', year, list, i];
        const [from, to] = typeof entry === 'string' ? [entry, entry] : [entry.from, entry.to];
        if (typeof entry !== 'string') checkRange(path, from, to);
        if (!from.startsWith(year) || !to.startsWith(year))
          problems.push({ path, message: `is not in ${year}` });
        if (list === 'holidays' && to >= from) expand(from, to).forEach((d) => holidays.add(d));
        if (list === 'workdays' && holidays.has(from))
          problems.push({ path, message: `${from} is also listed as a holiday` });
      });
    }
  }
  return problems;
}

function officialYear(lists: RawCalendar['officialYears'][string]): OfficialYear {
  const days = (entries: typeof lists.holidays) =>
    entries.flatMap((e) => (typeof e === 'string' ? [e] : expand(e.from, e.to)));
  return { holidays: days(lists.holidays), workdays: days(lists.workdays) };
}

/**
 * Parses and checks a college calendar file's text. Problems read `file:line: path: message`, all of
 * them at once; with any, nothing is returned.
 */
export function parseCollegeCalendar(
  text: string,
  file: string,
): { ok: true; value: CollegeCalendarFile } | { ok: false; problems: string[] } {
  const source = readYaml(text);
  if (source.syntaxErrors.length > 0)
    return { ok: false, problems: source.syntaxErrors.map((e) => `${file}: ${e}`) };
  const parsed = collegeCalendarSchema.safeParse(source.value ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues
        .flatMap(issuePaths)
        .map((p) => located(file, source, p.path, p.message)),
    };
  }
  const problems = crossCheck(parsed.data);
  if (problems.length > 0)
    return { ok: false, problems: problems.map((p) => located(file, source, p.path, p.message)) };
  const raw = parsed.data;
  const extraWorkdays: NamedDay[] = raw.extraWorkdays;
  return {
    ok: true,
    value: {
      college: {
        closures: raw.closures.map(toRange),
        vacations: raw.vacations.map(toRange),
        countVacations: raw.countVacations,
        extraWorkdays,
      },
      officialYears: new Map(
        Object.entries(raw.officialYears).map(([y, lists]) => [Number(y), officialYear(lists)]),
      ),
    },
  };
}
