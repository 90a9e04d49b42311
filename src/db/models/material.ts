import { Schema, type Connection, type Model } from 'mongoose';
import type { MaterialKind } from '../../domain/categories';
import type { Description } from '../../domain/material-description';

/** GridFS bucket holding the original bytes of every stored file (`materials_files.files/chunks`). */
export const MATERIAL_BUCKET = 'materials_files';

/** Where an item came from: the activity's group, a private chat, or the publicity office drop-box. */
export type MaterialSource = 'group' | 'private' | 'publicity' | 'manual';

/**
 * `stored`: bytes in GridFS (or a physical item / link registered). `failed`: download failed or
 * over the platform limit; kept so the organizer sees it. `duplicate` is never stored: a repeat of
 * content already archived for the activity points at the original instead (see material_hashes).
 */
export type MaterialStatus = 'stored' | 'failed';

/** 第七条2: what a description holds (the domain's type; required fields depend on the kind). */
export type MaterialDescription = Description;

/** 实物: a physical item registered by form. */
export interface PhysicalItem {
  name: string;
  type: string;
  quantity: number;
  description: string;
  location: string;
  /** Set by an archivist when the original reaches the archive room. */
  receivedAt?: Date;
  receivedBy?: string;
}

/** A web page or social-media post (press report), registered without fetching it. */
export interface LinkItem {
  url: string;
  title: string;
  source: string;
}

/**
 * One archived item of an activity. `_id` is the idempotency key: `f:<messageId>:<fileKey>` for a
 * resource downloaded from a message (unique on message id + file key), `p:<uuid>` for a physical
 * item, `l:<uuid>` for a link. `activityId` is absent while a publicity batch waits to be filed.
 */
export interface MaterialDoc {
  _id: string;
  activityId?: string;
  kind: MaterialKind;
  status: MaterialStatus;
  source: MaterialSource;
  /** Messages from one sender close together form a batch: one acknowledgement, one description form. */
  batchId?: string;
  /** Intake: the collected message (material_intakes row) that stored it; a retry of that row recognises its own items. */
  intakeId?: string;
  chatId?: string;
  messageId?: string;
  fileKey?: string;
  fileName?: string;
  /** Identified from the bytes, never from the name. */
  mime?: string;
  size?: number;
  sha256?: string;
  /** GridFS file id in MATERIAL_BUCKET. */
  blobId?: string;
  image?: { width: number; height: number };
  /** Capture time from the photo's EXIF, when present (description default). */
  exifTakenAt?: Date;
  /** Quality warnings found on arrival (e.g. below the archival resolution). Keys of i18n texts. */
  warnings: string[];
  /** Why a `failed` item has no bytes. */
  failReason?: string;
  sender: string;
  sentAt: Date;
  createdAt: Date;
  described: boolean;
  description?: MaterialDescription;
  physical?: PhysicalItem;
  link?: LinkItem;
  /** Removed (with reason, audited); the bytes stay until the handover is accepted. */
  removedAt?: Date;
  removedBy?: string;
  removeReason?: string;
  /** The item that replaced this one, when it was replaced. */
  replacedBy?: string;
  /** A photo of a physical item or a captured copy of a link: part of that item (its id), not an item of its own. */
  attachedTo?: string;
  /** Of a physical item or link: the photos / captures attached to it (material ids). */
  attachments?: string[];
  /** Assigned at acceptance (handover): 全宗号-门类代码·年度-保管期限-机构代码-件号. */
  archiveNo?: string;
  itemNo?: number;
  /** Paper originals of a document, marked received by an archivist. */
  originalReceivedAt?: Date;
  /** Backup priority and value assessment (backup issue). */
  priority?: 'precious' | 'damaged' | 'urgent' | 'normal';
  valueDecision?: 'keep' | 'exclude';
  valueReason?: string;
  updatedAt: Date;
}

const schema = new Schema<MaterialDoc>(
  {
    _id: { type: String, required: true },
    activityId: String,
    kind: { type: String, required: true },
    status: { type: String, required: true },
    source: { type: String, required: true },
    batchId: String,
    intakeId: String,
    chatId: String,
    messageId: String,
    fileKey: String,
    fileName: String,
    mime: String,
    size: Number,
    sha256: String,
    blobId: String,
    image: Schema.Types.Mixed,
    exifTakenAt: Date,
    warnings: { type: [String], default: [] },
    failReason: String,
    sender: { type: String, required: true },
    sentAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
    described: { type: Boolean, required: true },
    description: Schema.Types.Mixed,
    physical: Schema.Types.Mixed,
    link: Schema.Types.Mixed,
    removedAt: Date,
    removedBy: String,
    removeReason: String,
    replacedBy: String,
    attachedTo: String,
    attachments: { type: [String], default: undefined },
    archiveNo: String,
    itemNo: Number,
    originalReceivedAt: Date,
    priority: String,
    valueDecision: String,
    valueReason: String,
    updatedAt: { type: Date, required: true },
  },
  { collection: 'materials', versionKey: false, minimize: false },
);
schema.index({ activityId: 1, createdAt: 1 });
schema.index({ batchId: 1 });
schema.index({ sha256: 1 });

export const materialModel = (conn: Connection): Model<MaterialDoc> =>
  (conn.models.Material as Model<MaterialDoc> | undefined) ??
  conn.model<MaterialDoc>('Material', schema);

/**
 * Content already archived for an activity: `_id` = `<activityId>|<sha256>` → the material holding
 * it. A unique insert here decides which copy is kept when the same bytes arrive twice.
 */
export interface MaterialHashDoc {
  _id: string;
  materialId: string;
  at: Date;
}

const hashSchema = new Schema<MaterialHashDoc>(
  {
    _id: { type: String, required: true },
    materialId: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'material_hashes', versionKey: false },
);

export const materialHashModel = (conn: Connection): Model<MaterialHashDoc> =>
  (conn.models.MaterialHash as Model<MaterialHashDoc> | undefined) ??
  conn.model<MaterialHashDoc>('MaterialHash', hashSchema);
