import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { basename, dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { openDatabase, redactedHost } from '../../db/connection';
import { BackupStoreRepo, gridKey } from '../../db/backup-store-repo';
import { BAG_INFO, parseBagInfo } from '../../domain/bagit';
import { streamBlobs } from './blob-export';
import {
  BLOBS_FILE,
  FILES_FILE,
  INDEX_FILE,
  type CatalogueIndexEntry,
  type FileLocation,
} from './catalogue';
import type { BackupContext } from './context';
import { jsonLine, parseJsonLine } from './csv';
import { ProgressMeter, silentProgress } from './progress';
import { checkSealedAccess } from './sealed-access';
import { verifyBagDir } from './verify';

export interface RestoreReport {
  bagId: string;
  database: string;
  collections: Record<string, number>;
  files: number;
  bytes: number;
  /** Every record read back equal to the catalogue, every file's SHA-256 equal: the proof. */
  verified: boolean;
  problems: string[];
}

export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefusedError';
  }
}

type Doc = Record<string, unknown>;

/** Lines of a JSON Lines file, parsed, one at a time. */
async function* readJsonLines(path: string): AsyncGenerator<Doc> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim() !== '') yield parseJsonLine(line);
}

/** The same document whatever the key order (the comparison after restore). */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && value.constructor === Object) {
    const obj = value as Doc;
    return Object.fromEntries(
      Object.keys(obj)
        .sort()
        .map((k) => [k, canonical(obj[k])]),
    );
  }
  return value;
}
const same = (a: unknown, b: unknown) => jsonLine(canonical(a)) === jsonLine(canonical(b));

/** Which records a sample restore keeps: the sampled items, their activities and what hangs on them. */
interface Sample {
  materialIds: Set<string>;
  activityIds: Set<string>;
}

function keep(collection: string, doc: Doc, sample: Sample | undefined): boolean {
  if (!sample) return true;
  if (collection === 'materials') return sample.materialIds.has(String(doc._id));
  if (collection === 'activities') return sample.activityIds.has(String(doc._id));
  return sample.activityIds.has(String(doc.activityId));
}

/**
 * Restores a bag's catalogue and files into an empty database (refuses one with any collection), then
 * reads everything back: every record equal to its catalogue line, every file's SHA-256 equal to the
 * catalogue and to its item. Files of an incremental bag referenced in earlier bags are read from
 * those bags (siblings in the same target folder). `sampleIds` restores only those items (drills).
 */
export async function restoreBag(
  ctx: BackupContext,
  bagDir: string,
  intoUri: string,
  opts: { sampleIds?: string[]; dbName?: string } = {},
): Promise<RestoreReport> {
  const info = parseBagInfo(await readFile(join(bagDir, BAG_INFO), 'utf8').catch(() => ''));
  const entry = await ctx.repo.entry(info['External-Identifier'] ?? basename(bagDir));
  if (entry) await checkSealedAccess(ctx, entry, 'restore');
  const target = await openDatabase({
    mongodbUri: intoUri,
    dataDir: '',
    logger: ctx.log,
    ...(opts.dbName ? { dbName: opts.dbName } : {}),
  });
  try {
    const into = new BackupStoreRepo(target.connection);
    const existing = await into.collectionNames();
    const name = target.connection.db!.databaseName;
    if (existing.length > 0) {
      throw new RestoreRefusedError(
        `database ${name} on ${redactedHost(intoUri)} is not empty (${existing.length} collections: ${existing.slice(0, 5).join(', ')}); restore only into an empty database`,
      );
    }
    const check = await verifyBagDir(bagDir, {
      ...(ctx.progress ? { progress: ctx.progress } : {}),
    });
    const bagId = check.bagId;
    if (!check.valid) {
      throw new RestoreRefusedError(`${bagId} is not valid (${check.summary}); repair it first`);
    }
    const locations: FileLocation[] = [];
    for await (const l of readJsonLines(join(bagDir, FILES_FILE)))
      locations.push(l as unknown as FileLocation);
    const sample = opts.sampleIds ? await sampleOf(bagDir, new Set(opts.sampleIds)) : undefined;
    const collections = await restoreRecords(bagDir, into, sample);
    const wanted = locations.filter((l) => !sample || sample.materialIds.has(l.materialId));
    const { files, bytes } = await restoreFiles(ctx, bagDir, into, wanted);
    const problems = [
      ...(await verifyRecords(bagDir, into, sample)),
      ...(await verifyFiles(into, wanted)),
    ];
    const report: RestoreReport = {
      bagId,
      database: name,
      collections,
      files,
      bytes,
      verified: problems.length === 0,
      problems,
    };
    await ctx.repo.addEvent({
      type: 'restore',
      at: ctx.clock.now(),
      ok: report.verified,
      summary: `${bagId} → ${name}@${redactedHost(intoUri)}: ${Object.values(collections).reduce((a, b) => a + b, 0)} records, ${files} files${report.verified ? ', all verified' : `, ${problems.length} problem(s)`}`,
      bagId,
      ...(entry ? { targetId: entry.targetId } : {}),
      actor: ctx.actor,
      details: {
        collections,
        problems: problems.slice(0, 100),
        sample: opts.sampleIds?.length ?? null,
      },
    });
    return report;
  } finally {
    await target.close();
  }
}

async function readIndex(bagDir: string): Promise<CatalogueIndexEntry[]> {
  return JSON.parse(await readFile(join(bagDir, INDEX_FILE), 'utf8')) as CatalogueIndexEntry[];
}

async function sampleOf(bagDir: string, materialIds: Set<string>): Promise<Sample> {
  const activityIds = new Set<string>();
  for await (const m of readJsonLines(join(bagDir, 'data/catalogue/materials.jsonl'))) {
    if (materialIds.has(String(m._id)) && typeof m.activityId === 'string')
      activityIds.add(m.activityId);
  }
  return { materialIds, activityIds };
}

async function restoreRecords(bagDir: string, into: BackupStoreRepo, sample: Sample | undefined) {
  const counts: Record<string, number> = {};
  for (const entry of await readIndex(bagDir)) {
    if (sample && entry.file.startsWith('data/database/')) continue;
    let batch: Doc[] = [];
    let n = 0;
    for await (const doc of readJsonLines(join(bagDir, entry.file))) {
      if (!keep(entry.collection, doc, sample)) continue;
      batch.push(doc);
      n += 1;
      if (batch.length >= 500) {
        await into.insertRaw(entry.collection, batch);
        batch = [];
      }
    }
    await into.insertRaw(entry.collection, batch);
    counts[entry.collection] = (counts[entry.collection] ?? 0) + n;
  }
  return counts;
}

async function restoreFiles(
  ctx: BackupContext,
  bagDir: string,
  into: BackupStoreRepo,
  wanted: FileLocation[],
) {
  const blobs = new Map<string, Doc>();
  for await (const b of readJsonLines(join(bagDir, BLOBS_FILE))) blobs.set(String(b.key), b);
  const thisBag = basename(bagDir);
  const byBlob = new Map(wanted.map((l) => [l.blobId, l]));
  const total = [...byBlob.values()].reduce((n, l) => n + l.size, 0);
  const meter = new ProgressMeter(
    `restore ${thisBag}`,
    byBlob.size,
    total,
    ctx.progress ?? silentProgress,
  );
  const checked = new Set<string>();
  for (const loc of byBlob.values()) {
    const fromBag =
      loc.status === 'copied' || loc.bagId === thisBag ? bagDir : join(dirname(bagDir), loc.bagId);
    if (fromBag !== bagDir && !checked.has(loc.bagId)) {
      const earlier = await ctx.repo.entry(loc.bagId);
      if (earlier) await checkSealedAccess(ctx, earlier, 'restore');
      checked.add(loc.bagId);
    }
    const grid = blobs.get(loc.blobId);
    const hash = createHash('sha256');
    const hashing = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        meter.addBytes(chunk.length);
        done(null, chunk);
      },
    });
    await into.putBlob(loc.blobId, createReadStream(join(fromBag, loc.path)).pipe(hashing), {
      filename: typeof grid?.filename === 'string' ? grid.filename : basename(loc.path),
      ...(grid?.metadata ? { metadata: grid.metadata as Doc } : {}),
      ...(grid?.uploadDate instanceof Date ? { uploadDate: grid.uploadDate } : {}),
      ...(typeof grid?.contentType === 'string' ? { contentType: grid.contentType } : {}),
      ...(typeof grid?.chunkSize === 'number' ? { chunkSize: grid.chunkSize } : {}),
    });
    if (hash.digest('hex') !== loc.sha256)
      throw new RestoreRefusedError(`${loc.bagId}/${loc.path}: bytes differ from the catalogue`);
    meter.addFile();
  }
  meter.done();
  return { files: byBlob.size, bytes: total };
}

/** Every restored record equals its catalogue line; counts equal. */
async function verifyRecords(
  bagDir: string,
  into: BackupStoreRepo,
  sample: Sample | undefined,
): Promise<string[]> {
  const problems: string[] = [];
  for (const entry of await readIndex(bagDir)) {
    if (sample && entry.file.startsWith('data/database/')) continue;
    let n = 0;
    for await (const doc of readJsonLines(join(bagDir, entry.file))) {
      if (!keep(entry.collection, doc, sample)) continue;
      n += 1;
      const back = await into.findById(entry.collection, doc._id);
      if (!back || !same(back, doc))
        problems.push(
          `${entry.collection} ${gridKey(doc._id)}: ${back ? 'differs' : 'missing'} after restore`,
        );
    }
    const count = await into.count(entry.collection);
    if (count < n) problems.push(`${entry.collection}: ${count} records, expected ${n}`);
  }
  return problems;
}

/** Every restored file re-read from the new store in one pass; its SHA-256 equals the catalogue's. */
async function verifyFiles(into: BackupStoreRepo, wanted: FileLocation[]): Promise<string[]> {
  const byBlob = new Map(wanted.map((l) => [l.blobId, l]));
  const grid = await into.gridFiles([...byBlob.keys()]);
  const jobs = [...grid].map(([key, f]) => ({
    fileKey: key,
    dest: null,
    length: f.length,
    chunkSize: f.chunkSize,
  }));
  const { results } = await streamBlobs(into, jobs, { all: true });
  const problems: string[] = [];
  for (const [blobId, loc] of byBlob) {
    const got = results.get(blobId);
    if (got?.sha256 !== loc.sha256)
      problems.push(
        `file of ${loc.materialId}: ${got ? 'SHA-256 differs' : 'missing'} after restore`,
      );
  }
  return problems;
}
