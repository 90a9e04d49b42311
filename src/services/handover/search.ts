import type { ArchiveSearchView } from '../../../cards/handover-views';
import type { AppDeps } from '../../app/deps';
import type { ArchiveQuery } from '../../db/archive-repo';
import type { ArchiveSearch } from '../../domain/archive-search';
import { categoryLabel } from '../../domain/categories';
import { formatInTz } from '../../domain/deadline';
import { th, thPerLang } from '../../i18n/messages-handover';
import { same } from '../../i18n/t';
import { numberRange } from './finalize';
import { unitNameOf } from './transfer-list';

export const SEARCH_LIMIT = 10;

/** The search conditions as typed back to the archivist. */
function describeQuery(s: ArchiveSearch): string {
  return [
    s.code,
    s.archiveNo,
    s.q,
    s.year ? `年度:${s.year}` : undefined,
    s.unit ? `单位:${s.unit}` : undefined,
    s.category ? `类别:${s.category}` : undefined,
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * Finds accepted archives by activity code, words of the title, category, unit, year or archive
 * number (archivists only; the handler checks), each with its archive-number range.
 */
export async function searchArchives(s: ArchiveSearch, deps: AppDeps): Promise<ArchiveSearchView> {
  const query: ArchiveQuery = {
    ...(s.q ? { q: s.q } : {}),
    ...(s.code ? { code: s.code } : {}),
    ...(s.year ? { year: s.year } : {}),
    ...(s.unit ? { unit: s.unit } : {}),
    ...(s.category ? { category: s.category } : {}),
  };
  if (s.archiveNo) {
    const id = await deps.repos.archives.activityIdByArchiveNo(s.archiveNo);
    query.ids = id ? [id] : [];
  }
  const found = await deps.repos.archives.searchAccepted(query, SEARCH_LIMIT + 1);
  const dir = await deps.directory.load();
  const tz = deps.config.tz;
  const items = await Promise.all(
    found.slice(0, SEARCH_LIMIT).map(async (a) => {
      const numbered = await deps.repos.archives.numberedMaterials(a._id);
      const range = numberRange(numbered) ?? { first: '—', last: '—', n: 0 };
      const versions = await deps.repos.handover.versions(a._id);
      const accepted = versions.find((v) => v.status === 'accepted');
      return {
        activityId: a._id,
        text: thPerLang('ho.search.item', (lang) => ({
          code: a.code,
          title: a.title,
          unit: unitNameOf(a.unit, dir),
          year: a.year,
          category: categoryLabel(a.category, lang, 'short'),
          n: range.n,
          first: range.first,
          last: range.last,
          date: accepted?.decidedAt ? formatInTz(accepted.decidedAt, tz, 'YYYY-MM-DD') : '',
        })),
      };
    }),
  );
  const text = describeQuery(s);
  return {
    query: text ? th('ho.search.query', { q: text }) : th('ho.search.all'),
    items,
    more: found.length > SEARCH_LIMIT,
    limit: SEARCH_LIMIT,
  };
}

export const searchQueryText = (s: ArchiveSearch) => same(describeQuery(s));
