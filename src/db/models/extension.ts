import { Schema, type Connection, type Model } from 'mongoose';
import type { ExtensionStatus } from '../../domain/extension';

/** A decision card sent to someone who may decide (the leader in charge, or each archivist). */
export interface DeciderCardRef {
  openId: string;
  messageId: string;
  sentAt: Date;
}

/**
 * One extension request. `_id` = `ext:<activityId>:<n>` (n = 1, 2, … per activity): a double submit
 * races for the same `_id`, so one request is created. The decision lives in `extension_decisions`
 * (one insert per request wins); `status` here is a copy written after it, for lists and cards.
 */
export interface ExtensionRequestDoc {
  _id: string;
  activityId: string;
  seq: number;
  unit: string;
  requester: string;
  currentDeadline: Date;
  requestedDeadline: Date;
  reason: string;
  status: ExtensionStatus;
  createdAt: Date;
  decidedBy?: string;
  decidedAs?: 'leader' | 'archivist';
  decidedAt?: Date;
  comment?: string;
  cards: DeciderCardRef[];
}

const requestSchema = new Schema<ExtensionRequestDoc>(
  {
    _id: { type: String, required: true },
    activityId: { type: String, required: true },
    seq: { type: Number, required: true },
    unit: { type: String, required: true },
    requester: { type: String, required: true },
    currentDeadline: { type: Date, required: true },
    requestedDeadline: { type: Date, required: true },
    reason: { type: String, required: true },
    status: { type: String, required: true },
    createdAt: { type: Date, required: true },
    decidedBy: String,
    decidedAs: String,
    decidedAt: Date,
    comment: String,
    cards: { type: Schema.Types.Mixed, default: [] },
  },
  { collection: 'extension_requests', versionKey: false, minimize: false },
);
requestSchema.index({ activityId: 1, seq: -1 });
requestSchema.index({ status: 1, createdAt: 1 });

export const extensionRequestModel = (conn: Connection): Model<ExtensionRequestDoc> =>
  (conn.models.ExtensionRequest as Model<ExtensionRequestDoc> | undefined) ??
  conn.model<ExtensionRequestDoc>('ExtensionRequest', requestSchema);

/** The one decision on a request: `_id` is the request's id, so a second insert loses. */
export interface ExtensionDecisionDoc {
  _id: string;
  activityId: string;
  status: Exclude<ExtensionStatus, 'pending'>;
  decidedBy: string;
  decidedAs: 'leader' | 'archivist';
  decidedAt: Date;
  comment?: string;
}

const decisionSchema = new Schema<ExtensionDecisionDoc>(
  {
    _id: { type: String, required: true },
    activityId: { type: String, required: true },
    status: { type: String, required: true },
    decidedBy: { type: String, required: true },
    decidedAs: { type: String, required: true },
    decidedAt: { type: Date, required: true },
    comment: String,
  },
  { collection: 'extension_decisions', versionKey: false },
);

export const extensionDecisionModel = (conn: Connection): Model<ExtensionDecisionDoc> =>
  (conn.models.ExtensionDecision as Model<ExtensionDecisionDoc> | undefined) ??
  conn.model<ExtensionDecisionDoc>('ExtensionDecision', decisionSchema);
