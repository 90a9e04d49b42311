import { Schema, type Connection, type Model } from 'mongoose';

/**
 * What a card the bot sent is about, keyed by the card's message id, so a reply to it (message
 * `parent_id`) finds its batch or item: `字段：值` text describes, an image or PDF attaches a photo or
 * capture, a new file replaces a removed item.
 *
 * - `batch`: a batch's acknowledgement or description form (`batchId`).
 * - `filing`: a publicity batch's filing card (`batchId`); filing updates every one of them.
 * - `item`: one item (`materialId`): the description of a single item.
 * - `physical` / `link`: the registration card of a physical item or link (`materialId`, known before
 *   the form is submitted).
 * - `removed`: the confirmation of a removal; a file sent in reply replaces the item (`materialId`).
 */
export interface MaterialCardDoc {
  _id: string;
  kind: 'batch' | 'filing' | 'item' | 'physical' | 'link' | 'removed';
  activityId?: string;
  batchId?: string;
  materialId?: string;
  at: Date;
}

const cardSchema = new Schema<MaterialCardDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    activityId: String,
    batchId: String,
    materialId: String,
    at: { type: Date, required: true },
  },
  { collection: 'material_cards', versionKey: false },
);
cardSchema.index({ batchId: 1 });

export const materialCardModel = (conn: Connection): Model<MaterialCardDoc> =>
  (conn.models.MaterialCard as Model<MaterialCardDoc> | undefined) ??
  conn.model<MaterialCardDoc>('MaterialCard', cardSchema);

/**
 * One decision per publicity batch: which activity it is filed to. The unique `_id` (= batchId)
 * makes two people filing at once resolve to one winner.
 */
export interface PublicityFilingDoc {
  _id: string;
  activityId: string;
  by: string;
  at: Date;
}

const filingSchema = new Schema<PublicityFilingDoc>(
  {
    _id: { type: String, required: true },
    activityId: { type: String, required: true },
    by: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'publicity_filings', versionKey: false },
);

export const publicityFilingModel = (conn: Connection): Model<PublicityFilingDoc> =>
  (conn.models.PublicityFiling as Model<PublicityFilingDoc> | undefined) ??
  conn.model<PublicityFilingDoc>('PublicityFiling', filingSchema);

/** Send-once marks of the publicity reminder job: `_id` = `<batchId>`. */
export interface PublicityReminderDoc {
  _id: string;
  at: Date;
}

const reminderSchema = new Schema<PublicityReminderDoc>(
  { _id: { type: String, required: true }, at: { type: Date, required: true } },
  { collection: 'publicity_reminders', versionKey: false },
);

export const publicityReminderModel = (conn: Connection): Model<PublicityReminderDoc> =>
  (conn.models.PublicityReminder as Model<PublicityReminderDoc> | undefined) ??
  conn.model<PublicityReminderDoc>('PublicityReminder', reminderSchema);
