import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { startLocalStack, type LocalStack } from '../src/app/local-stack';
import { openDatabase } from '../src/db/connection';
import { ensureFerretdb } from '../src/db/ferretdb-binary';
import { MATERIAL_BUCKET, type MaterialDoc } from '../src/db/models/material';
import type { ActivityDoc } from '../src/db/models/activity';
import { systemClock } from '../src/lib/clock';
import { createLogger } from '../src/lib/logger';
import { closeDeliveryAgents } from '../src/simulator';
import { decideHandover } from '../src/services/handover/decide';
import { exportArchiveZip } from '../src/services/handover/export-zip';
import { mapLimit } from '../src/services/handover/file-check';
import { finalizeAcceptance } from '../src/services/handover/finalize';
import { READ_CONCURRENCY, runPrecheck } from '../src/services/handover/precheck';
import { submitHandover } from '../src/services/handover/submit';
import { storeTransferList } from '../src/services/handover/transfer-list';
import { fmtNum } from './lib/bench-util';
import { jpeg, mp4, pdf, wav } from '../test/support/sample-files';

/**
 * `npm run bench:handover`: an activity with 1,000 small described items (photos, documents, audio,
 * video) on the embedded FerretDB. Times the pre-check (every blob streamed back, SHA-256 and format
 * check), the transfer list (XLSX streamed into GridFS) and the ZIP export (blobs streamed into the
 * archive), against a baseline measured in the same run: reading the same files' bytes from GridFS
 * once, with the same reader and concurrency. Targets: pre-check and list ≤ 2× the baseline; peak RSS
 * growth ≤ 64 MB in every phase.
 */
/** BENCH_ITEMS overrides the count for a quick look. */
const ITEMS = Number(process.env.BENCH_ITEMS ?? 1_000);
const TARGET_RATIO = 2;
const TARGET_RSS_MB = 64;
const ACTIVITY_ID = 'act_bench_handover';

/** Samples RSS every 10 ms while `fn` runs; returns its duration and the peak growth. */
async function measure<T>(fn: () => Promise<T>): Promise<{ ms: number; rssMb: number; value: T }> {
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const start = process.hrtime.bigint();
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return {
      ms: Number(process.hrtime.bigint() - start) / 1e6,
      rssMb: (peak - base) / 2 ** 20,
      value,
    };
  } finally {
    clearInterval(timer);
  }
}

function itemBytes(i: number): {
  kind: MaterialDoc['kind'];
  name: string;
  mime: string;
  bytes: Buffer;
} {
  if (i % 20 === 0)
    return { kind: 'video', name: `clip${i}.mp4`, mime: 'video/mp4', bytes: mp4(4000 + i) };
  if (i % 20 === 1)
    return { kind: 'audio', name: `talk${i}.wav`, mime: 'audio/wav', bytes: wav(1500) };
  if (i % 5 === 2)
    return {
      kind: 'document',
      name: `doc${i}.pdf`,
      mime: 'application/pdf',
      bytes: pdf(`文件 ${i}`),
    };
  return {
    kind: 'photo',
    name: `IMG_${i}.jpg`,
    mime: 'image/jpeg',
    bytes: jpeg(`photo-${i}`, 6000),
  };
}

/** 1,000 described items with their blobs, written in batches (files doc + chunk per blob). */
async function seed(stack: LocalStack): Promise<{ activity: ActivityDoc; bytes: number }> {
  const deps = stack.bot.deps;
  const now = new Date('2026-03-06T02:00:00Z');
  const { activity } = await deps.repos.activities.createOnce(
    {
      _id: ACTIVITY_ID,
      year: 2026,
      title: '基准测试：千件材料的移交',
      category: 10,
      unit: 'jwc',
      coUnits: [],
      startAt: new Date('2026-03-05T01:00:00Z'),
      endAt: new Date('2026-03-05T09:00:00Z'),
      contact: 'ou_bench',
      registrant: 'ou_bench',
      state: 'ended',
      deadline: new Date('2026-04-05T15:59:59.999Z'),
      effectiveDeadline: new Date('2026-04-05T15:59:59.999Z'),
    },
    now,
  );
  const db = deps.repos.handover.connection.db!;
  let total = 0;
  for (let from = 0; from < ITEMS; from += 100) {
    const materials: MaterialDoc[] = [];
    const files: Record<string, unknown>[] = [];
    const chunks: Record<string, unknown>[] = [];
    for (let i = from; i < Math.min(ITEMS, from + 100); i++) {
      const f = itemBytes(i);
      const blobId = `bench-blob-${i}`;
      total += f.bytes.length;
      files.push({
        _id: blobId,
        length: f.bytes.length,
        chunkSize: 1024 * 1024,
        uploadDate: now,
        filename: f.name,
        metadata: {},
      });
      chunks.push({ _id: `${blobId}#0`, files_id: blobId, n: 0, data: f.bytes });
      const at = new Date(now.getTime() + i * 1000);
      const media = f.kind === 'photo' || f.kind === 'audio' || f.kind === 'video';
      materials.push({
        _id: `f:bench:${i}`,
        activityId: ACTIVITY_ID,
        kind: f.kind,
        status: 'stored',
        source: 'group',
        batchId: `batch-${Math.floor(i / 10)}`,
        fileName: f.name,
        mime: f.mime,
        size: f.bytes.length,
        sha256: createHash('sha256').update(f.bytes).digest('hex'),
        blobId,
        warnings: [],
        sender: 'ou_bench',
        sentAt: at,
        createdAt: at,
        updatedAt: at,
        described: true,
        description: media
          ? {
              takenAt: at,
              place: '学院礼堂',
              people: '师生代表',
              event: '基准测试活动',
              photographer: '王五',
            }
          : { title: `文件 ${i}`, docType: '文件', docDate: at, pages: 2 },
      });
    }
    await db.collection(`${MATERIAL_BUCKET}.chunks`).insertMany(chunks as never[]);
    await db.collection(`${MATERIAL_BUCKET}.files`).insertMany(files as never[]);
    await db.collection('materials').insertMany(materials as never[]);
  }
  return { activity, bytes: total };
}

/** Baseline: the same blobs' bytes read once from GridFS, same reader and concurrency, no checks. */
async function readAllOnce(stack: LocalStack, materials: MaterialDoc[]): Promise<number> {
  const blobs = stack.bot.deps.repos.handover.blobs;
  const sizes = await mapLimit(materials, READ_CONCURRENCY, async (m) => {
    const blob = await blobs.openMaterialBlob(m.blobId!);
    let n = 0;
    for await (const chunk of blob!.stream) n += (chunk as Buffer).length;
    return n;
  });
  return sizes.reduce((a, b) => a + b, 0);
}

const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

async function main(): Promise<void> {
  const repoRoot = path.resolve(__dirname, '..');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-bot-bench-handover-'));
  const log = createLogger('silent');
  const bin = await ensureFerretdb(repoRoot, { log: (line) => console.error(line) });
  const db = await openDatabase({
    ...(process.env.MONGODB_URI
      ? { mongodbUri: process.env.MONGODB_URI, dbName: `bench_handover_${Date.now()}` }
      : {}),
    dataDir,
    ferretdbBin: bin,
    logger: log,
    repoRoot,
  });
  const stack = await startLocalStack({
    connection: db.connection,
    clock: systemClock,
    env: { DATA_DIR: dataDir },
  });
  try {
    await stack.loadDirectory({
      units: [{ code: 'jwc', name: '教务处', contacts: ['ou_bench'] }],
      archivists: ['ou_bench_arch'],
      publicity: [],
      admins: [],
      people: [{ openId: 'ou_bench', name: '基准测试', unit: 'jwc' }],
    });
    const deps = stack.bot.deps;
    console.error(`seeding ${ITEMS} items…`);
    const { activity, bytes } = await seed(stack);
    const materials = await deps.repos.handover.liveMaterials(activity._id);
    console.log(`activity with ${materials.length} items, ${fmtNum(bytes / 1024)} KB of files`);

    console.error('warm-up read…');
    await readAllOnce(stack, materials); // warm-up, not counted
    console.error('measuring…');
    const base1 = await measure(() => readAllOnce(stack, materials));
    const pre = await measure(() => runPrecheck(activity, deps));
    if (!pre.value.report.ok)
      throw new Error(
        `pre-check found problems: ${JSON.stringify(pre.value.report.blocking.slice(0, 3))}`,
      );
    const list = await measure(() =>
      storeTransferList(
        activity,
        materials,
        { version: 1, submittedBy: 'ou_bench', submittedAt: new Date() },
        deps,
      ),
    );
    const base2 = await measure(() => readAllOnce(stack, materials));
    const baseMs = (base1.ms + base2.ms) / 2;

    // Accept it (not timed) so the export has archive numbers and an accepted list.
    const submitted = await submitHandover(activity._id, 'ou_bench', { confirm: true }, deps);
    if (submitted.kind !== 'submitted') throw new Error(`submit: ${submitted.kind}`);
    await decideHandover(
      submitted.submission._id,
      'ou_bench_arch',
      { kind: 'accept', retention: 'Y' },
      deps,
    );
    await finalizeAcceptance(submitted.submission._id, deps);
    let zipBytes = 0;
    const zip = await measure(async () => {
      const sink = new PassThrough();
      sink.on('data', (c: Buffer) => (zipBytes += c.length));
      return exportArchiveZip(activity._id, 'ou_bench_arch', sink, deps);
    });

    const rows: [string, number, number, number][] = [
      ['baseline: read bytes once', baseMs, Math.max(base1.rssMb, base2.rssMb), 1],
      ['pre-check (hash + format)', pre.ms, pre.rssMb, pre.ms / baseMs],
      ['transfer list (XLSX)', list.ms, list.rssMb, list.ms / baseMs],
      ['ZIP export', zip.ms, zip.rssMb, zip.ms / baseMs],
    ];
    console.log('');
    console.log('phase                         time ms   items/s   peak RSS +MB   × baseline');
    for (const [name, ms, rss, ratio] of rows) {
      console.log(
        `${name.padEnd(28)} ${ms.toFixed(0).padStart(8)} ${fmtNum((ITEMS / ms) * 1000).padStart(9)} ${rss.toFixed(1).padStart(14)} ${ratio.toFixed(2).padStart(12)}`,
      );
    }
    console.log(
      `ZIP: ${fmtNum(zipBytes / 1024)} KB, ${zip.value.files} files; list ${fmtNum(list.value.ref.size / 1024)} KB`,
    );
    console.log('');
    const rssOk = rows.every(([, , rss]) => rss <= TARGET_RSS_MB);
    console.log(
      `pre-check ≤ ${TARGET_RATIO}× baseline: ${verdict(pre.ms <= TARGET_RATIO * baseMs)} (${(pre.ms / baseMs).toFixed(2)}×)`,
    );
    console.log(
      `transfer list ≤ ${TARGET_RATIO}× baseline: ${verdict(list.ms <= TARGET_RATIO * baseMs)} (${(list.ms / baseMs).toFixed(2)}×)`,
    );
    console.log(`peak RSS growth ≤ ${TARGET_RSS_MB} MB in every phase: ${verdict(rssOk)}`);
  } finally {
    await stack.close();
    await db.close();
    closeDeliveryAgents();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error('bench failed:', err);
  process.exit(1);
});
