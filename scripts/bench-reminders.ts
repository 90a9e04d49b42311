import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Model } from 'mongoose';
import { startLocalStack } from '../src/app/local-stack';
import { openDatabase } from '../src/db/connection';
import { ensureFerretdb } from '../src/db/ferretdb-binary';
import { activityModel, type ActivityDoc } from '../src/db/models/activity';
import { handoverDeadline } from '../src/domain/deadline';
import { deadlineRemindersJob } from '../src/jobs/deadline-reminders';
import { overdueDigestJob } from '../src/jobs/overdue-digest';
import { reminderScheduleJob } from '../src/jobs/reminder-schedule';
import { runJob } from '../src/jobs/runner';
import type { Job } from '../src/jobs/types';
import { FixedClock } from '../src/lib/clock';
import { closeDeliveryAgents } from '../src/simulator';
import { elapsedMs, fmtMs, fmtNum, printTable } from './lib/bench-util';

/**
 * `npm run bench:reminders`: 10,000 activities with deadlines spread over two years, of which a few
 * hundred owe a reminder now. Times one reminder pass (decide + queue) and one overdue digest on the
 * embedded database, and reports the documents examined (from the query plan when the server gives
 * one, else the documents fetched) against the number due. Baseline in the same run: reading every
 * activity once, which is what a pass would cost if its work followed all activities.
 */
const TOTAL = 10_000;
const OVERDUE = 300;
const TARGET_PASS_MS = 1_000;
const TZ = 'Asia/Shanghai';
const NOW = new Date('2026-06-15T01:30:00Z'); // Monday 09:30 in Shanghai
const DAY = 86_400_000;

function makeActivities(): ActivityDoc[] {
  const docs: ActivityDoc[] = [];
  for (let i = 0; i < TOTAL; i++) {
    // Deterministic spread: overdue and owed, past and accepted, future and owed.
    let endAt: Date;
    let state: ActivityDoc['state'];
    if (i < OVERDUE) {
      endAt = new Date(NOW.getTime() - (31 + (i % 60)) * DAY);
      state = 'ended';
    } else if (i % 5 < 3) {
      endAt = new Date(NOW.getTime() - (40 + (i % 400)) * DAY);
      state = 'accepted';
    } else {
      endAt = new Date(NOW.getTime() + ((i % 365) - 30) * DAY);
      state = endAt < NOW ? 'ended' : 'collecting';
    }
    const deadline = handoverDeadline(endAt, TZ);
    docs.push({
      _id: `act_bench_${i}`,
      code: `HD-2026-${String(i + 1).padStart(5, '0')}`,
      year: 2026,
      title: `基准活动 ${i}`,
      category: ((i % 10) + 1) as ActivityDoc['category'],
      unit: i % 2 ? 'jwc' : 'xcb',
      coUnits: [],
      startAt: new Date(endAt.getTime() - 3_600_000),
      endAt,
      contact: `ou_bench_${i % 50}`,
      registrant: `ou_bench_${i % 50}`,
      state,
      deadline,
      effectiveDeadline: deadline,
      createdAt: new Date(endAt.getTime() - 30 * DAY),
      updatedAt: new Date(endAt.getTime() - 30 * DAY),
    });
  }
  return docs;
}

/** totalDocsExamined from the server's plan, when it reports one (MongoDB does, FerretDB 1.24 not). */
async function planExamined(model: Model<ActivityDoc>): Promise<number | undefined> {
  const limit = new Date(NOW.getTime() + 9 * DAY);
  try {
    const plan = (await model
      .find({
        state: { $in: ['registered', 'collecting', 'ended', 'returned'] },
        effectiveDeadline: { $lte: limit },
      })
      .explain('executionStats')) as unknown as {
      executionStats?: { totalDocsExamined?: number };
    }[];
    const stats = Array.isArray(plan) ? plan[0]?.executionStats : undefined;
    return typeof stats?.totalDocsExamined === 'number' ? stats.totalDocsExamined : undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const repoRoot = path.resolve(__dirname, '..');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-bot-bench-reminders-'));
  const bin = await ensureFerretdb(repoRoot, { log: (line) => console.error(line) });
  const { createLogger } = await import('../src/lib/logger');
  const db = await openDatabase({
    ...(process.env.MONGODB_URI
      ? { mongodbUri: process.env.MONGODB_URI, dbName: `bench_reminders_${Date.now()}` }
      : {}),
    dataDir,
    ferretdbBin: bin,
    logger: createLogger('silent'),
    repoRoot,
  });
  const clock = new FixedClock(NOW);
  const stack = await startLocalStack({ connection: db.connection, clock });
  try {
    await stack.loadDirectory({
      units: [
        { code: 'jwc', name: '教务处', leaderInCharge: 'ou_bench_leader', contacts: [] },
        { code: 'xcb', name: '宣传部', contacts: [] },
      ],
      archivists: ['ou_bench_arch'],
      publicity: [],
      admins: [],
      people: [],
    });
    const model = activityModel(db.connection);
    const docs = makeActivities();
    console.error(`  inserting ${fmtNum(TOTAL)} activities…`);
    for (let i = 0; i < docs.length; i += 1_000) {
      await model.collection.insertMany(docs.slice(i, i + 1_000) as never[], { ordered: false });
    }
    const deps = stack.bot.deps;
    const timed = async (label: string, job: Job, slot: string) => {
      const t = performance.now();
      const outcome = await runJob(job, { now: NOW, deps, slot });
      const ms = elapsedMs(t);
      if (outcome.status !== 'ok')
        throw new Error(`${label} did not run: ${JSON.stringify(outcome)}`);
      return { ms, counts: outcome.result.counts ?? {} };
    };

    // Baseline: every activity read once (what a pass costs if its work follows the register).
    let t = performance.now();
    const all = await model.find({}).lean<ActivityDoc[]>();
    const baselineMs = elapsedMs(t);
    // 03:30: the daily repair builds the watch list (the one full read of the day).
    const repair = await timed('repair', reminderScheduleJob, 'bench-0');
    const first = await timed('pass', deadlineRemindersJob, 'bench-1');
    const second = await timed('second pass', deadlineRemindersJob, 'bench-2');
    const digest = await timed('digest', overdueDigestJob, 'bench-3');
    t = performance.now();
    const examinedByPlan = await planExamined(model);
    void t;

    const due = (first.counts.sent ?? 0) + (first.counts.escalated ?? 0);
    const watched = first.counts.examined ?? 0;
    console.log(
      `\nbench:reminders — ${fmtNum(TOTAL)} activities, ${fmtNum(watched)} on the watch list, ${fmtNum(first.counts.sent ?? 0)} reminders and ${fmtNum(first.counts.escalated ?? 0)} escalations due`,
    );
    printTable(
      ['', 'time', 'documents read', 'queued / sent'],
      [
        ['baseline: read every activity once', fmtMs(baselineMs), fmtNum(all.length), '-'],
        [
          'daily repair of the watch list (03:30)',
          fmtMs(repair.ms),
          examinedByPlan !== undefined ? `${fmtNum(examinedByPlan)} (plan)` : fmtNum(TOTAL),
          `${fmtNum(repair.counts.watched ?? 0)} watched`,
        ],
        ['reminder pass (decide + queue)', fmtMs(first.ms), fmtNum(watched), fmtNum(due)],
        [
          'next pass (everything already sent)',
          fmtMs(second.ms),
          fmtNum(second.counts.examined ?? 0),
          fmtNum((second.counts.sent ?? 0) + (second.counts.escalated ?? 0)),
        ],
        [
          'overdue digest',
          fmtMs(digest.ms),
          fmtNum(digest.counts.overdue ?? 0),
          `${fmtNum(digest.counts.recipients ?? 0)} card(s)`,
        ],
      ],
      ['left', 'right', 'right', 'right'],
    );
    const passOk = first.ms <= TARGET_PASS_MS;
    const proportional = watched <= Math.max(2 * due, 100) && watched < TOTAL / 5;
    console.log(
      `\ntarget: a pass ≤ ${fmtMs(TARGET_PASS_MS)} … ${passOk ? 'PASS' : 'MISS'} (${fmtMs(first.ms)}; baseline full read ${fmtMs(baselineMs)})`,
    );
    console.log(
      `target: work follows what is due … ${proportional ? 'PASS' : 'MISS'} (${fmtNum(watched)} activities read for ${fmtNum(due)} due, of ${fmtNum(TOTAL)})`,
    );
    console.log(
      examinedByPlan !== undefined
        ? `plan of the repair query on this server: ${fmtNum(examinedByPlan)} documents examined`
        : 'plan: FerretDB 1.24 reports no executionStats; documents read are those the bot fetched.',
    );
  } finally {
    await stack.close();
    await db.close();
    closeDeliveryAgents();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
