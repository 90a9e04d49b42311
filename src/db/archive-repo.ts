import type { Connection, FilterQuery, Model } from 'mongoose';
import { activityModel, type ActivityDoc } from './models/activity';
import { materialModel, type MaterialDoc } from './models/material';

export interface ArchiveQuery {
  /** Words in the title or code (case-insensitive). */
  q?: string;
  code?: string;
  year?: number;
  unit?: string;
  category?: number;
  /** Activities holding these ids (found by archive number). */
  ids?: string[];
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Queries over accepted archives and the yearly figures of the assessment. */
export class ArchiveRepo {
  private readonly activities: Model<ActivityDoc>;
  private readonly materials: Model<MaterialDoc>;

  constructor(conn: Connection) {
    this.activities = activityModel(conn);
    this.materials = materialModel(conn);
  }

  /** Accepted activities matching every given filter, newest first (at most `limit`). */
  async searchAccepted(query: ArchiveQuery, limit: number): Promise<ActivityDoc[]> {
    const filter: FilterQuery<ActivityDoc> = { state: 'accepted' };
    if (query.code) filter.code = query.code;
    if (query.year) filter.year = query.year;
    if (query.unit) filter.unit = query.unit;
    if (query.category) filter.category = query.category;
    if (query.ids) filter._id = { $in: query.ids };
    if (query.q) {
      const re = new RegExp(escapeRegex(query.q), 'i');
      filter.$or = [{ title: re }, { code: re }];
    }
    return this.activities
      .find(filter)
      .sort({ createdAt: -1, _id: 1 })
      .limit(limit)
      .lean<ActivityDoc[]>();
  }

  /** The activity holding an item with this archive number. */
  async activityIdByArchiveNo(archiveNo: string): Promise<string | undefined> {
    const m = await this.materials
      .findOne({ archiveNo }, { activityId: 1 })
      .lean<Pick<MaterialDoc, 'activityId'>>();
    return m?.activityId;
  }

  /** Every activity of a year (the assessment's period), any state. */
  async activitiesOfYear(year: number): Promise<ActivityDoc[]> {
    return this.activities.find({ year }).sort({ code: 1 }).lean<ActivityDoc[]>();
  }

  /** Live items and described items per activity. */
  async descriptionCounts(
    activityIds: string[],
  ): Promise<Map<string, { items: number; described: number }>> {
    const out = new Map<string, { items: number; described: number }>();
    if (activityIds.length === 0) return out;
    const live = {
      activityId: { $in: activityIds },
      removedAt: { $exists: false },
      attachedTo: { $exists: false },
    };
    const count = (match: Record<string, unknown>) =>
      this.materials.collection
        .aggregate<{
          _id: string;
          n: number;
        }>([{ $match: match }, { $group: { _id: '$activityId', n: { $sum: 1 } } }])
        .toArray();
    const [items, described] = await Promise.all([
      count(live),
      count({ ...live, described: true }),
    ]);
    for (const g of items) out.set(g._id, { items: g.n, described: 0 });
    for (const g of described) {
      const entry = out.get(g._id);
      if (entry) entry.described = g.n;
    }
    return out;
  }

  /** Live attachments (photos of physical items, captured copies of links) of an activity. */
  async attachments(activityId: string): Promise<MaterialDoc[]> {
    return this.materials
      .find({ activityId, removedAt: { $exists: false }, attachedTo: { $exists: true } })
      .lean<MaterialDoc[]>();
  }

  /** Live items of an activity with an archive number, in archive-number order. */
  async numberedMaterials(activityId: string): Promise<MaterialDoc[]> {
    const docs = await this.materials
      .find({ activityId, removedAt: { $exists: false }, archiveNo: { $exists: true } })
      .lean<MaterialDoc[]>();
    return docs.sort((a, b) => (a.archiveNo! < b.archiveNo! ? -1 : 1));
  }
}
