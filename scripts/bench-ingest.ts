import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { mongo } from 'mongoose';
import { startLocalStack, type LocalStack } from '../src/app/local-stack';
import { openDatabase, type Database } from '../src/db/connection';
import { ensureFerretdb } from '../src/db/ferretdb-binary';
import { systemClock } from '../src/lib/clock';
import { createLogger } from '../src/lib/logger';
import { events } from '../src/simulator';
import { mp4Head, sampleJpeg } from '../src/simulator/sample-media';
import { elapsedMs, fmtNum, printTable, runWithConcurrency } from './lib/bench-util';

/**
 * `npm run bench:ingest`: 200 MB of photos, documents and videos (100 KB to 50 MB) dropped into a
 * bound group, served by the simulator and ingested through the webhook path (verify, inbox, worker,
 * stream download, hash, quality checks, GridFS, dedupe, batch acknowledgement). Baseline, same run:
 * the same bytes fetched from the same simulator and written straight into GridFS with the driver's
 * GridFSBucket, at the same concurrency. Targets: ≥ 0.7× the baseline's MB/s, peak RSS growth ≤ 64 MB.
 */

const MB = 1024 * 1024;
const TARGET_RATIO = 0.7;
const TARGET_RSS_MB = 64;
/** The worker's default concurrency, used for the baseline too. */
const CONCURRENCY = 8;
const TIMEOUT_MS = 20 * 60_000;
/** Bot and baseline alternate this many times; the best time of each is compared (shared CPUs). */
const ROUNDS = 3;

interface BenchFile {
  messageId: string;
  fileKey: string;
  messageType: 'image' | 'file' | 'media';
  type: 'image' | 'file';
  size: number;
  head: Buffer;
  fileName?: string;
}

/** The mix: 100 photos of 100 KB, 10 binary documents of 1 MB, eleven videos from 5 MB to 50 MB. */
function buildMix(round: number): BenchFile[] {
  const files: BenchFile[] = [];
  const videos = [50, 50, 20, 10, 10, 10, 10, 5, 5, 5, 5];
  videos.forEach((mb, i) => {
    const size = mb * MB;
    files.push({
      messageId: `om_bench_r${round}_v${i}`,
      fileKey: `file_v${i}`,
      messageType: 'media',
      type: 'file',
      size,
      head: mp4Head(size),
      fileName: `video-${i}.mp4`,
    });
  });
  for (let i = 0; i < 10; i++) {
    files.push({
      messageId: `om_bench_r${round}_d${i}`,
      fileKey: `file_d${i}`,
      messageType: 'file',
      type: 'file',
      size: MB,
      head: Buffer.alloc(0),
      fileName: `scan-${i}.bin`,
    });
  }
  for (let i = 0; i < 100; i++) {
    files.push({
      messageId: `om_bench_r${round}_p${i}`,
      fileKey: `img_p${i}`,
      messageType: 'image',
      type: 'image',
      size: 100 * 1024,
      head: sampleJpeg({
        width: 2048,
        height: 1536,
        takenAt: '2026:03:05 10:00:00',
        label: `r${round}p${i}`,
      }),
    });
  }
  // Interleave sizes the way a busy chat would.
  return files.sort((a, b) => a.messageId.localeCompare(b.messageId));
}

/** Samples this process's RSS until stopped; reports the peak above the level at start. */
function rssMeter(): { stop(): number } {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  return {
    stop: () => {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      return (peak - start) / MB;
    },
  };
}

/** GETs a resource from the simulator as the SDK would (tenant token, same endpoint). */
function fetchResource(
  stack: LocalStack,
  token: string,
  f: BenchFile,
): Promise<http.IncomingMessage> {
  const url = `${stack.sim.url}/open-apis/im/v1/messages/${f.messageId}/resources/${f.fileKey}?type=${f.type}`;
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { authorization: `Bearer ${token}` } }, (res) =>
        res.statusCode === 200 ? resolve(res) : reject(new Error(`HTTP ${res.statusCode}`)),
      )
      .on('error', reject);
  });
}

async function tenantToken(stack: LocalStack): Promise<string> {
  const res = await fetch(`${stack.sim.url}/open-apis/auth/v3/tenant_access_token/internal`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ app_id: stack.sim.appId, app_secret: stack.sim.appSecret }),
  });
  return ((await res.json()) as { tenant_access_token: string }).tenant_access_token;
}

/** Baseline: each file from the simulator straight into GridFS (driver's upload stream). */
async function baseline(stack: LocalStack, db: Database, files: BenchFile[]) {
  const bucket = new mongo.GridFSBucket(db.connection.db!, { bucketName: 'bench_baseline' });
  gc();
  const token = await tenantToken(stack);
  const meter = rssMeter();
  const started = performance.now();
  await runWithConcurrency(files, CONCURRENCY, async (f) => {
    const res = await fetchResource(stack, token, f);
    await new Promise<void>((resolve, reject) => {
      res
        .pipe(bucket.openUploadStream(f.fileKey))
        .on('finish', () => resolve())
        .on('error', reject);
    });
  });
  return { ms: elapsedMs(started), rssMb: meter.stop() };
}

async function setUpActivity(stack: LocalStack, chatId: string): Promise<string> {
  const draftId = `bench${randomBytes(4).toString('hex')}`;
  await stack.sendCard(
    events.cardAction(
      {
        operatorOpenId: 'ou_org1',
        value: { action: 'activity.register.submit', draftId, chatType: 'group' },
        formValue: {
          title: '基准测试活动',
          category: '5',
          unit: 'jwc',
          start_at: '2026-03-05 09:00 +0800',
          end_at: '2026-03-05 17:30 +0800',
          location: '礼堂',
          contact: 'ou_org1',
        },
        openMessageId: 'om_form',
        openChatId: chatId,
      },
      stack.ids,
    ),
  );
  const activityId = `act_${draftId}`;
  await stack.sendCard(
    events.cardAction(
      {
        operatorOpenId: 'ou_org1',
        value: { action: 'activity.bind_chat', activityId },
        openMessageId: 'om_form',
        openChatId: chatId,
      },
      stack.ids,
    ),
  );
  return activityId;
}

/** The bot: every file pushed as a message event, until every item is stored. */
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

async function ingest(stack: LocalStack, files: BenchFile[], activityId: string, chatId: string) {
  gc();
  const meter = rssMeter();
  const started = performance.now();
  for (const f of files) {
    const content =
      f.messageType === 'image'
        ? { image_key: f.fileKey }
        : { file_key: f.fileKey, file_name: f.fileName ?? '' };
    const res = await stack.sendEvent(
      events.messageReceived(
        {
          messageId: f.messageId,
          chatId,
          chatType: 'group',
          senderOpenId: 'ou_org1',
          messageType: f.messageType,
          content,
        },
        stack.ids,
      ),
    );
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
  }
  const materials = stack.bot.deps.repos.materials;
  let lastReport = 0;
  for (;;) {
    const items = await materials.listByActivity(activityId);
    if (items.length >= files.length) break;
    if (elapsedMs(started) > TIMEOUT_MS) throw new Error('ingest timed out');
    if (elapsedMs(started) > 120_000 && (lastReport += 1) % 100 === 0) {
      const backlog = await stack.bot.deps.repos.inbox.backlog(new Date());
      console.log(`  … ${items.length}/${files.length} stored; inbox ${JSON.stringify(backlog)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const ms = elapsedMs(started);
  const rssMb = meter.stop();
  const items = await materials.listByActivity(activityId);
  return { ms, rssMb, items };
}

async function openBenchDatabase(dataDir: string): Promise<Database> {
  const logger = createLogger('silent');
  const repoRoot = path.resolve(__dirname, '..');
  const bin = await ensureFerretdb(repoRoot, { log: (line) => console.error(line) });
  return openDatabase({ dataDir, ferretdbBin: bin, logger, repoRoot });
}

async function main(): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-bot-bench-ingest-'));
  const db = await openBenchDatabase(dataDir);
  const stack = await startLocalStack({
    connection: db.connection,
    ...(process.env.BENCH_LOG ? { logLevel: process.env.BENCH_LOG } : {}),
    clock: systemClock,
    startWorker: true,
    env: { INTAKE_BATCH_WINDOW_SECONDS: '20' },
  });
  try {
    await stack.loadDirectory({
      units: [{ code: 'jwc', name: '教务处', contacts: ['ou_org1'] }],
      archivists: ['ou_arch1'],
      publicity: [],
      admins: [],
      people: [],
    });
    const rounds = Array.from({ length: ROUNDS }, (_, r) => buildMix(r));
    for (const f of rounds.flat()) {
      stack.sim.putResource(f.messageId, f.fileKey, { size: f.size, head: f.head });
    }
    const files = rounds[0]!;
    const totalMb = files.reduce((n, f) => n + f.size, 0) / MB;
    console.log('活动归档助手 · bench:ingest');
    console.log(
      `node ${process.version}, ${os.cpus().length} CPU(s), load ${os.loadavg()[0]!.toFixed(1)}, embedded FerretDB; ` +
        `${files.length} files, ${fmtNum(totalMb, 1)} MB (100 KB photos to 50 MB videos), ` +
        `${ROUNDS} rounds alternating bot and baseline, best of each\n`,
    );
    const bases: { ms: number; rssMb: number }[] = [];
    const bots: { ms: number; rssMb: number; stored: number }[] = [];
    for (const [r, roundFiles] of rounds.entries()) {
      const chatId = `oc_bench_${r}`;
      const activityId = await setUpActivity(stack, chatId);
      const run = await ingest(stack, roundFiles, activityId, chatId);
      bots.push({ ...run, stored: run.items.filter((m) => m.status === 'stored').length });
      bases.push(await baseline(stack, db, roundFiles));
      console.log(
        `round ${r + 1}: bot ${fmtNum(run.ms / 1000, 1)} s, baseline ${fmtNum(bases[r]!.ms / 1000, 1)} s`,
      );
    }
    // Let the batch acknowledgements go out, then count them.
    await new Promise((r) => setTimeout(r, 22_000));
    const acks = stack.sim
      .sentMessages()
      .filter((m) => JSON.stringify(m.content).includes('材料已收到'));
    const base = {
      ms: Math.min(...bases.map((b) => b.ms)),
      rssMb: Math.max(...bases.map((b) => b.rssMb)),
    };
    const bot = {
      ms: Math.min(...bots.map((b) => b.ms)),
      rssMb: Math.max(...bots.map((b) => b.rssMb)),
    };
    const stored = Math.min(...bots.map((b) => b.stored));

    const rate = (ms: number) => totalMb / (ms / 1000);
    const ratio = rate(bot.ms) / rate(base.ms);
    printTable(
      ['path', 'time', 'MB/s', 'peak RSS growth'],
      [
        [
          'baseline: simulator → GridFSBucket',
          `${fmtNum(base.ms / 1000, 1)} s`,
          fmtNum(rate(base.ms), 1),
          `${fmtNum(base.rssMb, 1)} MB`,
        ],
        [
          'bot: webhook → inbox → stream → GridFS',
          `${fmtNum(bot.ms / 1000, 1)} s`,
          fmtNum(rate(bot.ms), 1),
          `${fmtNum(bot.rssMb, 1)} MB`,
        ],
      ],
    );
    console.log(
      `\nstored ${stored}/${files.length} items, ${acks.length} acknowledgement card(s)\n`,
    );
    const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
    printTable(
      ['target', 'measured', 'verdict'],
      [
        [
          `throughput ≥ ${TARGET_RATIO}× baseline`,
          `${ratio.toFixed(2)}×`,
          verdict(ratio >= TARGET_RATIO),
        ],
        [
          `peak RSS growth ≤ ${TARGET_RSS_MB} MB`,
          `${fmtNum(bot.rssMb, 1)} MB`,
          verdict(bot.rssMb <= TARGET_RSS_MB),
        ],
        ['every file stored once', `${stored}/${files.length}`, verdict(stored === files.length)],
      ],
    );
    return 0;
  } finally {
    await stack.close();
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('bench:ingest failed:', err);
    process.exit(1);
  },
);
