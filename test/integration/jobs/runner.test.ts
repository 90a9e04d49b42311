import mongoose from 'mongoose';
import { JobRepo } from '../../../src/db/job-repo';
import { ALERT_AFTER_FAILURES } from '../../../src/jobs/failure-alert';
import { runJob } from '../../../src/jobs/runner';
import { deferred, startJobsHarness, testJob, type JobsHarness } from './job-harness';

let h: JobsHarness;

beforeEach(async () => {
  h = await startJobsHarness();
});
afterEach(async () => {
  h.bot.sim.assertNoUnmatched();
  await h.close();
});

const run = (job: Parameters<typeof runJob>[0], slot: string, runs = h.runs) =>
  runJob(job, { now: h.bot.clock.now(), deps: h.bot.bot.deps, slot, runs });

describe('runJob', () => {
  it('runs a job and records it ok with its summary and counts', async () => {
    const job = testJob('t-ok', () => Promise.resolve({ summary: 'did 2', counts: { things: 2 } }));
    const outcome = await run(job, '2026-03-02T02:00Z');
    expect(outcome).toMatchObject({ status: 'ok', runId: 't-ok@2026-03-02T02:00Z' });
    const stored = await h.runs.get('t-ok@2026-03-02T02:00Z');
    expect(stored).toMatchObject({ status: 'ok', summary: 'did 2', counts: { things: 2 } });
    expect(stored?.durationMs).toEqual(expect.any(Number));
    expect(stored?.finishedAt).toBeInstanceOf(Date);
    expect(h.bot.logLines.some((l) => l.includes('"job.done"'))).toBe(true);
  });

  it('runs the body once when two runs race for the same slot', async () => {
    const job = testJob('t-race');
    const outcomes = await Promise.all([run(job, 'S1'), run(job, 'S1')]);
    expect(job.calls).toBe(1);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['ok', 'skipped']);
    expect(outcomes.find((o) => o.status === 'skipped')).toMatchObject({ reason: 'slot_taken' });
    expect(h.bot.logLines.some((l) => l.includes('"job.skipped"'))).toBe(true);
  });

  it('runs the body once when processes on separate connections hit the same tick', async () => {
    const others = await Promise.all(
      [0, 1, 2].map(() =>
        mongoose
          .createConnection(h.runsDb.uri, { dbName: h.runsDb.dbName, maxPoolSize: 4 })
          .asPromise(),
      ),
    );
    try {
      const job = testJob('t-replicas');
      const outcomes = await Promise.all(others.map((c) => run(job, 'TICK', new JobRepo(c))));
      expect(job.calls).toBe(1);
      expect(outcomes.filter((o) => o.status === 'ok')).toHaveLength(1);
      // Manual runs at once from every "process": never two bodies at the same time.
      const slow = testJob('t-manual', async () => {
        await new Promise((r) => setTimeout(r, 50));
        return { summary: 'slow' };
      });
      await Promise.all(others.map((c, i) => run(slow, `manual:${i}`, new JobRepo(c))));
      expect(slow.calls).toBeLessThanOrEqual(1);
    } finally {
      for (const c of others) await c.close();
    }
  });

  it('holds off a second manual run while one is running, and lets one through after', async () => {
    const gate = deferred();
    const started = deferred();
    const job = testJob('t-hold', async () => {
      started.resolve();
      await gate.promise;
      return { summary: 'slow run' };
    });
    const first = run(job, 'manual:a');
    await started.promise;
    const second = await run(job, 'manual:b');
    expect(second).toMatchObject({ status: 'skipped', reason: 'already_running' });
    expect(second.status === 'skipped' && second.holder).toBe('t-hold@manual:a');
    expect((await h.runs.get('t-hold@manual:b'))?.status).toBe('skipped');
    gate.resolve();
    expect((await first).status).toBe('ok');
    expect((await run(job, 'manual:c')).status).toBe('ok');
    expect(job.calls).toBe(2);
  });

  it('ignores a running run older than the lease (a crashed process)', async () => {
    const job = testJob('t-stale');
    await h.runs.start(
      { name: 't-stale', slot: 'manual:dead', startedAt: h.bot.clock.now(), by: 'x' },
      1,
    );
    expect((await run(job, 'manual:now')).status).toBe('skipped');
    h.bot.clock.advance(11 * 60_000);
    expect((await run(job, 'manual:later')).status).toBe('ok');
  });

  it('records failures and alerts the archivists once per failure streak', async () => {
    let fail = true;
    const job = testJob('t-fail', () =>
      fail ? Promise.reject(new Error('disk on fire')) : Promise.resolve({ summary: 'fine' }),
    );
    const runMinute = async (i: number) => {
      h.bot.clock.advance(60_000);
      return run(job, `M${i}`);
    };
    const first = await runMinute(1);
    expect(first).toMatchObject({ status: 'failed', error: 'disk on fire' });
    expect(await h.runs.get('t-fail@M1')).toMatchObject({
      status: 'failed',
      error: 'disk on fire',
    });
    expect(h.bot.logLines.some((l) => l.includes('"job.failed"'))).toBe(true);
    for (let i = 2; i < ALERT_AFTER_FAILURES; i++) await runMinute(i);
    expect(h.bot.sim.cardsTo('ou_arch1')).toHaveLength(0);
    for (let i = ALERT_AFTER_FAILURES; i <= 5; i++) await runMinute(i);
    const cards = h.bot.sim.cardsTo('ou_arch1');
    expect(cards).toHaveLength(1);
    expect(h.bot.sim.cardsTo('ou_arch2')).toHaveLength(1);
    const text = JSON.stringify(cards[0]!.content);
    expect(text).toContain('t-fail');
    expect(text).toContain('disk on fire');
    expect(text).toContain('定时任务连续失败');
    expect(text).toContain('Scheduled job failing');
    const streak = await h.runs.recentFailures('t-fail', 2);
    expect(streak).toMatchObject({ count: 5, first: { _id: 't-fail@M1' } });
    expect(streak.latest.map((r) => r._id)).toEqual(['t-fail@M5', 't-fail@M4']);

    // An ok run ends the streak; a new streak of three alerts again, once.
    fail = false;
    expect((await runMinute(6)).status).toBe('ok');
    expect((await h.runs.recentFailures('t-fail', 1)).count).toBe(0);
    fail = true;
    for (let i = 7; i <= 10; i++) await runMinute(i);
    expect(h.bot.sim.cardsTo('ou_arch1')).toHaveLength(2);
  });

  it('purges runs older than 30 days after an ok run', async () => {
    const job = testJob('t-old');
    await run(job, 'OLD');
    h.bot.clock.advance(31 * 24 * 3600_000);
    await run(job, 'NEW');
    expect(await h.runs.get('t-old@OLD')).toBeNull();
    expect((await h.runs.list('t-old')).map((r) => r._id)).toEqual(['t-old@NEW']);
  });
});
