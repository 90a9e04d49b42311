import { z } from 'zod';
import { SUMMARY_SORTS, type SummaryQuery, type SummarySort } from '../db/activity-summary-repo';
import { ACTIVITY_STATES } from '../domain/activity-lifecycle';

const SORT_KEYS = Object.keys(SUMMARY_SORTS) as [SummarySort, ...SummarySort[]];

/** The activities table's query string: filters, search, sort and page. Unknown keys are ignored. */
export const tableQuerySchema = z.object({
  state: z.enum(ACTIVITY_STATES).optional(),
  unit: z
    .string()
    .regex(/^[A-Za-z0-9]{1,16}$/)
    .optional(),
  category: z.coerce.number().int().min(1).max(10).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  half: z.enum(['1', '2']).optional(),
  overdue: z.literal('1').optional(),
  ext: z.literal('1').optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(SORT_KEYS).optional(),
  dir: z.enum(['asc', 'desc']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

export type TableQuery = z.infer<typeof tableQuerySchema>;

/** Parses the query string; empty fields (the "any" choice) count as absent. */
export function parseTableQuery(
  raw: Record<string, unknown>,
): { ok: true; value: TableQuery } | { ok: false; fields: string[] } {
  const cleaned = Object.fromEntries(
    Object.entries(raw).filter(([, v]) => typeof v === 'string' && v.trim() !== ''),
  );
  const result = tableQuerySchema.safeParse(cleaned);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, fields: [...new Set(result.error.issues.map((i) => String(i.path[0])))] };
}

/** The repository query for a parsed table query. */
export function summaryQueryOf(
  q: TableQuery,
  scope: SummaryQuery['scope'],
  now: Date,
): SummaryQuery {
  return {
    scope,
    ...(q.state ? { state: q.state } : {}),
    ...(q.unit ? { unit: q.unit } : {}),
    ...(q.category ? { category: q.category } : {}),
    ...(q.year ? { year: q.year } : {}),
    ...(q.half ? { half: Number(q.half) as 1 | 2 } : {}),
    ...(q.overdue ? { overdueAt: now } : {}),
    ...(q.ext ? { extensionPending: true } : {}),
    ...(q.q ? { q: q.q } : {}),
    ...(q.sort ? { sort: q.sort, dir: q.dir === 'desc' ? -1 : 1 } : {}),
  };
}

/** The query string of a table query with some fields changed (links for sort and paging). */
export function tableHref(base: string, q: TableQuery, change: Partial<TableQuery>): string {
  const merged: Record<string, string | number | undefined> = { ...q, ...change };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) {
    if (v === undefined || v === '' || (k === 'page' && v === 1)) continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${base}?${s}` : base;
}
