import { Schema, type Connection, type Model } from 'mongoose';
import type { MaterialKind } from '../../domain/categories';
import type { MaterialSource } from './material';

/** What became of one resource of a collected message. */
export type IntakeOutcome = 'stored' | 'already' | 'duplicate' | 'failed';

export interface IntakeItem {
  materialId: string;
  outcome: IntakeOutcome;
  kind?: MaterialKind;
  fileName?: string;
  /** Identified from the bytes (names a format in warnings). */
  mime?: string;
  /** Quality warnings (i18n keys) of a stored item. */
  warnings: string[];
  /** i18n key of why a `failed` item has no bytes. */
  failReason?: string;
  /** For a `duplicate`: the item already holding the same content. */
  original?: { materialId: string; at: Date; fileName?: string; kind?: MaterialKind };
  image?: { width: number; height: number };
}

/**
 * One message whose resources were collected (`_id` = that message's id: the image/file/post itself,
 * the `@bot 归档` reply, or the merged forward). Written before any download (`collecting`) so a
 * batch waits for it, and finished with what became of each resource (`collected`).
 */
export interface MaterialIntakeDoc {
  _id: string;
  chatId: string;
  sender: string;
  /** Absent for a publicity drop-box batch until it is filed. */
  activityId?: string;
  source: MaterialSource;
  status: 'collecting' | 'collected';
  receivedAt: Date;
  items: IntakeItem[];
  batchId?: string;
  updatedAt: Date;
}

const intakeSchema = new Schema<MaterialIntakeDoc>(
  {
    _id: { type: String, required: true },
    chatId: { type: String, required: true },
    sender: { type: String, required: true },
    activityId: String,
    source: { type: String, required: true },
    status: { type: String, required: true },
    receivedAt: { type: Date, required: true },
    items: { type: Schema.Types.Mixed, default: [] },
    batchId: String,
    updatedAt: { type: Date, required: true },
  },
  { collection: 'material_intakes', versionKey: false, minimize: false },
);

export const materialIntakeModel = (conn: Connection): Model<MaterialIntakeDoc> =>
  (conn.models.MaterialIntake as Model<MaterialIntakeDoc> | undefined) ??
  conn.model<MaterialIntakeDoc>('MaterialIntake', intakeSchema);

/**
 * Messages from one sender in one chat, each within the batch window of the one before: answered by
 * one acknowledgement card. `_id` (the batch id) derives from `<chat>|<sender>#<seq>`, so two
 * messages racing to open the next batch insert the same id and one of them wins.
 */
export interface MaterialBatchDoc {
  _id: string;
  chatId: string;
  sender: string;
  activityId?: string;
  source: MaterialSource;
  seq: number;
  /** Intake rows that joined (a row's own `batchId` is the authority). */
  rowIds: string[];
  /** When the latest row joined: the batch closes a window after it. */
  lastAt: Date;
  createdAt: Date;
  ackedAt?: Date;
  /** Rows the acknowledgement covered; rows finishing later get a card of their own. */
  ackedRowIds?: string[];
}

const batchSchema = new Schema<MaterialBatchDoc>(
  {
    _id: { type: String, required: true },
    chatId: { type: String, required: true },
    sender: { type: String, required: true },
    activityId: String,
    source: { type: String, required: true },
    seq: { type: Number, required: true },
    rowIds: { type: [String], default: [] },
    lastAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
    ackedAt: Date,
    ackedRowIds: { type: [String], default: undefined },
  },
  { collection: 'material_batches', versionKey: false },
);

export const materialBatchModel = (conn: Connection): Model<MaterialBatchDoc> =>
  (conn.models.MaterialBatch as Model<MaterialBatchDoc> | undefined) ??
  conn.model<MaterialBatchDoc>('MaterialBatch', batchSchema);

/** The latest batch number of a sender in a chat (`_id` = `<chat>|<sender>`). */
export interface MaterialBatchHeadDoc {
  _id: string;
  seq: number;
}

const headSchema = new Schema<MaterialBatchHeadDoc>(
  {
    _id: { type: String, required: true },
    seq: { type: Number, required: true },
  },
  { collection: 'material_batch_heads', versionKey: false },
);

export const materialBatchHeadModel = (conn: Connection): Model<MaterialBatchHeadDoc> =>
  (conn.models.MaterialBatchHead as Model<MaterialBatchHeadDoc> | undefined) ??
  conn.model<MaterialBatchHeadDoc>('MaterialBatchHead', headSchema);

/** Which acknowledgement task answers a batch (`_id` = batch id; a unique insert decides). */
export interface MaterialBatchAckDoc {
  _id: string;
  rowId: string;
  at: Date;
}

const ackSchema = new Schema<MaterialBatchAckDoc>(
  {
    _id: { type: String, required: true },
    rowId: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'material_batch_acks', versionKey: false },
);

export const materialBatchAckModel = (conn: Connection): Model<MaterialBatchAckDoc> =>
  (conn.models.MaterialBatchAck as Model<MaterialBatchAckDoc> | undefined) ??
  conn.model<MaterialBatchAckDoc>('MaterialBatchAck', ackSchema);
