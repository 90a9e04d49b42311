/**
 * What an archivist types after `检索` / `search`: free words (title or code), an activity code, an
 * archive number, and `字段:值` filters — 年度/year, 单位/unit, 类别/category — with half- or
 * full-width colons. A bare four-digit year counts as the year.
 */
import { parseActivityCode } from './activity-code';
import { parseArchiveNo } from './archive-number';
import { isCategoryCode } from './categories';

export interface ArchiveSearch {
  q?: string;
  code?: string;
  archiveNo?: string;
  year?: number;
  unit?: string;
  category?: number;
}

const FILTERS: Record<string, 'year' | 'unit' | 'category'> = {
  年度: 'year',
  年份: 'year',
  year: 'year',
  单位: 'unit',
  部门: 'unit',
  unit: 'unit',
  类别: 'category',
  category: 'category',
};

/** Parses the search text; unknown `x:y` words stay in the free text. */
export function parseArchiveSearch(args: string): ArchiveSearch {
  const out: ArchiveSearch = {};
  const words: string[] = [];
  for (const token of args.trim().split(/\s+/).filter(Boolean)) {
    const filter = /^([^:：]+)[:：](.+)$/.exec(token);
    const key = filter ? FILTERS[filter[1]!.toLowerCase()] : undefined;
    const value = filter?.[2]?.trim() ?? '';
    if (key === 'year' && /^\d{4}$/.test(value)) out.year = Number(value);
    else if (key === 'unit' && value) out.unit = value;
    else if (key === 'category' && isCategoryCode(Number(value))) out.category = Number(value);
    else if (parseArchiveNo(token)) out.archiveNo = token.toUpperCase().replace(/[.．・]/g, '·');
    else if (parseActivityCode(token)) out.code = parseActivityCode(token);
    else if (/^(19|20)\d{2}年?$/.test(token)) out.year = Number(token.slice(0, 4));
    else words.push(token);
  }
  if (words.length) out.q = words.join(' ').slice(0, 100);
  return out;
}
