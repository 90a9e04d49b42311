import { copyFile, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BackupEntryDoc } from '../../db/backup-repo';
import { PAYLOAD_MANIFEST, parseManifest } from '../../domain/bagit';
import { streamBlobs } from './blob-export';
import { withLease, type BackupContext } from './context';
import { checkLiveStore } from './fixity';
import { hashFile } from './hashing-file';
import { checkSealedAccess, SealedAccessError } from './sealed-access';
import { verifyBagDir } from './verify';

export interface RepairReport {
  bagId: string;
  repaired: { path: string; from: string }[];
  unrepaired: { path: string; why: string }[];
  quarantined: string[];
  validAfter: boolean;
  summary: string;
}

/** Resolves `<bag id>` or a bag folder to its register entry. */
export async function entryFor(ctx: BackupContext, bagOrPath: string): Promise<BackupEntryDoc> {
  const entry =
    (await ctx.repo.entry(bagOrPath)) ??
    (await ctx.repo.entry(basename(bagOrPath.replace(/\/+$/, ''))));
  if (!entry)
    throw new Error(`${bagOrPath} is not on the register (npm run backup:register lists the bags)`);
  return entry;
}

/**
 * A good copy of some content: another registered bag holding it (read only if its hash still
 * matches, and a sealed one only under an approval), else the live store. Returns a file path to copy
 * from and what it was, or why none was found.
 */
async function findGoodCopy(
  ctx: BackupContext,
  sha256: string,
  damagedBag: string,
  scratch: string,
): Promise<{ file: string; from: string } | { why: string }> {
  for (const copy of await ctx.repo.copiesOf(sha256)) {
    if (copy.bagId === damagedBag) continue;
    const source = await ctx.repo.entry(copy.bagId);
    if (!source) continue;
    try {
      await checkSealedAccess(ctx, source, 'repair');
    } catch (err) {
      if (err instanceof SealedAccessError) continue;
      throw err;
    }
    const file = join(source.path, copy.path);
    const got = await hashFile(file).catch(() => undefined);
    if (got?.sha256 === sha256) return { file, from: `${copy.bagId}/${copy.path}` };
  }
  const materials = await ctx.store.planMaterials({ sha256 });
  for (const m of materials.filter((x) => x.blobId)) {
    const grid = await ctx.store.gridFiles([m.blobId!]);
    const g = grid.get(m.blobId!);
    if (!g) continue;
    await rm(scratch, { force: true });
    const { results } = await streamBlobs(ctx.store, [
      { fileKey: m.blobId!, dest: scratch, length: g.length, chunkSize: g.chunkSize },
    ]);
    if (results.get(m.blobId!)?.sha256 === sha256)
      return { file: scratch, from: `live store (${m._id})` };
  }
  return { why: 'no other copy with a matching SHA-256' };
}

/**
 * Repairs a registered bag from other copies whose hash matches (NDSA L4): every changed or missing
 * payload file is replaced (through a temporary file and a rename); extra files are moved to
 * `<target>/.quarantine/<bag>/`, never deleted. The bag is verified again and the repair recorded.
 * Writing into a sealed copy needs a `repair` approval.
 */
export async function repairBag(ctx: BackupContext, bagOrPath: string): Promise<RepairReport> {
  const entry = await entryFor(ctx, bagOrPath);
  await checkSealedAccess(ctx, entry, 'repair');
  return withLease(ctx, 'backup', async () => {
    const before = await verifyBagDir(entry.path);
    const report: RepairReport = {
      bagId: entry._id,
      repaired: [],
      unrepaired: [],
      quarantined: [],
      validAfter: before.valid,
      summary: '',
    };
    const manifest = parseManifest(
      await readFile(join(entry.path, PAYLOAD_MANIFEST), 'utf8').catch(() => ''),
    );
    const expected = new Map(manifest.entries.map((e) => [e.path, e.sha256]));
    const damaged = [
      ...before.mismatched.map((m) => ({ path: m.path, sha256: m.expected })),
      ...before.missing.map((p) => ({ path: p, sha256: expected.get(p) })),
    ];
    const scratch = join(entry.path, '..', `.repair-${entry._id}`);
    for (const d of damaged) {
      if (!d.sha256) {
        report.unrepaired.push({ path: d.path, why: 'not in the manifest' });
        continue;
      }
      const source = await findGoodCopy(ctx, d.sha256, entry._id, scratch);
      if ('why' in source) {
        report.unrepaired.push({ path: d.path, why: source.why });
        continue;
      }
      const dest = join(entry.path, d.path);
      await mkdir(dirname(dest), { recursive: true });
      const tmp = `${dest}.repair-tmp`;
      await copyFile(source.file, tmp);
      await rename(tmp, dest);
      report.repaired.push({ path: d.path, from: source.from });
    }
    await rm(scratch, { force: true });
    for (const extra of before.extra) {
      const dest = join(entry.path, '..', '.quarantine', entry._id, extra);
      await mkdir(dirname(dest), { recursive: true });
      await rename(join(entry.path, extra), dest);
      report.quarantined.push(extra);
    }
    const after = await verifyBagDir(entry.path);
    report.validAfter = after.valid;
    report.summary = `${entry._id}: ${report.repaired.length} repaired, ${report.unrepaired.length} not repairable, ${report.quarantined.length} extra moved to quarantine; now ${after.summary}`;
    await ctx.repo.addEvent({
      type: 'repair',
      at: ctx.clock.now(),
      ok: after.valid,
      summary: report.summary,
      bagId: entry._id,
      targetId: entry.targetId,
      actor: ctx.actor,
      details: {
        repaired: report.repaired,
        unrepaired: report.unrepaired,
        quarantined: report.quarantined,
      },
    });
    await ctx.repo.setLastFixity(entry._id, {
      at: ctx.clock.now(),
      ok: after.valid,
      summary: after.summary,
    });
    return report;
  });
}

/** Repairs the live store: every stored file whose bytes differ from its SHA-256 is rewritten from a bag copy. */
export async function repairStore(
  ctx: BackupContext,
): Promise<{ repaired: string[]; unrepaired: string[] }> {
  return withLease(ctx, 'backup', async () => {
    const { problems } = await checkLiveStore(ctx);
    const repaired: string[] = [];
    const unrepaired: string[] = [];
    for (const p of problems) {
      let done = false;
      for (const copy of await ctx.repo.copiesOf(p.expected)) {
        const source = await ctx.repo.entry(copy.bagId);
        if (!source) continue;
        try {
          await checkSealedAccess(ctx, source, 'repair');
        } catch (err) {
          if (err instanceof SealedAccessError) continue;
          throw err;
        }
        const file = join(source.path, copy.path);
        if ((await hashFile(file).catch(() => undefined))?.sha256 !== p.expected) continue;
        const [m] = await ctx.store.planMaterials({ _id: p.materialId });
        const grid = (await ctx.store.gridFiles([m!.blobId!])).get(m!.blobId!);
        await ctx.store.putBlob(m!.blobId!, createReadStream(file), {
          filename: grid?.filename ?? m!.fileName ?? p.materialId,
          ...(grid?.metadata ? { metadata: grid.metadata } : {}),
          ...(grid?.uploadDate ? { uploadDate: grid.uploadDate } : {}),
          ...(grid ? { chunkSize: grid.chunkSize } : {}),
        });
        repaired.push(p.materialId);
        done = true;
        break;
      }
      if (!done) unrepaired.push(p.materialId);
    }
    await ctx.repo.addEvent({
      type: 'repair',
      at: ctx.clock.now(),
      ok: unrepaired.length === 0,
      summary: `live store: ${repaired.length} file(s) rewritten from backup, ${unrepaired.length} without a good copy`,
      actor: ctx.actor,
      details: { repaired, unrepaired },
    });
    return { repaired, unrepaired };
  });
}
