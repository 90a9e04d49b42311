import { Schema, type Connection, type Model } from 'mongoose';

export type InboxStatus = 'pending' | 'running' | 'done' | 'failed';

/**
 * One durable unit of work: a Feishu event accepted at the edge, or an internal follow-up task.
 * `_id` is the idempotency key (`evt:<event_id>`, `msg:<message_id>`, `task:<key>`); `eventId` is
 * unique too, so a redelivery under either identity is recognised.
 */
export interface InboxEventDoc {
  _id: string;
  eventId: string;
  type: string;
  payload: Record<string, unknown>;
  status: InboxStatus;
  attempts: number;
  /** How many times the record was claimed; names each claim in `inbox_claims`. */
  claims: number;
  /** When the record may next be claimed: the retry time while pending, the lease expiry while running. */
  runAt: Date;
  lockedBy?: string;
  lastError?: string;
  receivedAt: Date;
  doneAt?: Date;
}

const schema = new Schema<InboxEventDoc>(
  {
    _id: { type: String, required: true },
    eventId: { type: String, required: true },
    type: { type: String, required: true },
    payload: { type: Schema.Types.Mixed, required: true },
    status: { type: String, required: true },
    attempts: { type: Number, required: true, default: 0 },
    claims: { type: Number, required: true, default: 0 },
    runAt: { type: Date, required: true },
    lockedBy: String,
    lastError: String,
    receivedAt: { type: Date, required: true },
    doneAt: Date,
  },
  { collection: 'inbox_events', versionKey: false, minimize: false },
);
schema.index({ eventId: 1 }, { unique: true });
schema.index({ status: 1, runAt: 1 });

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
 * The due-work index of the inbox: one small row per record not yet finished. FerretDB 1.24 only
 * narrows queries on `_id` equality, so finding due work scans this table (the backlog), not every
 * event ever received.
 */
export interface InboxQueueDoc {
  _id: string;
  runAt: Date;
  /** How many times the record was claimed; names each claim in `inbox_claims`. */
  claims: number;
  receivedAt: Date;
}

const queueSchema = new Schema<InboxQueueDoc>(
  {
    _id: { type: String, required: true },
    runAt: { type: Date, required: true },
    claims: { type: Number, required: true, default: 0 },
    receivedAt: { type: Date, required: true },
  },
  { collection: 'inbox_queue', versionKey: false },
);
queueSchema.index({ runAt: 1 });

export const inboxQueueModel = (conn: Connection): Model<InboxQueueDoc> =>
  (conn.models.InboxQueue as Model<InboxQueueDoc> | undefined) ??
  conn.model<InboxQueueDoc>('InboxQueue', queueSchema);
