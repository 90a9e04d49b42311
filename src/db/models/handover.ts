import { Schema, type Connection, type Model } from 'mongoose';
import type { Retention } from '../../domain/archive-number';
import type { CriticismReason } from '../../domain/assessment';
import type { ListTotals } from '../../domain/transfer-list';

/** GridFS bucket holding transfer lists (every version) and assessment reports. */
export const HANDOVER_BUCKET = 'handover_files';

export type SubmissionStatus = 'submitted' | 'returned' | 'accepted';

/** A stored transfer list (XLSX in HANDOVER_BUCKET). */
export interface ListFileRef {
  blobId: string;
  fileName: string;
  /** SHA-256 of the XLSX file. */
  sha256: string;
  size: number;
  /** SHA-256 of the list's content, printed in its header (domain/transfer-list.ts). */
  digest: string;
  /** The file message sent into the chat, when it was sent. */
  messageFileKey?: string;
}

/**
 * One submitted version of an activity's handover. `_id` is `<activityId>:v<version>`: the unique
 * insert of the next version number is what makes a double tap submit once. Earlier versions stay.
 */
export interface HandoverSubmissionDoc {
  _id: string;
  activityId: string;
  version: number;
  status: SubmissionStatus;
  submittedBy: string;
  submittedAt: Date;
  /** The activity's deadlines when this version was submitted (timeliness.ts). */
  originalDeadline: Date;
  effectiveDeadline: Date;
  /** Items in list order at submission. */
  materialIds: string[];
  totals: ListTotals;
  /** Required checklist items with nothing of their kind at submission (warnings). */
  checklistGaps: number;
  list: ListFileRef;
  /** Retention (保管期限) the archive numbers use; default permanent, archivists may change it. */
  retention: Retention;
  /** The review cards sent to the archivists (message ids), to refresh them after a decision. */
  reviewMessageIds: string[];
  decidedBy?: string;
  decidedAt?: Date;
  returnReason?: string;
  /** Returned for minor corrections only: the next version keeps this run's first submission time. */
  minor?: boolean;
  /** Set at acceptance: the list regenerated with archive numbers. */
  acceptedList?: ListFileRef;
  /** Archive numbers assigned and the accepted list stored (the finishing step ran to its end). */
  finalizedAt?: Date;
}

const listRef = {
  blobId: String,
  fileName: String,
  sha256: String,
  size: Number,
  digest: String,
  messageFileKey: String,
};

const submissionSchema = new Schema<HandoverSubmissionDoc>(
  {
    _id: { type: String, required: true },
    activityId: { type: String, required: true },
    version: { type: Number, required: true },
    status: { type: String, required: true },
    submittedBy: { type: String, required: true },
    submittedAt: { type: Date, required: true },
    originalDeadline: { type: Date, required: true },
    effectiveDeadline: { type: Date, required: true },
    materialIds: { type: [String], default: [] },
    totals: { type: Schema.Types.Mixed, required: true },
    checklistGaps: { type: Number, required: true },
    list: { type: listRef, required: true, _id: false },
    retention: { type: String, required: true },
    reviewMessageIds: { type: [String], default: [] },
    decidedBy: String,
    decidedAt: Date,
    returnReason: String,
    minor: Boolean,
    acceptedList: { type: listRef, _id: false },
    finalizedAt: Date,
  },
  { collection: 'handover_submissions', versionKey: false, minimize: false },
);
submissionSchema.index({ activityId: 1, version: 1 });

export const handoverSubmissionModel = (conn: Connection): Model<HandoverSubmissionDoc> =>
  (conn.models.HandoverSubmission as Model<HandoverSubmissionDoc> | undefined) ??
  conn.model<HandoverSubmissionDoc>('HandoverSubmission', submissionSchema);

/**
 * The one decision on a submission: `_id` = `decision:<submissionId>`. Inserting it is the decision;
 * a second archivist tapping at the same moment gets a duplicate key and loses.
 */
export interface HandoverDecisionDoc {
  _id: string;
  submissionId: string;
  activityId: string;
  kind: 'accept' | 'return';
  by: string;
  at: Date;
  reason?: string;
  minor?: boolean;
  retention?: Retention;
}

const decisionSchema = new Schema<HandoverDecisionDoc>(
  {
    _id: { type: String, required: true },
    submissionId: { type: String, required: true },
    activityId: { type: String, required: true },
    kind: { type: String, required: true },
    by: { type: String, required: true },
    at: { type: Date, required: true },
    reason: String,
    minor: Boolean,
    retention: String,
  },
  { collection: 'handover_decisions', versionKey: false },
);

export const handoverDecisionModel = (conn: Connection): Model<HandoverDecisionDoc> =>
  (conn.models.HandoverDecision as Model<HandoverDecisionDoc> | undefined) ??
  conn.model<HandoverDecisionDoc>('HandoverDecision', decisionSchema);

/**
 * A claimed item number: `_id` = `<class key>|<item no>`. Claims are never deleted, so a number is
 * never given twice; `materialId` + `submissionId` let a retried acceptance find its own claims.
 */
export interface ArchiveNumberDoc {
  _id: string;
  classKey: string;
  itemNo: number;
  archiveNo: string;
  materialId: string;
  activityId: string;
  submissionId: string;
  at: Date;
}

const archiveNumberSchema = new Schema<ArchiveNumberDoc>(
  {
    _id: { type: String, required: true },
    classKey: { type: String, required: true },
    itemNo: { type: Number, required: true },
    archiveNo: { type: String, required: true },
    materialId: { type: String, required: true },
    activityId: { type: String, required: true },
    submissionId: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'archive_numbers', versionKey: false },
);
archiveNumberSchema.index({ submissionId: 1 });
archiveNumberSchema.index({ archiveNo: 1 });

export const archiveNumberModel = (conn: Connection): Model<ArchiveNumberDoc> =>
  (conn.models.ArchiveNumber as Model<ArchiveNumberDoc> | undefined) ??
  conn.model<ArchiveNumberDoc>('ArchiveNumber', archiveNumberSchema);

/** The highest item number known to be claimed in a class (a hint; claims decide). */
export interface ArchiveCounterDoc {
  _id: string;
  last: number;
}

const archiveCounterSchema = new Schema<ArchiveCounterDoc>(
  { _id: { type: String, required: true }, last: { type: Number, required: true } },
  { collection: 'archive_counters', versionKey: false },
);

export const archiveCounterModel = (conn: Connection): Model<ArchiveCounterDoc> =>
  (conn.models.ArchiveCounter as Model<ArchiveCounterDoc> | undefined) ??
  conn.model<ArchiveCounterDoc>('ArchiveCounter', archiveCounterSchema);

/** A criticism (通报批评) an archivist recorded against a unit (第七条2, 第九条). */
export interface CriticismDoc {
  _id: string;
  unit: string;
  /** Assessment year it counts in: the activity's year, else the year it was recorded. */
  year: number;
  reason: CriticismReason;
  note?: string;
  activityId?: string;
  activityCode?: string;
  by: string;
  at: Date;
}

const criticismSchema = new Schema<CriticismDoc>(
  {
    _id: { type: String, required: true },
    unit: { type: String, required: true },
    year: { type: Number, required: true },
    reason: { type: String, required: true },
    note: String,
    activityId: String,
    activityCode: String,
    by: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'criticisms', versionKey: false },
);
criticismSchema.index({ year: 1 });

export const criticismModel = (conn: Connection): Model<CriticismDoc> =>
  (conn.models.Criticism as Model<CriticismDoc> | undefined) ??
  conn.model<CriticismDoc>('Criticism', criticismSchema);

/** The handover feature's models, for allModels (indexes.ts). */
export const handoverModels = (conn: Connection) => [
  handoverSubmissionModel(conn),
  handoverDecisionModel(conn),
  archiveNumberModel(conn),
  archiveCounterModel(conn),
  criticismModel(conn),
];
