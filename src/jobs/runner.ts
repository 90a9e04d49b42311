import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { AppDeps } from '../app/deps';
import { jobRunId, type JobRepo } from '../db/job-repo';
import type { Logger } from '../lib/logger';
import { alertIfFailing } from './failure-alert';
import type { Job, JobResult } from './types';
import { metrics } from '../metrics/metrics';

/** A `running` run younger than this holds off other runs of the same job; jobs finish well within it. */
export const JOB_LEASE_MS = 10 * 60 * 1000;
/** Job runs are kept this long (history, failure streaks), then purged after a later run. */
export const JOB_RUNS_KEEP_MS = 30 * 24 * 60 * 60 * 1000;
/** Who ran a run, recorded with it. */
export const PROCESS_ID = `${hostname()}:${process.pid}`;

export interface RunJobOptions {
  /** The time the job runs for; the lease itself uses `deps.clock`. */
  now: Date;
  deps: AppDeps;
  /** The cron tick as an ISO minute, or `manual:<uuid>`. */
  slot: string;
  /** Defaults to `deps.repos.jobs`. */
  runs?: JobRepo;
}

export type JobOutcome =
  | { status: 'ok'; runId: string; durationMs: number; result: JobResult }
  | { status: 'failed'; runId: string; durationMs: number; error: string }
  | { status: 'skipped'; runId: string; reason: 'slot_taken' | 'already_running'; holder?: string };

const describe = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Runs one job once under its lease: skips (`job.skipped`) when another process has the slot or
 * another run of the job is running, records ok/failed with duration and summary, alerts the
 * archivists on a failure streak. Never rejects: a cron tick must not crash the process.
 */
export async function runJob(job: Job, opts: RunJobOptions): Promise<JobOutcome> {
  const { now, deps, slot } = opts;
  const runId = jobRunId(job.name, slot);
  const log = deps.log.child({ job: job.name, runId });
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const runs = opts.runs ?? deps.repos.jobs;
  let refused: JobOutcome | null;
  try {
    refused = await takeLease(job, slot, runs, deps, log);
  } catch (err) {
    log.error({ err, durationMs: elapsed() }, 'job.failed');
    metrics.jobRun(job.name, 'failed');
    return { status: 'failed', runId, durationMs: elapsed(), error: describe(err) };
  }
  if (refused) {
    metrics.jobRun(job.name, 'skipped');
    return refused;
  }
  let outcome: JobOutcome;
  try {
    const result = await job.run({ now, deps, log });
    outcome = { status: 'ok', runId, durationMs: elapsed(), result };
  } catch (err) {
    outcome = { status: 'failed', runId, durationMs: elapsed(), error: describe(err) };
    log.error({ err, durationMs: outcome.durationMs }, 'job.failed');
  }
  await settle(job, outcome, runs, deps, log);
  metrics.jobRun(job.name, outcome.status);
  return outcome;
}

/** Takes the run's lease; null when this run may go ahead, else the skipped outcome. */
async function takeLease(
  job: Job,
  slot: string,
  runs: JobRepo,
  deps: AppDeps,
  log: Logger,
): Promise<JobOutcome | null> {
  const run = { name: job.name, slot, startedAt: deps.clock.now(), by: PROCESS_ID };
  const lease = await runs.start(run, JOB_LEASE_MS);
  if (lease.taken) return null;
  const holder = lease.reason === 'already_running' ? { holder: lease.holder } : {};
  log.info({ reason: lease.reason, ...holder }, 'job.skipped');
  return { status: 'skipped', runId: lease.runId, reason: lease.reason, ...holder };
}

/** Records the outcome, then does the bookkeeping that must not turn a good run into a failure. */
async function settle(
  job: Job,
  outcome: Exclude<JobOutcome, { status: 'skipped' }>,
  runs: JobRepo,
  deps: AppDeps,
  log: Logger,
): Promise<void> {
  const finishedAt = deps.clock.now();
  try {
    if (outcome.status === 'ok') {
      const { summary, counts } = outcome.result;
      await runs.finish(outcome.runId, {
        status: 'ok',
        finishedAt,
        durationMs: outcome.durationMs,
        summary,
        ...(counts ? { counts } : {}),
      });
      log.info({ durationMs: outcome.durationMs, summary, counts }, 'job.done');
      await runs.purgeOld(new Date(finishedAt.getTime() - JOB_RUNS_KEEP_MS));
    } else {
      await runs.finish(outcome.runId, {
        status: 'failed',
        finishedAt,
        durationMs: outcome.durationMs,
        error: outcome.error,
      });
      await alertIfFailing(job, runs, deps, log);
    }
  } catch (err) {
    log.error({ err, status: outcome.status }, 'job.record_failed');
  }
}
