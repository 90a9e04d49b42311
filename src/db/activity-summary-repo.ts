import type { Connection, FilterQuery, Model, SortOrder } from 'mongoose';
import type { ActivityState } from '../domain/activity-lifecycle';
import { halfOfYear } from '../domain/half-year';
import { ActivityRepo } from './activity-repo';
import { ExtensionRepo } from './extension-repo';
import { activityModel, type ActivityDoc } from './models/activity';
import { materialModel, type MaterialDoc } from './models/material';
import {
  activitySummaryModel,
  summaryDirtyModel,
  type ActivitySummaryDoc,
  type SummaryDirtyDoc,
} from './models/activity-summary';

/** Columns the console's table sorts by, and the summary field behind each. */
export const SUMMARY_SORTS = {
  code: 'code',
  title: 'title',
  category: 'category',
  unit: 'unit',
  start: 'startAt',
  end: 'endAt',
  state: 'state',
  deadline: 'effectiveDeadline',
  materials: 'materials',
  undescribed: 'undescribed',
  extension: 'extensionPending',
} as const satisfies Record<string, keyof ActivitySummaryDoc>;
export type SummarySort = keyof typeof SUMMARY_SORTS;

/** Which rows: everything, or the units one leads plus one's own activities (policies decide). */
export type SummaryScope = { all: true } | { all: false; units: string[]; person: string };

export interface SummaryQuery {
  scope: SummaryScope;
  state?: ActivityState;
  unit?: string;
  category?: number;
  year?: number;
  half?: 1 | 2;
  /** Past the effective deadline and neither accepted nor cancelled, at this instant. */
  overdueAt?: Date;
  extensionPending?: boolean;
  /** Case-insensitive search in title or code. */
  q?: string;
  sort?: SummarySort;
  dir?: 1 | -1;
}

const CLOSED: ActivityState[] = ['accepted', 'cancelled'];
/** Refreshes done by one read at most; more wait for the next read (or the daily repair). */
const REFRESH_PER_READ = 25;
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The activities table's rows (`activity_summaries`). A change to an activity, its materials or its
 * extensions marks it dirty (one `_id` write); reads recompute dirty rows first, so a page shows what
 * just happened. `rebuildAll` (daily, and after imports) recomputes every row.
 */
export class ActivitySummaryRepo {
  private readonly summaries: Model<ActivitySummaryDoc>;
  private readonly dirty: Model<SummaryDirtyDoc>;
  private readonly activities: Model<ActivityDoc>;
  private readonly materials: Model<MaterialDoc>;

  constructor(
    private readonly conn: Connection,
    private readonly tz: string,
  ) {
    this.summaries = activitySummaryModel(conn);
    this.dirty = summaryDirtyModel(conn);
    this.activities = activityModel(conn);
    this.materials = materialModel(conn);
  }

  /** Recomputes one row from the activity, its materials and its latest extension request. */
  async refresh(activityId: string, now: Date): Promise<ActivitySummaryDoc | null> {
    const activity = await this.activities.findById(activityId).lean<ActivityDoc>();
    if (!activity) {
      await this.summaries.deleteOne({ _id: activityId });
      return null;
    }
    const row = await this.compute(activity, now);
    await this.summaries.replaceOne({ _id: activityId }, row, { upsert: true });
    return row;
  }

  private async compute(a: ActivityDoc, now: Date): Promise<ActivitySummaryDoc> {
    const activities = new ActivityRepo(this.conn);
    const [counts, latest] = await Promise.all([
      activities.countMaterials(a._id),
      new ExtensionRepo(this.conn).latestFor(a._id),
    ]);
    const materials = Object.values(counts.byKind).reduce((sum, n) => sum + n, 0);
    return {
      _id: a._id,
      code: a.code,
      title: a.title,
      category: a.category,
      unit: a.unit,
      year: a.year,
      half: halfOfYear(a.startAt, this.tz),
      startAt: a.startAt,
      endAt: a.endAt,
      state: a.state,
      deadline: a.deadline,
      effectiveDeadline: a.effectiveDeadline,
      ...(a.extendedDeadline ? { extendedDeadline: a.extendedDeadline } : {}),
      extensionPending: latest?.status === 'pending',
      materials,
      undescribed: counts.undescribed,
      contact: a.contact,
      registrant: a.registrant,
      createdAt: a.createdAt,
      refreshedAt: now,
    };
  }

  /** Recomputes rows marked dirty (a bounded number per call); a mark written meanwhile stays. */
  async refreshDirty(now: Date): Promise<number> {
    const marks = await this.dirty.find().limit(REFRESH_PER_READ).lean<SummaryDirtyDoc[]>();
    const done = new Set<string>();
    for (const mark of marks) {
      const activityId = mark._id.startsWith('m:')
        ? (await this.materials.findById(mark._id.slice(2)).select({ activityId: 1 }).lean())
            ?.activityId
        : mark._id.slice(2);
      if (activityId && !done.has(activityId)) {
        await this.refresh(activityId, now);
        done.add(activityId);
      }
      await this.dirty.deleteOne({ _id: mark._id, at: mark.at });
    }
    return marks.length;
  }

  /** Recomputes every row (daily repair, playground and benchmark setup). Scans: not for pages. */
  async rebuildAll(now: Date, onProgress?: (done: number) => void): Promise<number> {
    let done = 0;
    const cursor = this.activities.find().sort({ _id: 1 }).lean<ActivityDoc>().cursor();
    let batch: ActivitySummaryDoc[] = [];
    const flush = async () => {
      // FerretDB never answers a write command of 100+ statements: 50 at a time.
      if (batch.length === 0) return;
      await this.summaries.bulkWrite(
        batch.map((row) => ({
          replaceOne: { filter: { _id: row._id }, replacement: row, upsert: true },
        })),
        { ordered: false },
      );
      done += batch.length;
      batch = [];
      onProgress?.(done);
    };
    for await (const a of cursor) {
      batch.push(await this.compute(a, now));
      if (batch.length === 50) await flush();
    }
    await flush();
    await this.dirty.deleteMany({ at: { $lte: now } });
    return done;
  }

  private filterOf(q: SummaryQuery): FilterQuery<ActivitySummaryDoc> {
    const and: FilterQuery<ActivitySummaryDoc>[] = [];
    if (!q.scope.all) {
      const mine: FilterQuery<ActivitySummaryDoc>[] = [
        { contact: q.scope.person },
        { registrant: q.scope.person },
      ];
      if (q.scope.units.length) mine.push({ unit: { $in: q.scope.units } });
      and.push({ $or: mine });
    }
    if (q.state) and.push({ state: q.state });
    if (q.unit) and.push({ unit: q.unit });
    if (q.category) and.push({ category: q.category });
    if (q.year) and.push({ year: q.year });
    if (q.half) and.push({ half: q.half });
    if (q.overdueAt) and.push({ effectiveDeadline: { $lt: q.overdueAt }, state: { $nin: CLOSED } });
    if (q.extensionPending) and.push({ extensionPending: true });
    if (q.q) {
      const re = new RegExp(escapeRegex(q.q), 'i');
      and.push({ $or: [{ title: re }, { code: re }] });
    }
    return and.length === 0 ? {} : and.length === 1 ? and[0]! : { $and: and };
  }

  /** One page of rows and the total, after refreshing what changed since the last read. */
  async page(
    q: SummaryQuery,
    page: number,
    pageSize: number,
    now: Date,
  ): Promise<{ rows: ActivitySummaryDoc[]; total: number }> {
    await this.refreshDirty(now);
    const filter = this.filterOf(q);
    const field = SUMMARY_SORTS[q.sort ?? 'deadline'];
    const dir: SortOrder = q.dir ?? (q.sort ? 1 : -1);
    const sort: Record<string, SortOrder> = { [field]: dir, _id: 1 };
    const [rows, total] = await Promise.all([
      this.summaries
        .find(filter)
        .sort(sort)
        .skip((page - 1) * pageSize)
        .limit(pageSize)
        .lean<ActivitySummaryDoc[]>(),
      this.summaries.countDocuments(filter),
    ]);
    return { rows, total };
  }

  /** Every row matching (the XLSX export and the task list), in the same order as the table. */
  async all(q: SummaryQuery, now: Date, limit = 20_000): Promise<ActivitySummaryDoc[]> {
    await this.refreshDirty(now);
    const field = SUMMARY_SORTS[q.sort ?? 'deadline'];
    const dir: SortOrder = q.dir ?? (q.sort ? 1 : -1);
    return this.summaries
      .find(this.filterOf(q))
      .sort({ [field]: dir, _id: 1 })
      .limit(limit)
      .lean<ActivitySummaryDoc[]>();
  }

  /** Does this person organize or handle any activity? (Sign-in, and the 403 for people with none.) */
  async hasOwn(person: string, now: Date): Promise<boolean> {
    await this.refreshDirty(now);
    const one = await this.summaries
      .findOne({ $or: [{ contact: person }, { registrant: person }] })
      .select({ _id: 1 })
      .lean();
    return one !== null;
  }

  /** Years that have activities (the filter's choices). */
  async years(): Promise<number[]> {
    const years = await this.summaries.distinct('year');
    return years.sort((a, b) => b - a);
  }
}
