import { Schema, type Connection, type Model } from 'mongoose';
import type { ActivityState } from '../../domain/activity-lifecycle';
import type { CategoryCode } from '../../domain/categories';

/**
 * One compact row per activity: what the console's activities table shows, filters and sorts on, so a
 * table page decodes one small document per activity instead of activities, materials and extension
 * requests. `_id` is the activity's id. Kept by the repositories (ActivitySummaryRepo.refresh after a
 * change; a daily pass repairs any miss).
 */
export interface ActivitySummaryDoc {
  _id: string;
  code: string;
  title: string;
  category: CategoryCode;
  unit: string;
  year: number;
  /** 1 = January–June, 2 = July–December of the start date (business time zone): the 任务清单 period. */
  half: 1 | 2;
  startAt: Date;
  endAt: Date;
  state: ActivityState;
  deadline: Date;
  effectiveDeadline: Date;
  extendedDeadline?: Date;
  extensionPending: boolean;
  /** Stored items (not removed, not attached to another item) and how many lack a description. */
  materials: number;
  undescribed: number;
  contact: string;
  registrant: string;
  createdAt: Date;
  refreshedAt: Date;
}

const schema = new Schema<ActivitySummaryDoc>(
  {
    _id: { type: String, required: true },
    code: { type: String, required: true },
    title: { type: String, required: true },
    category: { type: Number, required: true },
    unit: { type: String, required: true },
    year: { type: Number, required: true },
    half: { type: Number, required: true },
    startAt: { type: Date, required: true },
    endAt: { type: Date, required: true },
    state: { type: String, required: true },
    deadline: { type: Date, required: true },
    effectiveDeadline: { type: Date, required: true },
    extendedDeadline: Date,
    extensionPending: { type: Boolean, required: true },
    materials: { type: Number, required: true },
    undescribed: { type: Number, required: true },
    contact: { type: String, required: true },
    registrant: { type: String, required: true },
    createdAt: { type: Date, required: true },
    refreshedAt: { type: Date, required: true },
  },
  { collection: 'activity_summaries', versionKey: false },
);
// MongoDB uses these; FerretDB 1.24 reads the (compact) collection whole, which the table is sized for.
schema.index({ year: 1, half: 1 });
schema.index({ unit: 1, year: 1 });
schema.index({ state: 1, effectiveDeadline: 1 });

export const activitySummaryModel = (conn: Connection): Model<ActivitySummaryDoc> =>
  (conn.models.ActivitySummary as Model<ActivitySummaryDoc> | undefined) ??
  conn.model<ActivitySummaryDoc>('ActivitySummary', schema);

/** Activities whose summary must be recomputed: written by every change, consumed by the next read. */
export interface SummaryDirtyDoc {
  _id: string;
  at: Date;
}

const dirtySchema = new Schema<SummaryDirtyDoc>(
  { _id: { type: String, required: true }, at: { type: Date, required: true } },
  { collection: 'activity_summary_dirty', versionKey: false },
);

export const summaryDirtyModel = (conn: Connection): Model<SummaryDirtyDoc> =>
  (conn.models.SummaryDirty as Model<SummaryDirtyDoc> | undefined) ??
  conn.model<SummaryDirtyDoc>('SummaryDirty', dirtySchema);
