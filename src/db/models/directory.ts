import { Schema, type Connection, type Model } from 'mongoose';

/** An organizing unit (部门); `_id` is its code, also used in archive numbers. */
export interface UnitDoc {
  _id: string;
  name: string;
  leaderInCharge?: string;
  /** Who set the leader: the directory file (kept by a sync) or the Feishu department head. */
  leaderSource?: 'file' | 'head';
  /** The Feishu department (open_department_id) the unit mirrors, once a sync linked it. */
  departmentId?: string;
  contacts: string[];
  active: boolean;
  updatedAt: Date;
}

/** A person known by open_id, with a display name and unit. */
export interface PersonDoc {
  _id: string;
  name?: string;
  unit?: string;
  /** `false` once a sync no longer finds the person in Feishu's contacts (left the college). */
  active?: boolean;
  updatedAt: Date;
}

/** The one document of college-wide roles. */
export interface DirectorySettingsDoc {
  _id: 'directory';
  archivists: string[];
  publicity: string[];
  admins: string[];
  archiveChatId?: string;
  /** One more on every import: caches in other processes compare it to know they are stale. */
  revision?: number;
  /** When a sync from Feishu's contacts was last applied. */
  lastSyncAt?: Date;
  updatedAt: Date;
}

const unitSchema = new Schema<UnitDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    leaderInCharge: String,
    leaderSource: String,
    departmentId: String,
    contacts: { type: [String], default: [] },
    active: { type: Boolean, default: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'units', versionKey: false },
);
unitSchema.index({ leaderInCharge: 1 });

const personSchema = new Schema<PersonDoc>(
  {
    _id: { type: String, required: true },
    name: String,
    unit: String,
    active: Boolean,
    updatedAt: { type: Date, required: true },
  },
  { collection: 'people', versionKey: false },
);

const settingsSchema = new Schema<DirectorySettingsDoc>(
  {
    _id: { type: String, required: true },
    archivists: { type: [String], default: [] },
    publicity: { type: [String], default: [] },
    admins: { type: [String], default: [] },
    archiveChatId: String,
    revision: Number,
    lastSyncAt: Date,
    updatedAt: { type: Date, required: true },
  },
  { collection: 'directory_settings', versionKey: false },
);

export const unitModel = (conn: Connection): Model<UnitDoc> =>
  (conn.models.Unit as Model<UnitDoc> | undefined) ?? conn.model<UnitDoc>('Unit', unitSchema);
export const personModel = (conn: Connection): Model<PersonDoc> =>
  (conn.models.Person as Model<PersonDoc> | undefined) ??
  conn.model<PersonDoc>('Person', personSchema);
export const directorySettingsModel = (conn: Connection): Model<DirectorySettingsDoc> =>
  (conn.models.DirectorySettings as Model<DirectorySettingsDoc> | undefined) ??
  conn.model<DirectorySettingsDoc>('DirectorySettings', settingsSchema);

/**
 * A proposed sync from Feishu's contacts, kept until an admin applies or drops it. Read by `_id` only.
 * `baseRevision` is the directory revision it was computed against: applying it after another import
 * is refused (it would undo that import).
 */
export interface DirectorySyncPlanDoc {
  _id: string;
  status: 'proposed' | 'applying' | 'applied' | 'discarded';
  requestedBy: string;
  baseRevision: number;
  /** domain/directory-sync.ts SyncChanges, stored as computed. */
  changes: Record<string, unknown>;
  /** Display names of the people the changes mention (open_id → name). */
  names?: Record<string, string>;
  createdAt: Date;
  decidedBy?: string;
  decidedAt?: Date;
}

const syncPlanSchema = new Schema<DirectorySyncPlanDoc>(
  {
    _id: { type: String, required: true },
    status: { type: String, required: true },
    requestedBy: { type: String, required: true },
    baseRevision: { type: Number, required: true },
    changes: { type: Schema.Types.Mixed, required: true },
    names: { type: Schema.Types.Mixed },
    createdAt: { type: Date, required: true },
    decidedBy: String,
    decidedAt: Date,
  },
  { collection: 'directory_sync_plans', versionKey: false, minimize: false },
);

export const directorySyncPlanModel = (conn: Connection): Model<DirectorySyncPlanDoc> =>
  (conn.models.DirectorySyncPlan as Model<DirectorySyncPlanDoc> | undefined) ??
  conn.model<DirectorySyncPlanDoc>('DirectorySyncPlan', syncPlanSchema);
