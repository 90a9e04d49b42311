import { Schema, type Connection, type Model } from 'mongoose';

/** An organizing unit (部门); `_id` is its code, also used in archive numbers. */
export interface UnitDoc {
  _id: string;
  name: string;
  leaderInCharge?: string;
  contacts: string[];
  active: boolean;
  updatedAt: Date;
}

/** A person known by open_id, with a display name and unit. */
export interface PersonDoc {
  _id: string;
  name?: string;
  unit?: string;
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
  updatedAt: Date;
}

const unitSchema = new Schema<UnitDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    leaderInCharge: String,
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
