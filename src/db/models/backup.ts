import { Schema, type Connection, type Model } from 'mongoose';
import type { BagKind, CopyRole, Priority } from '../../domain/backup-rules';

/** How a model function is built: reuse the connection's model when it is already compiled. */
function modelOf<T>(conn: Connection, name: string, schema: Schema<T>): Model<T> {
  return (conn.models[name] as Model<T> | undefined) ?? conn.model<T>(name, schema);
}

const mixed = Schema.Types.Mixed;

/**
 * One registered bag (备份登记表, 第七条/第八条): written, renamed into place, then registered. `_id`
 * is the bag id, which is also its folder name under the target path.
 */
export interface BackupEntryDoc {
  _id: string;
  kind: BagKind;
  targetId: string;
  targetName: string;
  media: string;
  site: 'on-site' | 'off-site';
  place: string;
  role: CopyRole;
  online: boolean;
  /** The bag folder (absolute). */
  path: string;
  /** Payload files (item files + catalogue) and their octets, as in Payload-Oxum. */
  files: number;
  bytes: number;
  /** Item files copied into this bag, and items whose identical bytes were already in an earlier bag. */
  copied: number;
  referenced: number;
  records: Record<string, number>;
  /** SHA-256 of tagmanifest-sha256.txt: names the exact bag on the register and delivery lists. */
  tagDigest: string;
  /** Earlier bags of the same target whose files this one references by hash. */
  references: string[];
  createdAt: Date;
  durationMs: number;
  keeper: string;
  confirmedAt?: Date;
  confirmedBy?: string;
  /** When the keeper's confirmation card went out (the pending list shows unconfirmed entries). */
  cardSentAt?: Date;
  seal?: { number: string; date: Date; sealer: string };
  /** An extra copy limited to these priorities. */
  priorities?: Priority[];
  /** Off-site yearly package: the year and the media label. */
  year?: number;
  mediaId?: string;
  lastFixity?: { at: Date; ok: boolean; summary: string };
  /** Real-time bags: items created up to this time were due and are covered. */
  cutoff?: Date;
  /** Items whose stored bytes did not match their SHA-256 and were left out. */
  damaged?: string[];
}

const entrySchema = new Schema<BackupEntryDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    targetId: { type: String, required: true },
    targetName: { type: String, required: true },
    media: { type: String, required: true },
    site: { type: String, required: true },
    place: { type: String, required: true },
    role: { type: String, required: true },
    online: { type: Boolean, required: true },
    path: { type: String, required: true },
    files: { type: Number, required: true },
    bytes: { type: Number, required: true },
    copied: { type: Number, required: true },
    referenced: { type: Number, required: true },
    records: { type: mixed, default: {} },
    tagDigest: { type: String, required: true },
    references: { type: [String], default: [] },
    createdAt: { type: Date, required: true },
    durationMs: { type: Number, required: true },
    keeper: { type: String, required: true },
    confirmedAt: Date,
    confirmedBy: String,
    cardSentAt: Date,
    seal: mixed,
    priorities: { type: [String], default: undefined },
    year: Number,
    mediaId: String,
    lastFixity: mixed,
    cutoff: Date,
    damaged: { type: [String], default: undefined },
  },
  { collection: 'backup_entries', versionKey: false, minimize: false },
);
entrySchema.index({ targetId: 1, createdAt: -1 });
entrySchema.index({ createdAt: -1 });

export const backupEntryModel = (conn: Connection) =>
  modelOf<BackupEntryDoc>(conn, 'BackupEntry', entrySchema);

/**
 * Content a target already holds: `_id` = `<targetId>|<sha256>` → the bag and path holding it. An
 * incremental bag references these instead of copying the bytes again; repair finds good copies here.
 */
export interface BackupFileDoc {
  _id: string;
  targetId: string;
  sha256: string;
  bagId: string;
  path: string;
  size: number;
  at: Date;
}

const fileSchema = new Schema<BackupFileDoc>(
  {
    _id: { type: String, required: true },
    targetId: { type: String, required: true },
    sha256: { type: String, required: true },
    bagId: { type: String, required: true },
    path: { type: String, required: true },
    size: { type: Number, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'backup_files', versionKey: false },
);
fileSchema.index({ targetId: 1 });
fileSchema.index({ sha256: 1 });

export const backupFileModel = (conn: Connection) =>
  modelOf<BackupFileDoc>(conn, 'BackupFile', fileSchema);

/** The keeper's confirmation of an entry: a unique insert by bag id, so it happens once. */
export interface BackupConfirmationDoc {
  _id: string;
  by: string;
  at: Date;
}

const confirmationSchema = new Schema<BackupConfirmationDoc>(
  {
    _id: { type: String, required: true },
    by: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'backup_confirmations', versionKey: false },
);

export const backupConfirmationModel = (conn: Connection) =>
  modelOf<BackupConfirmationDoc>(conn, 'BackupConfirmation', confirmationSchema);

export type BackupEventType =
  | 'fixity'
  | 'store-fixity'
  | 'repair'
  | 'drill'
  | 'restore'
  | 'keeper-handover'
  | 'run-failed';

/**
 * An append-only event on the register (PREMIS-like): a fixity check of a bag or of the live store,
 * a repair, a drill, a restore, a keeper hand-over, a run that failed and left nothing.
 */
export interface BackupEventDoc {
  _id: string;
  type: BackupEventType;
  at: Date;
  ok: boolean;
  summary: string;
  bagId?: string;
  targetId?: string;
  actor: string;
  details?: Record<string, unknown>;
}

const eventSchema = new Schema<BackupEventDoc>(
  {
    _id: { type: String, required: true },
    type: { type: String, required: true },
    at: { type: Date, required: true },
    ok: { type: Boolean, required: true },
    summary: { type: String, required: true },
    bagId: String,
    targetId: String,
    actor: { type: String, required: true },
    details: mixed,
  },
  { collection: 'backup_events', versionKey: false, minimize: false },
);
eventSchema.index({ type: 1, at: -1 });
eventSchema.index({ bagId: 1, at: -1 });

export const backupEventModel = (conn: Connection) =>
  modelOf<BackupEventDoc>(conn, 'BackupEvent', eventSchema);

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

/**
 * A backup run holding (or having held) a scope's lease. Inserting it is the claim; a run then looks
 * for another running one with a fresh heartbeat and steps back if it finds one.
 */
export interface BackupRunDoc {
  _id: string;
  scope: string;
  holder: string;
  startedAt: Date;
  heartbeatAt: Date;
  status: 'running' | 'done' | 'failed' | 'skipped';
  finishedAt?: Date;
}

const runSchema = new Schema<BackupRunDoc>(
  {
    _id: { type: String, required: true },
    scope: { type: String, required: true },
    holder: { type: String, required: true },
    startedAt: { type: Date, required: true },
    heartbeatAt: { type: Date, required: true },
    status: { type: String, required: true },
    finishedAt: Date,
  },
  { collection: 'backup_runs', versionKey: false },
);
runSchema.index({ scope: 1, status: 1 });

export const backupRunModel = (conn: Connection) =>
  modelOf<BackupRunDoc>(conn, 'BackupRun', runSchema);

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

/** Sequences (seal numbers per target and year), advanced only under the backup lease. */
export interface BackupCounterDoc {
  _id: string;
  seq: number;
}

const counterSchema = new Schema<BackupCounterDoc>(
  { _id: { type: String, required: true }, seq: { type: Number, required: true } },
  { collection: 'backup_counters', versionKey: false },
);

export const backupCounterModel = (conn: Connection) =>
  modelOf<BackupCounterDoc>(conn, 'BackupCounter', counterSchema);

/** Every backup model, for indexes.ts. */
export const backupModels = (conn: Connection) => [
  backupEntryModel(conn),
  backupFileModel(conn),
  backupConfirmationModel(conn),
  backupEventModel(conn),
  sealedApprovalModel(conn),
  sealedAccessModel(conn),
  backupRunModel(conn),
  keeperHandoverModel(conn),
  offsiteDeliveryModel(conn),
  activityPriorityModel(conn),
  backupCounterModel(conn),
];
