import type { AppDeps } from '../app/deps';
import type { Logger } from '../lib/logger';

/** What a job run receives: the time it runs for (pinned in tests and `--now`), the app, a child logger. */
export interface JobContext {
  now: Date;
  deps: AppDeps;
  log: Logger;
}

/** What a run reports: one line for logs and the CLI, plus figures worth keeping. */
export interface JobResult {
  summary: string;
  counts?: Record<string, number>;
}

/**
 * A scheduled job: one file each, listed in `jobs/index.ts`. `run` catches up on everything due
 * before `now` (not "today's slice"), so a skipped or doubled tick heals itself, and records what it
 * did under unique keys so a rerun sends nothing twice.
 */
export interface Job {
  /** Stable kebab-case name: the lease key, the CLI argument, the JOB_SCHEDULES key. */
  name: string;
  /** Default cron expression in the business time zone (JOB_SCHEDULES may override it). */
  cron: string;
  description: string;
  run(ctx: JobContext): Promise<JobResult>;
}
