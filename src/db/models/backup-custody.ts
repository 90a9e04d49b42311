import { Schema, type Connection, type Model } from 'mongoose';
import type { Priority } from '../../domain/backup-rules';

/** How a model function is built: reuse the connection's model when it is already compiled. */
function modelOf<T>(conn: Connection, name: string, schema: Schema<T>): Model<T> {
  return (conn.models[name] as Model<T> | undefined) ?? conn.model<T>(name, schema);
}

/*
 * Custody around the bags (second part of the backup models): sealed-copy approvals and the access
 * log (第九条), keeper hand-overs (第十条), off-site deliveries (第五条–第七条), activity priorities.
 */

export type SealedPurpose = 'verify' | 'restore' | 'repair' | 'offsite' | 'drill';

/** Permission to read a sealed copy (第九条): who approved, why, for what, until when. */
export interface SealedApprovalDoc {
  _id: string;
  targetId: string;
  /** One bag, or every bag of the target when absent. */
  bagId?: string;
  purposes: SealedPurpose[];
  approvedBy: string;
  reason: string;
  at: Date;
  until?: Date;
  recordedBy: string;
}

const approvalSchema = new Schema<SealedApprovalDoc>(
  {
    _id: { type: String, required: true },
    targetId: { type: String, required: true },
    bagId: String,
    purposes: { type: [String], required: true },
    approvedBy: { type: String, required: true },
    reason: { type: String, required: true },
    at: { type: Date, required: true },
    until: Date,
    recordedBy: { type: String, required: true },
  },
  { collection: 'backup_approvals', versionKey: false },
);
approvalSchema.index({ targetId: 1, at: -1 });

export const sealedApprovalModel = (conn: Connection) =>
  modelOf<SealedApprovalDoc>(conn, 'SealedApproval', approvalSchema);

/** Every attempt to read a sealed copy, allowed or refused. */
export interface SealedAccessDoc {
  _id: string;
  at: Date;
  targetId: string;
  bagId: string;
  purpose: SealedPurpose;
  actor: string;
  allowed: boolean;
  approvalId?: string;
}

const accessSchema = new Schema<SealedAccessDoc>(
  {
    _id: { type: String, required: true },
    at: { type: Date, required: true },
    targetId: { type: String, required: true },
    bagId: { type: String, required: true },
    purpose: { type: String, required: true },
    actor: { type: String, required: true },
    allowed: { type: Boolean, required: true },
    approvalId: String,
  },
  { collection: 'backup_access_log', versionKey: false },
);
accessSchema.index({ at: -1 });

export const sealedAccessModel = (conn: Connection) =>
  modelOf<SealedAccessDoc>(conn, 'SealedAccess', accessSchema);

/** A keeper hand-over (第十条): both names, the target (or `*`: the register itself), when. */
export interface KeeperHandoverDoc {
  _id: string;
  targetId: string;
  from: string;
  to: string;
  at: Date;
  recordedBy: string;
  note?: string;
}

const keeperSchema = new Schema<KeeperHandoverDoc>(
  {
    _id: { type: String, required: true },
    targetId: { type: String, required: true },
    from: { type: String, required: true },
    to: { type: String, required: true },
    at: { type: Date, required: true },
    recordedBy: { type: String, required: true },
    note: String,
  },
  { collection: 'backup_keepers', versionKey: false },
);

export const keeperHandoverModel = (conn: Connection) =>
  modelOf<KeeperHandoverDoc>(conn, 'KeeperHandover', keeperSchema);

/** A yearly off-site delivery (第五条–第七条) and its way: prepared, departed, arrived, checked. */
export interface OffsiteDeliveryDoc {
  _id: string;
  year: number;
  targetId: string;
  bagIds: string[];
  mediaId: string;
  listFile: string;
  createdAt: Date;
  createdBy: string;
  departedAt?: Date;
  departedBy?: string;
  arrivedAt?: Date;
  arrivedBy?: string;
  checkedAt?: Date;
  checkedBy?: string;
  checkOk?: boolean;
  checkNote?: string;
  agreementNo?: string;
}

const deliverySchema = new Schema<OffsiteDeliveryDoc>(
  {
    _id: { type: String, required: true },
    year: { type: Number, required: true },
    targetId: { type: String, required: true },
    bagIds: { type: [String], required: true },
    mediaId: { type: String, required: true },
    listFile: { type: String, required: true },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    departedAt: Date,
    departedBy: String,
    arrivedAt: Date,
    arrivedBy: String,
    checkedAt: Date,
    checkedBy: String,
    checkOk: Boolean,
    checkNote: String,
    agreementNo: String,
  },
  { collection: 'backup_deliveries', versionKey: false },
);

export const offsiteDeliveryModel = (conn: Connection) =>
  modelOf<OffsiteDeliveryDoc>(conn, 'OffsiteDelivery', deliverySchema);

/** An activity's backup priority (items carry theirs on the material itself). */
export interface ActivityPriorityDoc {
  _id: string;
  priority: Priority;
  by: string;
  at: Date;
  reason?: string;
}

const prioritySchema = new Schema<ActivityPriorityDoc>(
  {
    _id: { type: String, required: true },
    priority: { type: String, required: true },
    by: { type: String, required: true },
    at: { type: Date, required: true },
    reason: String,
  },
  { collection: 'backup_priorities', versionKey: false },
);

export const activityPriorityModel = (conn: Connection) =>
  modelOf<ActivityPriorityDoc>(conn, 'ActivityPriority', prioritySchema);

/** The custody models, for indexes.ts (through backupModels). */
export const backupCustodyModels = (conn: Connection) => [
  sealedApprovalModel(conn),
  sealedAccessModel(conn),
  keeperHandoverModel(conn),
  offsiteDeliveryModel(conn),
  activityPriorityModel(conn),
];
