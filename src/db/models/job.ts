import { Schema, type Connection, type Model } from 'mongoose';

export type JobRunStatus = 'running' | 'ok' | 'failed' | 'skipped';

/**
 * One run of a scheduled job. `_id` is `<job name>@<slot>`, the slot being the cron tick (ISO minute)
 * or `manual:<uuid>`: inserting it is the lease, because a unique insert is the one step two processes
 * can never both win on FerretDB 1.24 (whose findAndModify is a read then a write) or MongoDB.
 * Updated once when the run ends, by `_id` (the only filter FerretDB answers without a scan).
 */
export interface JobRunDoc {
  _id: string;
  name: string;
  slot: string;
  status: JobRunStatus;
  startedAt: Date;
  finishedAt?: Date;
  durationMs?: number;
  summary?: string;
  counts?: Record<string, number>;
  error?: string;
  /** The process that ran it (`host:pid`). */
  by: string;
}

const schema = new Schema<JobRunDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    slot: { type: String, required: true },
    status: { type: String, required: true },
    startedAt: { type: Date, required: true },
    finishedAt: Date,
    durationMs: Number,
    summary: String,
    counts: { type: Schema.Types.Mixed },
    error: String,
    by: { type: String, required: true },
  },
  { collection: 'job_runs', versionKey: false },
);
schema.index({ name: 1, startedAt: -1 });
schema.index({ startedAt: 1 });

export const jobRunModel = (conn: Connection): Model<JobRunDoc> =>
  (conn.models.JobRun as Model<JobRunDoc> | undefined) ?? conn.model<JobRunDoc>('JobRun', schema);
