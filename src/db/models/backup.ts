import { Schema, type Connection, type Model } from 'mongoose';
import type { BagKind, CopyRole, Priority } from '../../domain/backup-rules';
import { backupCustodyModels } from './backup-custody';

export * from './backup-custody';

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
  backupRunModel(conn),
  backupCounterModel(conn),
  ...backupCustodyModels(conn),
];
