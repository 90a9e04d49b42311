import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BackupEntryDoc } from '../../db/backup-repo';
import { startEmbeddedFerretdb } from '../../db/embedded-ferretdb';
import { findFerretdbBinary } from '../../db/ferretdb-binary';
import { priorityRank, type Priority } from '../../domain/backup-rules';
import { FILES_FILE } from './catalogue';
import { withLease, type BackupContext } from './context';
import { parseJsonLine } from './csv';
import { restoreBag, type RestoreReport } from './restore';

export interface DrillResult {
  ok: boolean;
  bagId: string | null;
  sample: number;
  summary: string;
  report?: RestoreReport;
}

/** The bag a drill restores from: the newest full (else staged) bag of a use copy holding everything. */
async function drillBag(ctx: BackupContext): Promise<BackupEntryDoc | undefined> {
  const entries = await ctx.repo.list();
  const usable = entries.filter((e) => e.role === 'use' && !e.priorities);
  return usable.find((e) => e.kind === 'full') ?? usable.find((e) => e.kind === 'staged');
}

/** Up to `size` items of the bag: highest priority first, then spread evenly over the rest. */
async function sampleOf(bag: BackupEntryDoc, size: number): Promise<string[]> {
  const lines = (await readFile(join(bag.path, FILES_FILE), 'utf8')).split('\n').filter(Boolean);
  const ids = lines.map((l) => String(parseJsonLine(l).materialId));
  const prio = new Map<string, Priority>();
  const materials = await readFile(join(bag.path, 'data/catalogue/materials.jsonl'), 'utf8');
  for (const line of materials.split('\n').filter(Boolean)) {
    const m = parseJsonLine(line);
    prio.set(String(m._id), (m.priority as Priority | undefined) ?? 'normal');
  }
  const sorted = [...ids].sort(
    (a, b) => priorityRank(prio.get(a)) - priorityRank(prio.get(b)) || (a < b ? -1 : 1),
  );
  if (sorted.length <= size) return sorted;
  const step = sorted.length / size;
  return Array.from({ length: size }, (_, i) => sorted[Math.floor(i * step)]!);
}

/**
 * The restore drill (NDSA L4, tested yearly): restores a sample of the newest full bag of a use copy
 * into a scratch database on a temporary embedded FerretDB, verifies every restored record and hash,
 * records the result on the register, and removes the scratch engine and its files.
 */
export async function runDrill(
  ctx: BackupContext,
  opts: { repoRoot: string; ferretdbBin?: string },
): Promise<DrillResult> {
  return withLease(ctx, 'drill', async () => {
    const bag = await drillBag(ctx);
    const at = ctx.clock.now();
    if (!bag) {
      const summary = 'no full or staged bag of a use copy to restore from';
      await ctx.repo.addEvent({ type: 'drill', at, ok: false, summary, actor: ctx.actor });
      return { ok: false, bagId: null, sample: 0, summary };
    }
    const bin = await findFerretdbBinary(opts.repoRoot, opts.ferretdbBin);
    if (!bin) throw new Error('no FerretDB binary for the drill (npm run ferretdb:build)');
    const dir = await mkdtemp(join(tmpdir(), 'backup-drill-'));
    const server = await startEmbeddedFerretdb({ bin, dataDir: dir, logger: ctx.log });
    let result: DrillResult;
    try {
      const sample = await sampleOf(bag, ctx.settings.drill.sampleSize);
      const report = await restoreBag(ctx, bag.path, `${server.uri}drill`, { sampleIds: sample });
      const records = Object.values(report.collections).reduce((a, b) => a + b, 0);
      result = {
        ok: report.verified,
        bagId: bag._id,
        sample: sample.length,
        report,
        summary: report.verified
          ? `${sample.length} item(s), ${records} record(s) and ${report.files} file(s) restored from ${bag._id} and verified`
          : `${report.problems.length} problem(s) restoring ${bag._id}: ${report.problems.slice(0, 3).join('; ')}`,
      };
    } catch (err) {
      result = {
        ok: false,
        bagId: bag._id,
        sample: 0,
        summary: `restore from ${bag._id} failed: ${err instanceof Error ? err.message : String(err)}`,
      };
    } finally {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    }
    await ctx.repo.addEvent({
      type: 'drill',
      at,
      ok: result.ok,
      summary: result.summary,
      bagId: bag._id,
      targetId: bag.targetId,
      actor: ctx.actor,
      details: { sample: result.sample, collections: result.report?.collections ?? null },
    });
    return result;
  });
}
