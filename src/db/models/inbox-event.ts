import { Schema, type Connection, type Model } from 'mongoose';

export type InboxStatus = 'pending' | 'running' | 'done' | 'failed';

/**
 * One durable unit of work as received: a Feishu event accepted at the edge, or an internal follow-up
 * task. Written once, never updated; it is also the dedupe memory. `_id` is the idempotency key
 * (`evt:<event_id>`, `msg:<message_id>`, `task:<key>`); `eventId` is unique too, so a redelivery under
 * either identity is recognised. Its working state lives in `inbox_queue` until it is done.
 */
export interface InboxEventDoc {
  _id: string;
  eventId: string;
  type: string;
  payload: Record<string, unknown>;
  receivedAt: Date;
}

/** A record with its working state, as the worker and tests see it. */
export interface InboxRecord extends InboxEventDoc {
  status: InboxStatus;
  attempts: number;
  lockedBy?: string;
  lastError?: string;
}

const schema = new Schema<InboxEventDoc>(
  {
    _id: { type: String, required: true },
    eventId: { type: String, required: true },
    type: { type: String, required: true },
    payload: { type: Schema.Types.Mixed, required: true },
    receivedAt: { type: Date, required: true },
  },
  { collection: 'inbox_events', versionKey: false, minimize: false },
);
schema.index({ eventId: 1 }, { unique: true });
schema.index({ receivedAt: 1 });

export const inboxEventModel = (conn: Connection): Model<InboxEventDoc> =>
  (conn.models.InboxEvent as Model<InboxEventDoc> | undefined) ??
  conn.model<InboxEventDoc>('InboxEvent', schema);

/**
 * One row per claim of an inbox record (`<recordId>#<claim number>`). FerretDB 1.24 runs
 * findAndModify as a read then a write, so two processes could both "win" a conditional update; an
 * insert under a unique _id cannot be won twice, on FerretDB or MongoDB.
 */
export interface InboxClaimDoc {
  _id: string;
  workerId: string;
  at: Date;
}

const claimSchema = new Schema<InboxClaimDoc>(
  {
    _id: { type: String, required: true },
    workerId: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'inbox_claims', versionKey: false },
);
claimSchema.index({ at: 1 });

export const inboxClaimModel = (conn: Connection): Model<InboxClaimDoc> =>
  (conn.models.InboxClaim as Model<InboxClaimDoc> | undefined) ??
  conn.model<InboxClaimDoc>('InboxClaim', claimSchema);

/**
 * The working state of every record not yet done: status, attempts, lease. `inbox_events` is written
 * once and never updated (FerretDB 1.24 rewrites by scanning, so updates stay on this small table);
 * the row is deleted when the record is done, and kept with status `failed` when it is given up.
 */
export interface InboxQueueDoc {
  _id: string;
  eventId: string;
  type: string;
  status: 'pending' | 'running' | 'failed';
  attempts: number;
  /** How many times the record was claimed; names each claim in `inbox_claims`. */
  claims: number;
  /** When the record may next be claimed: the retry time while pending, the lease expiry while running. */
  runAt: Date;
  receivedAt: Date;
  lockedBy?: string;
  lastError?: string;
  failedAt?: Date;
}

const queueSchema = new Schema<InboxQueueDoc>(
  {
    _id: { type: String, required: true },
    eventId: { type: String, required: true },
    type: { type: String, required: true },
    status: { type: String, required: true },
    attempts: { type: Number, required: true, default: 0 },
    claims: { type: Number, required: true, default: 0 },
    runAt: { type: Date, required: true },
    receivedAt: { type: Date, required: true },
    lockedBy: String,
    lastError: String,
    failedAt: Date,
  },
  { collection: 'inbox_queue', versionKey: false },
);
queueSchema.index({ status: 1, runAt: 1 });

export const inboxQueueModel = (conn: Connection): Model<InboxQueueDoc> =>
  (conn.models.InboxQueue as Model<InboxQueueDoc> | undefined) ??
  conn.model<InboxQueueDoc>('InboxQueue', queueSchema);

/** A record that is done: a tiny insert-only row, so a re-created queue row for it is recognised. */
export interface InboxDoneDoc {
  _id: string;
  type: string;
  doneAt: Date;
}

const doneSchema = new Schema<InboxDoneDoc>(
  {
    _id: { type: String, required: true },
    type: { type: String, required: true },
    doneAt: { type: Date, required: true },
  },
  { collection: 'inbox_done', versionKey: false },
);
doneSchema.index({ doneAt: 1 });

export const inboxDoneModel = (conn: Connection): Model<InboxDoneDoc> =>
  (conn.models.InboxDone as Model<InboxDoneDoc> | undefined) ??
  conn.model<InboxDoneDoc>('InboxDone', doneSchema);
