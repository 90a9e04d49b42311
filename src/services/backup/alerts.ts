import { noticeCard } from '../../../cards/notice';
import type { AppDeps } from '../../app/deps';
import type { DuplicateGroup } from '../../domain/backup-rules';
import { tb } from '../../i18n/messages-backup';
import { joinTexts, same } from '../../i18n/t';
import { alertArchivists } from '../alert-archivists';
import type { DrillResult } from './drill';
import type { EntryCheck, StoreProblem } from './fixity';

const MAX_LINES = 30;

/** Lines naming each file, cut after MAX_LINES with a count of the rest. */
function listed(lines: string[]): string {
  const shown = lines.slice(0, MAX_LINES);
  if (lines.length > MAX_LINES) shown.push(`… +${lines.length - MAX_LINES}`);
  return shown.join('\n');
}

const storeLine = (p: StoreProblem) =>
  `· ${p.activityCode ?? '-'} ${p.fileName ?? ''} (${p.materialId}${p.archiveNo ? `, ${p.archiveNo}` : ''}): ${p.actual === null ? 'missing' : 'SHA-256 differs'}`;

/**
 * Tells the archivists which copies failed their check, naming each file, and which stored files no
 * longer match their SHA-256. `key` names the run, so a retried alert is sent once.
 */
export async function alertFixity(
  deps: AppDeps,
  failed: EntryCheck[],
  store: StoreProblem[],
  key: string,
): Promise<void> {
  const title = tb('backup.fixity.title');
  if (failed.length > 0) {
    const lines = failed.flatMap((c) =>
      c.problems.length
        ? c.problems.map((p) => `· ${p.where}/${p.path}: ${p.problem}`)
        : [`· ${c.bagId}: ${c.summary}`],
    );
    const summary = failed.map((c) => `${c.bagId}: ${c.summary}`).join('\n');
    const body = tb('backup.fixity.body', { summary, lines: listed(lines) });
    await alertArchivists(deps, noticeCard(title, body, 'red'), `${key}:bags`);
  }
  if (store.length > 0) {
    const body = tb('backup.fixity.storeBody', {
      count: store.length,
      lines: listed(store.map(storeLine)),
    });
    await alertArchivists(deps, noticeCard(title, body, 'red'), `${key}:store`);
  }
}

/** Items a backup left out because their stored bytes no longer match their SHA-256. */
export async function alertDamagedAtSource(
  deps: AppDeps,
  items: { materialId: string }[],
  key: string,
): Promise<void> {
  if (items.length === 0) return;
  const body = tb('backup.fixity.storeBody', {
    count: items.length,
    lines: listed(items.map((i) => `· ${i.materialId}`)),
  });
  await alertArchivists(deps, noticeCard(tb('backup.source.title'), body, 'red'), key);
}

/**
 * Reports each group of items sharing a SHA-256 to the archivists for value assessment (第十一条);
 * the send key names the group, so a group is reported once however many runs see it.
 */
export async function alertDuplicates(deps: AppDeps, groups: DuplicateGroup[]): Promise<void> {
  for (const g of groups) {
    const key = `backup.dup:${g.sha256}:${g.items.map((i) => i.id).join(',')}`;
    const lines = g.items.map(
      (i) =>
        `· ${i.id}${i.activityId ? ` (${i.activityId})` : ''}${i.decision ? ` → ${i.decision}` : ''}`,
    );
    const body = tb('backup.dup.body', {
      lines: `SHA-256 ${g.sha256.slice(0, 16)}…\n${lines.join('\n')}`,
    });
    await alertArchivists(deps, noticeCard(tb('backup.dup.title'), body, 'orange'), key);
  }
}

/** The drill's result, to the archivists (every drill is reported, passed or not). */
export async function tellDrill(deps: AppDeps, result: DrillResult, key: string): Promise<void> {
  const title = tb(result.ok ? 'backup.drill.title.ok' : 'backup.drill.title.failed');
  const body = joinTexts([
    tb('backup.drill.body', {
      bag: result.bagId ?? '-',
      items: result.sample,
      result: result.ok ? '✅' : '❌',
    }),
    same(result.summary),
  ]);
  await alertArchivists(deps, noticeCard(title, body, result.ok ? 'green' : 'red'), key);
}
