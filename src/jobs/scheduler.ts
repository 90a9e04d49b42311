import { schedule, validate, type ScheduledTask, type TaskContext } from 'node-cron';
import type { AppDeps } from '../app/deps';
import type { JobRepo } from '../db/job-repo';
import type { Logger } from '../lib/logger';
import { JOBS, planJobs, type PlannedJob } from './index';
import { runJob } from './runner';
import type { Job } from './types';

/** What main holds to stop the scheduler at shutdown. */
export interface JobsHandle {
  /** Stops every task, then waits for running jobs (up to `timeoutMs`). */
  stop(timeoutMs?: number): Promise<void>;
}

export interface StartJobsOptions {
  /** The jobs to schedule (default: every job of `jobs/index.ts`). */
  jobs?: readonly Job[];
  /** Default: `deps.repos.jobs`. */
  runs?: JobRepo;
}

/** The run slot of a cron tick: the tick's minute as ISO (`2026-03-02T03:30Z`), the same in every process. */
export function minuteSlot(tick: Date): string {
  return `${tick.toISOString().slice(0, 16)}Z`;
}

/** Checks every expression up front, so a bad JOB_SCHEDULES entry stops the start with its job's name. */
export function checkSchedules(planned: readonly PlannedJob[]): void {
  const bad = planned.filter((p) => !validate(p.cron));
  if (bad.length > 0) {
    throw new Error(
      `invalid cron expression: ${bad.map((p) => `${p.job.name}="${p.cron}"`).join(', ')}`,
    );
  }
}

/** node-cron's own warnings (missed ticks, overlaps) go to pino rather than the console. */
function cronLogger(log: Logger) {
  const text = (m: string | Error) => (m instanceof Error ? m.message : m);
  return {
    info: (m: string) => log.info({ cron: m }, 'jobs.cron'),
    warn: (m: string) => log.warn({ cron: m }, 'jobs.cron'),
    error: (m: string | Error, err?: Error) => log.error({ cron: text(m), err }, 'jobs.cron'),
    debug: (m: string | Error) => log.debug({ cron: text(m) }, 'jobs.cron'),
  };
}

/**
 * Schedules every job (role `jobs`); the only module that imports node-cron. Each tick runs the job
 * through `runJob` with the tick's minute as slot, so replicas hitting the same tick run it once;
 * `noOverlap` keeps a slow run from stacking in this process.
 */
export function startJobs(deps: AppDeps, opts: StartJobsOptions = {}): JobsHandle {
  const log = deps.log.child({ component: 'jobs' });
  const runs = opts.runs ?? deps.repos.jobs;
  const planned = planJobs(deps.config.jobSchedules, opts.jobs ?? JOBS);
  checkSchedules(planned);
  const running = new Set<Promise<unknown>>();
  let stopping = false;
  const tick = (job: Job, ctx: TaskContext): Promise<unknown> | undefined => {
    if (stopping) return undefined;
    const run = runJob(job, { now: deps.clock.now(), deps, slot: minuteSlot(ctx.date), runs });
    running.add(run);
    void run.finally(() => running.delete(run));
    return run;
  };
  const tasks: ScheduledTask[] = planned.map(({ job, cron }) =>
    schedule(cron, (ctx) => tick(job, ctx), {
      name: `job:${job.name}`,
      timezone: deps.config.tz,
      noOverlap: true,
      logger: cronLogger(log),
    }),
  );
  log.info({ jobs: planned.map((p) => ({ name: p.job.name, cron: p.cron })) }, 'jobs.started');
  return {
    stop: async (timeoutMs = 30_000) => {
      stopping = true;
      // destroy() stops the timer and drops the task from node-cron's process-wide registry.
      for (const task of tasks) await Promise.resolve(task.destroy());
      await drain(running, timeoutMs, log);
      log.info('jobs.stopped');
    },
  };
}

/** Waits for running jobs, up to a timeout whose timer is always cleared. */
async function drain(
  running: Set<Promise<unknown>>,
  timeoutMs: number,
  log: Logger,
): Promise<void> {
  if (running.size === 0) return;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), timeoutMs);
  });
  const done = Promise.allSettled([...running]).then(() => false);
  if (await Promise.race([done, timedOut]))
    log.warn({ running: running.size }, 'jobs.stop_timeout');
  clearTimeout(timer);
}
