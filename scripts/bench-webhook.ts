import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { LOCAL_CREDENTIALS, startLocalStack, type LocalStack } from '../src/app/local-stack';
import { openDatabase, type Database } from '../src/db/connection';
import { InboxRepo } from '../src/db/inbox-repo';
import { ensureFerretdb } from '../src/db/ferretdb-binary';
import { systemClock } from '../src/lib/clock';
import { createLogger } from '../src/lib/logger';
import type { EnvelopeOptions } from '../src/simulator/events-envelope';
import { closeDeliveryAgents, events, postRaw, prepareDelivery, SimState } from '../src/simulator';
import { startBareEdge } from './lib/bare-edge';
import {
  elapsedMs,
  fmtMs,
  fmtNum,
  pollUntil,
  printTable,
  Progress,
  runWithConcurrency,
  Samples,
  type LatencyStats,
} from './lib/bench-util';

/**
 * `npm run bench:webhook`: how fast the bot acknowledges Feishu event pushes (verify, decrypt,
 * store in the durable inbox, 200), compared with a bare Koa server that only verifies and decrypts;
 * then how fast the worker drains the inbox, and whether every message was handled exactly once.
 */

const EVENTS = 5_000;
const WARMUP = 200;
const CONCURRENCY = 50;
const DUPLICATES = 200;
const SENDERS = 8;
const DRAIN_POLL_MS = 100;
const DRAIN_TIMEOUT_MS = 15 * 60_000;
/** After this long, a drain whose projected end lies beyond the timeout is given up on. */
const DRAIN_PROJECTION_AFTER_MS = 60_000;
/** A full inbox count at least this often even before every reply is in (in case one never comes). */
const DRAIN_COUNT_EVERY_MS = 5_000;

const TARGET_P99_MS = 50;
const TARGET_RATIO = 0.4;

/** One ready-to-send push: the exact encrypted body and the headers signed over it. */
interface Prepared {
  messageId: string;
  body: string;
  headers: Record<string, string>;
}

interface BlastResult {
  sent: number;
  wallMs: number;
  rate: number;
  stats: LatencyStats;
  non200: number;
  statuses: Map<string, number>;
}

/** Builds signed + encrypted p2p text messages (done before any timing starts). */
function prepareMessages(
  count: number,
  tag: string,
  ids: EnvelopeOptions,
  remember: (envelope: unknown) => void,
): Prepared[] {
  const out: Prepared[] = [];
  for (let i = 0; i < count; i++) {
    const senderOpenId = `ou_bench_sender_${i % SENDERS}`;
    const messageId = `om_${tag}_${String(i).padStart(5, '0')}`;
    const envelope = events.textMessage(
      {
        messageId,
        chatId: SimState.p2pChatId(senderOpenId),
        chatType: 'p2p',
        senderOpenId,
        text: `bench ${i}`,
      },
      ids,
    );
    // The platform knows the message it pushes; replies to it then land in the sender's chat.
    remember(envelope);
    const { body, headers } = prepareDelivery(envelope, {
      encryptKey: LOCAL_CREDENTIALS.encryptKey,
    });
    out.push({ messageId, body, headers });
  }
  return out;
}

/** Posts every request at the given concurrency; keeps only latencies and status counts. */
async function blast(
  label: string,
  url: string,
  requests: readonly Prepared[],
  concurrency: number,
  quiet = false,
): Promise<BlastResult> {
  const samples = new Samples(requests.length);
  const statuses = new Map<string, number>();
  let non200 = 0;
  const progress = quiet ? undefined : new Progress(label, requests.length);
  const started = performance.now();
  await runWithConcurrency(
    requests,
    concurrency,
    async (r) => {
      const t0 = performance.now();
      let status: string;
      try {
        status = String((await postRaw(url, r.body, r.headers)).status);
      } catch (err) {
        status = `error: ${err instanceof Error ? err.message : String(err)}`;
      }
      samples.add(performance.now() - t0);
      if (status !== '200') {
        non200++;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    },
    (done) => progress?.update(done),
  );
  const wallMs = elapsedMs(started);
  progress?.finish();
  return {
    sent: requests.length,
    wallMs,
    rate: (requests.length / wallMs) * 1000,
    stats: samples.stats(),
    non200,
    statuses,
  };
}

function printBlast(title: string, r: BlastResult): void {
  const s = r.stats;
  console.log(
    `${title}: ${fmtNum(r.sent)} events in ${(r.wallMs / 1000).toFixed(2)} s → ${fmtNum(r.rate)} events/s; ` +
      `ack p50 ${fmtMs(s.p50)}, p99 ${fmtMs(s.p99)}, max ${fmtMs(s.max)}; non-200: ${r.non200}`,
  );
  for (const [status, n] of r.statuses) console.log(`  ${n} × ${status}`);
}

interface InboxCounts {
  total: number;
  done: number;
  failed: number;
  pending: number;
  running: number;
}

async function inboxCounts(inbox: InboxRepo): Promise<InboxCounts> {
  const [total, done, failed, pending, running] = await Promise.all([
    inbox.count(),
    inbox.count({ status: 'done' }),
    inbox.count({ status: 'failed' }),
    inbox.count({ status: 'pending' }),
    inbox.count({ status: 'running' }),
  ]);
  return { total, done, failed, pending, running };
}

interface ReplyCounts {
  /** Interactive replies sent (every p2p text gets one help card). */
  replies: number;
  /** Expected message ids without a reply. */
  missing: number;
  /** Expected message ids with more than one reply. */
  repeated: number;
  /** Replies to ids that were never sent, and sends that are not card replies. */
  strays: number;
}

function replyCounts(stack: LocalStack, messageIds: readonly string[]): ReplyCounts {
  const perMessage = new Map<string, number>();
  let strays = 0;
  let replies = 0;
  for (const m of stack.sim.sentMessages()) {
    if (m.replyTo === undefined || m.msgType !== 'interactive') {
      strays++;
      continue;
    }
    replies++;
    perMessage.set(m.replyTo, (perMessage.get(m.replyTo) ?? 0) + 1);
  }
  let missing = 0;
  let repeated = 0;
  for (const id of messageIds) {
    const n = perMessage.get(id) ?? 0;
    if (n === 0) missing++;
    else if (n > 1) repeated++;
    perMessage.delete(id);
  }
  for (const n of perMessage.values()) strays += n;
  return { replies, missing, repeated, strays };
}

/** Inbox and simulator agree that every message was stored once, done once and answered once. */
function exactlyOnceLines(
  expected: number,
  c: InboxCounts,
  r: ReplyCounts,
  unmatched: number,
): { ok: boolean; lines: string[] } {
  const checks: [string, boolean][] = [
    [`inbox records: ${c.total} (expected ${expected})`, c.total === expected],
    [
      `done: ${c.done}, failed: ${c.failed}, pending: ${c.pending}, running: ${c.running}`,
      c.done === expected,
    ],
    [
      `reply cards: ${r.replies}; messages without one ${r.missing}, with more than one ${r.repeated}, ` +
        `stray sends ${r.strays}`,
      r.missing === 0 && r.repeated === 0 && r.strays === 0 && r.replies === expected,
    ],
    [
      `no message answered twice, replies within done..done+running (${c.done}..${c.done + c.running})`,
      r.repeated === 0 && r.replies >= c.done && r.replies <= c.done + c.running,
    ],
    [`simulator unmatched requests: ${unmatched}`, unmatched === 0],
  ];
  return {
    ok: checks.every(([, ok]) => ok),
    lines: checks.map(([text, ok]) => `  ${ok ? 'ok  ' : 'FAIL'} ${text}`),
  };
}

interface DrainResult {
  finished: boolean;
  done: number;
  ms: number;
  rate: number;
  /** Mean duration of one `count({status:'done'})`. */
  countMs: number;
  reason?: string;
}

/**
 * Starts the worker and waits until `expected` records are done. Each reply card lands in the
 * simulator just before its record is marked done, so the (in-memory) reply count drives the
 * 100 ms polling; `inbox.count({status:'done'})` confirms the end, and also runs every few seconds
 * in case a record never replies. A drain projected to outlast the timeout is given up on early.
 */
async function measureDrain(
  stack: LocalStack,
  monitor: InboxRepo,
  expected: number,
): Promise<DrainResult> {
  const progress = new Progress('drain', expected);
  let done = 0;
  let counts = 0;
  let countTotalMs = 0;
  let lastCount = -Infinity;
  let reason: string | undefined;
  const countDone = async (): Promise<number> => {
    const t = performance.now();
    done = await monitor.count({ status: 'done' });
    countTotalMs += elapsedMs(t);
    counts++;
    lastCount = performance.now();
    return done;
  };
  const started = performance.now();
  stack.bot.worker.start();
  const finished = await pollUntil(
    async () => {
      const replies = stack.sim.sentMessages().length;
      const ms = elapsedMs(started);
      if (replies >= expected || performance.now() - lastCount >= DRAIN_COUNT_EVERY_MS) {
        if ((await countDone()) >= expected) return true;
      }
      progress.update(Math.max(done, Math.min(replies, expected)), `${replies} replies`);
      if (ms >= DRAIN_PROJECTION_AFTER_MS && replies > 0) {
        const projectedMs = (ms / replies) * expected;
        // The rate rises as the backlog shrinks (FerretDB scans the queue), so only a hopeless projection stops early.
        if (projectedMs > 2 * DRAIN_TIMEOUT_MS) {
          reason =
            `GAVE UP: ${replies} replies in ${(ms / 1000).toFixed(0)} s projects ` +
            `${(projectedMs / 60_000).toFixed(0)} min for all ${expected}, beyond the ${DRAIN_TIMEOUT_MS / 60_000} min timeout`;
          return true;
        }
      }
      return false;
    },
    { intervalMs: DRAIN_POLL_MS, timeoutMs: DRAIN_TIMEOUT_MS },
  );
  const ms = elapsedMs(started);
  progress.finish();
  if (reason !== undefined || !finished) await countDone();
  const ok = finished && reason === undefined && done >= expected;
  if (!ok && reason === undefined) reason = `TIMED OUT after ${DRAIN_TIMEOUT_MS / 60_000} min`;
  return {
    finished: ok,
    done,
    ms,
    rate: (done / ms) * 1000,
    countMs: counts ? countTotalMs / counts : Number.NaN,
    ...(reason !== undefined ? { reason } : {}),
  };
}

async function openBenchDatabase(dataDir: string): Promise<Database> {
  const logger = createLogger('silent');
  const mongodbUri = process.env.MONGODB_URI?.trim();
  if (mongodbUri) {
    const dbName = `bench_webhook_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
    return openDatabase({ mongodbUri, dataDir, logger, dbName });
  }
  const repoRoot = path.resolve(__dirname, '..');
  const bin = await ensureFerretdb(repoRoot, { log: (line) => console.error(line) });
  return openDatabase({ dataDir, ferretdbBin: bin, logger, repoRoot });
}

async function main(): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-bot-bench-'));
  const cleanups: (() => Promise<void>)[] = [];
  const onSignal = () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(130); // the embedded FerretDB is killed on exit
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    console.log('活动归档助手 · bench:webhook');
    console.log(
      `node ${process.version}, ${os.cpus().length} CPU(s); ${fmtNum(EVENTS)} events at concurrency ${CONCURRENCY} ` +
        `(+${WARMUP} warm-up), load generator in the same process`,
    );

    const db = await openBenchDatabase(dataDir);
    cleanups.push(async () => {
      if (!db.embedded) await db.connection.dropDatabase();
      await db.close();
    });
    console.log(
      `database: ${db.embedded ? 'embedded FerretDB' : db.ferretdb ? 'FerretDB (MONGODB_URI)' : 'MongoDB (MONGODB_URI)'} ` +
        `db=${db.connection.name}`,
    );

    const stack = await startLocalStack({
      connection: db.connection,
      clock: systemClock,
      logLevel: 'silent',
      startWorker: false,
    });
    cleanups.push(() => stack.close());
    const eventsUrl = `${stack.url}/feishu/events`;

    const tag = `bench${randomBytes(3).toString('hex')}`;
    const t0 = performance.now();
    const remember = (e: unknown) => stack.sim.rememberEvent(e);
    const measured = prepareMessages(EVENTS, tag, stack.ids, remember);
    const warmups = prepareMessages(WARMUP, `${tag}w`, stack.ids, remember);
    console.log(
      `prepared ${fmtNum(EVENTS + WARMUP)} signed + encrypted events in ${fmtMs(elapsedMs(t0))} (not measured)\n`,
    );

    // 1. Baseline first: same bodies, same client, no storage.
    const baseline = await startBareEdge(LOCAL_CREDENTIALS.encryptKey);
    cleanups.push(() => baseline.close());
    const baseUrl = `${baseline.url}/feishu/events`;
    await blast('baseline warm-up', baseUrl, measured.slice(0, WARMUP), CONCURRENCY, true);
    const base = await blast('baseline', baseUrl, measured, CONCURRENCY);
    printBlast('baseline (bare Koa: verify + decrypt + parse)', base);

    // 2. The bot's edge: verify, decrypt, validate, store in the inbox, 200. The worker is idle.
    const warm = await blast('bot warm-up', eventsUrl, warmups, CONCURRENCY, true);
    if (warm.non200 > 0) console.log(`  warm-up: ${warm.non200} non-200 answers`);
    const bot = await blast('bot', eventsUrl, measured, CONCURRENCY);
    printBlast('bot (edge → durable inbox)', bot);

    // 3. Drain: start the worker, wait until every record is done. The inbox is counted on a
    // connection of its own: the bot's single pooled connection (FerretDB) must not queue behind it.
    const expected = EVENTS + WARMUP;
    const allIds = [...warmups, ...measured].map((p) => p.messageId);
    const monitorConn = await mongoose
      .createConnection(db.uri, { dbName: db.connection.name, maxPoolSize: 1, autoIndex: false })
      .asPromise();
    cleanups.push(() => monitorConn.close());
    const monitor = new InboxRepo(monitorConn);
    // Redeliveries of still-pending messages while the worker is busy: the edge's acks under load.
    const underLoad = new Promise((resolve) => setTimeout(resolve, 2_000)).then(() =>
      blast('redelivery during drain', eventsUrl, measured.slice(-DUPLICATES), CONCURRENCY, true),
    );
    const drain = await measureDrain(stack, monitor, expected);
    const loaded = await underLoad;
    console.log(
      `\ndrain: ${fmtNum(drain.done)}/${fmtNum(expected)} records done in ${(drain.ms / 1000).toFixed(1)} s ` +
        `→ ${fmtNum(drain.rate, 1)} records/s; one inbox count took ${fmtMs(drain.countMs)}`,
    );
    if (!drain.finished) console.log(`  ${drain.reason}`);
    printBlast(`${DUPLICATES} redeliveries while the worker drains`, loaded);

    // 4. Exactly once, then duplicates (the platform redelivers the same bytes). An unfinished
    // drain is stopped first, so the counts below stand still.
    if (!drain.finished) await stack.bot.worker.stop(10_000);
    const before = await inboxCounts(monitor);
    const repliesBefore = replyCounts(stack, allIds);
    const first = exactlyOnceLines(expected, before, repliesBefore, stack.sim.unmatched.length);
    const sentBefore = stack.sim.sentMessages().length;
    const dup = await blast(
      'duplicates',
      eventsUrl,
      measured.slice(0, DUPLICATES),
      CONCURRENCY,
      true,
    );
    stack.bot.worker.poke();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const after = await inboxCounts(monitor);
    const sentAfter = stack.sim.sentMessages().length;
    const dupOk =
      dup.non200 === 0 &&
      after.total === before.total &&
      after.pending === before.pending &&
      sentAfter === sentBefore;
    const exactlyOnce = drain.finished && first.ok && dupOk;

    console.log(
      `\nexactly-once (${fmtNum(expected)} = ${fmtNum(EVENTS)} measured + ${WARMUP} warm-up messages):`,
    );
    for (const line of first.lines) console.log(line);
    console.log(
      `  ${dupOk ? 'ok  ' : 'FAIL'} ${DUPLICATES} redelivered events: ${DUPLICATES - dup.non200} answered 200, ` +
        `inbox ${after.total} (was ${before.total}), pending ${after.pending} (was ${before.pending}), ` +
        `sends ${sentAfter} (was ${sentBefore})`,
    );
    printBlast('  redelivery acks', dup);
    console.log(`exactly-once: ${exactlyOnce ? 'PASS' : 'FAIL'}\n`);

    // 5. Summary.
    const ratio = bot.rate / base.rate;
    printTable(
      ['', 'bot', 'baseline'],
      [
        ['events/s', fmtNum(bot.rate), fmtNum(base.rate)],
        ['bot / baseline', `${(ratio * 100).toFixed(1)} %`, ''],
        ['ack p50', fmtMs(bot.stats.p50), fmtMs(base.stats.p50)],
        ['ack p99', fmtMs(bot.stats.p99), fmtMs(base.stats.p99)],
        ['ack max', fmtMs(bot.stats.max), fmtMs(base.stats.max)],
        ['non-200', String(bot.non200), String(base.non200)],
        ['drain', `${fmtNum(drain.rate, 1)} records/s`, ''],
      ],
      ['left', 'right', 'right'],
    );
    console.log('');
    const verdict = (ok: boolean) => (ok ? 'OK' : 'MISS');
    printTable(
      ['target', 'measured', 'result'],
      [
        [
          `p99 ack ≤ ${TARGET_P99_MS} ms`,
          fmtMs(bot.stats.p99),
          verdict(bot.stats.p99 <= TARGET_P99_MS),
        ],
        [
          `throughput ≥ ${TARGET_RATIO * 100}% of baseline`,
          `${(ratio * 100).toFixed(1)} %`,
          verdict(ratio >= TARGET_RATIO),
        ],
        ['all processed exactly once', exactlyOnce ? 'PASS' : 'FAIL', verdict(exactlyOnce)],
      ],
      ['left', 'right', 'left'],
    );
    return exactlyOnce ? 0 : 1;
  } finally {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((err: unknown) => console.error('cleanup:', err));
    }
    closeDeliveryAgents();
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('bench:webhook failed:', err);
    process.exit(1);
  },
);
