import type { Connection, Model } from 'mongoose';
import { jobRunModel, type JobRunDoc } from './models/job';
import { isDuplicateKeyError } from './mongo-errors';

export type { JobRunDoc, JobRunStatus } from './models/job';

/** What taking a run's lease gave: the run to perform, or why another process or run has it. */
export type JobLease =
  | { taken: true; runId: string }
  | { taken: false; runId: string; reason: 'slot_taken' }
  | { taken: false; runId: string; reason: 'already_running'; holder: string };

/** How a run ended, written once by `_id`. */
export interface JobRunEnd {
  status: 'ok' | 'failed';
  finishedAt: Date;
  durationMs: number;
  summary?: string;
  counts?: Record<string, number>;
  error?: string;
}

/** The failed runs of a job since its last ok run. */
export interface FailureStreak {
  count: number;
  /** The streak's first failed run: names the streak, so its alert is sent once. */
  first: JobRunDoc | null;
  /** The newest failed runs, newest first. */
  latest: JobRunDoc[];
}

/** The run id of a job at a slot (cron tick or `manual:<uuid>`). */
export const jobRunId = (name: string, slot: string): string => `${name}@${slot}`;

/**
 * Leases and history of scheduled job runs (`job_runs`). Exclusion comes from unique inserts, never
 * from a conditional update, because FerretDB 1.24 runs findAndModify as a read then a write. The
 * queries by job name scan the table, which stays small: runs older than 30 days are purged.
 */
export class JobRepo {
  private readonly model: Model<JobRunDoc>;

  constructor(conn: Connection) {
    this.model = jobRunModel(conn);
  }

  /**
   * Takes the lease of one run: inserts `<name>@<slot>` (a second process on the same tick gets a
   * duplicate key), then looks for another run of the job still running and started within `leaseMs`.
   * Both runs are written before either looks, so two overlapping runs never both proceed (in a
   * photo finish both step back, which a catch-up job heals at its next tick).
   */
  async start(
    run: { name: string; slot: string; startedAt: Date; by: string },
    leaseMs: number,
  ): Promise<JobLease> {
    const runId = jobRunId(run.name, run.slot);
    try {
      await this.model.collection.insertOne({ _id: runId as never, ...run, status: 'running' });
    } catch (err) {
      if (isDuplicateKeyError(err)) return { taken: false, runId, reason: 'slot_taken' };
      throw err;
    }
    const holder = await this.model
      .findOne({
        name: run.name,
        status: 'running',
        _id: { $ne: runId },
        startedAt: { $gt: new Date(run.startedAt.getTime() - leaseMs) },
      })
      .select({ _id: 1 })
      .lean<{ _id: string }>();
    if (!holder) return { taken: true, runId };
    await this.model.updateOne(
      { _id: runId },
      {
        $set: {
          status: 'skipped',
          finishedAt: run.startedAt,
          summary: `already running: ${holder._id}`,
        },
      },
    );
    return { taken: false, runId, reason: 'already_running', holder: holder._id };
  }

  /** Records how a leased run ended. */
  async finish(runId: string, end: JobRunEnd): Promise<void> {
    const fields = {
      ...end,
      ...(end.error === undefined ? {} : { error: end.error.slice(0, 2000) }),
    };
    await this.model.updateOne({ _id: runId }, { $set: fields });
  }

  async get(runId: string): Promise<JobRunDoc | null> {
    return this.model.findById(runId).lean<JobRunDoc>();
  }

  /** The newest runs of a job, newest first (the CLI and tests). */
  async list(name: string, limit = 20): Promise<JobRunDoc[]> {
    return this.model.find({ name }).sort({ startedAt: -1 }).limit(limit).lean<JobRunDoc[]>();
  }

  /** The consecutive failed runs of a job since its last ok run: how many, the first, the newest `n`. */
  async recentFailures(name: string, n: number): Promise<FailureStreak> {
    const lastOk = await this.model
      .findOne({ name, status: 'ok' })
      .sort({ startedAt: -1 })
      .select({ startedAt: 1 })
      .lean<{ startedAt: Date }>();
    const filter = {
      name,
      status: 'failed',
      ...(lastOk ? { startedAt: { $gt: lastOk.startedAt } } : {}),
    };
    const count = await this.model.countDocuments(filter);
    if (count === 0) return { count, first: null, latest: [] };
    const first = await this.model.findOne(filter).sort({ startedAt: 1 }).lean<JobRunDoc>();
    const latest = await this.model
      .find(filter)
      .sort({ startedAt: -1 })
      .limit(n)
      .lean<JobRunDoc[]>();
    return { count, first, latest };
  }

  /** Deletes runs started before the cutoff (no TTL indexes on FerretDB); returns how many. */
  async purgeOld(before: Date): Promise<number> {
    return (await this.model.deleteMany({ startedAt: { $lt: before } })).deletedCount;
  }
}
