import type { Connection, FilterQuery, Model } from 'mongoose';
import { activityModel, type ActivityDoc } from './models/activity';
import {
  materialHashModel,
  materialModel,
  type MaterialDescription,
  type MaterialDoc,
  type MaterialHashDoc,
} from './models/material';
import {
  materialCardModel,
  publicityFilingModel,
  publicityReminderModel,
  type MaterialCardDoc,
  type PublicityFilingDoc,
  type PublicityReminderDoc,
} from './models/material-card';
import { markSummaryStale } from './summary-marks';
import { isDuplicateKeyError } from './mongo-errors';

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LIVE = { removedAt: { $exists: false } };
/** Items of their own: not removed, not a photo or capture attached to another item. */
const OWN = { ...LIVE, attachedTo: { $exists: false } };

/** One batch of publicity material waiting to be filed. */
export interface UnfiledBatch {
  batchId: string;
  sender: string;
  count: number;
  firstAt: Date;
}

/**
 * Queries of the work done on stored materials after intake: descriptions, physical items and links,
 * removal, publicity filing, and which bot card speaks for which batch or item. Writes are keyed by
 * `_id` (the only fast filter on FerretDB) and decisions are unique inserts.
 */
export class MaterialCurationRepo {
  private readonly materials: Model<MaterialDoc>;
  private readonly hashes: Model<MaterialHashDoc>;
  private readonly cards: Model<MaterialCardDoc>;
  private readonly filings: Model<PublicityFilingDoc>;
  private readonly reminders: Model<PublicityReminderDoc>;
  private readonly activities: Model<ActivityDoc>;

  constructor(conn: Connection) {
    this.materials = materialModel(conn);
    this.hashes = materialHashModel(conn);
    this.cards = materialCardModel(conn);
    this.filings = publicityFilingModel(conn);
    this.reminders = publicityReminderModel(conn);
    this.activities = activityModel(conn);
  }

  async findById(id: string): Promise<MaterialDoc | null> {
    return this.materials.findById(id).lean<MaterialDoc>();
  }

  async findByIds(ids: readonly string[]): Promise<MaterialDoc[]> {
    const found = await Promise.all(ids.map((id) => this.findById(id)));
    return found.filter((m): m is MaterialDoc => m !== null);
  }

  /** The stored, not removed items of a batch, in arrival order (the order cards number them). */
  async batchItems(batchId: string): Promise<MaterialDoc[]> {
    return this.materials
      .find({ batchId, status: 'stored', ...OWN })
      .sort({ sentAt: 1, createdAt: 1, _id: 1 })
      .lean<MaterialDoc[]>();
  }

  /** Every item of a batch, removed and failed ones included (publicity filing counts them). */
  async batchAll(batchId: string): Promise<MaterialDoc[]> {
    return this.materials
      .find({ batchId })
      .sort({ sentAt: 1, createdAt: 1, _id: 1 })
      .lean<MaterialDoc[]>();
  }

  /** An activity's live items, oldest first, one page at a time. */
  async activityItems(
    activityId: string,
    page: number,
    pageSize: number,
  ): Promise<{ items: MaterialDoc[]; total: number }> {
    const filter = { activityId, status: 'stored', ...OWN };
    const [items, total] = await Promise.all([
      this.materials
        .find(filter)
        .sort({ createdAt: 1, _id: 1 })
        .skip((page - 1) * pageSize)
        .limit(pageSize)
        .lean<MaterialDoc[]>(),
      this.materials.countDocuments(filter),
    ]);
    return { items, total };
  }

  /**
   * Writes new descriptions, one `_id`-keyed update each, 50 to a round trip (FerretDB 1.24 never
   * answers an update command carrying 100 or more statements).
   */
  async saveDescriptions(
    updates: { id: string; description: MaterialDescription; described: boolean }[],
    now: Date,
  ): Promise<void> {
    for (let from = 0; from < updates.length; from += 50) {
      await this.materials.bulkWrite(
        updates.slice(from, from + 50).map((u) => ({
          updateOne: {
            filter: { _id: u.id },
            update: {
              $set: { description: u.description, described: u.described, updatedAt: now },
            },
          },
        })),
        { ordered: false },
      );
    }
    for (const u of updates) await markSummaryStale(this.materials.db, { materialId: u.id }, now);
  }

  /** Inserts a physical item or link under its form-derived `_id`; false when it already exists. */
  async insertOnce(doc: MaterialDoc): Promise<boolean> {
    try {
      await this.materials.collection.insertOne(doc as never);
      if (doc.activityId)
        await markSummaryStale(this.materials.db, { activityId: doc.activityId }, doc.updatedAt);
      return true;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      return false;
    }
  }

  async update(id: string, set: Partial<MaterialDoc>, now: Date): Promise<MaterialDoc | null> {
    await this.materials.updateOne({ _id: id }, { $set: { ...set, updatedAt: now } });
    await markSummaryStale(this.materials.db, { materialId: id }, now);
    return this.findById(id);
  }

  /** Marks an item removed (bytes stay); false when it was already removed. */
  async markRemoved(id: string, by: string, reason: string, now: Date): Promise<boolean> {
    const res = await this.materials.updateOne(
      { _id: id, ...LIVE },
      { $set: { removedAt: now, removedBy: by, removeReason: reason, updatedAt: now } },
    );
    if (res.modifiedCount > 0) await markSummaryStale(this.materials.db, { materialId: id }, now);
    return res.modifiedCount > 0;
  }

  // ── content fingerprints ──

  /**
   * Claims `<activityId>|<sha256>` for a material. Returns the material already holding that content
   * in the activity, or undefined when this one holds it (now, or from an earlier identical claim).
   */
  async claimHash(
    activityId: string,
    sha256: string,
    materialId: string,
    now: Date,
  ): Promise<string | undefined> {
    const _id = `${activityId}|${sha256}`;
    try {
      await this.hashes.collection.insertOne({ _id: _id as never, materialId, at: now });
      return undefined;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    const holder = await this.hashes.findById(_id).lean<MaterialHashDoc>();
    return holder && holder.materialId !== materialId ? holder.materialId : undefined;
  }

  // ── which card speaks for what ──

  async rememberCard(ref: Omit<MaterialCardDoc, 'at'>, now: Date): Promise<void> {
    if (!ref._id) return;
    await this.cards.updateOne({ _id: ref._id }, { $set: { ...ref, at: now } }, { upsert: true });
  }

  async cardRef(messageId: string): Promise<MaterialCardDoc | null> {
    return this.cards.findById(messageId).lean<MaterialCardDoc>();
  }

  /** Message ids of the cards of one kind sent for a batch (e.g. every filing card). */
  async cardsOf(batchId: string, kind: MaterialCardDoc['kind']): Promise<string[]> {
    const rows = await this.cards
      .find({ batchId, kind })
      .select({ _id: 1 })
      .lean<{ _id: string }[]>();
    return rows.map((r) => r._id);
  }

  // ── publicity drop-box ──

  /** Takes the decision for a batch; returns the decision in force (this one, or an earlier one). */
  async claimFiling(
    batchId: string,
    activityId: string,
    by: string,
    now: Date,
  ): Promise<PublicityFilingDoc> {
    const doc: PublicityFilingDoc = { _id: batchId, activityId, by, at: now };
    try {
      await this.filings.collection.insertOne(doc as never);
      return doc;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    return (await this.filings.findById(batchId).lean<PublicityFilingDoc>()) ?? doc;
  }

  async filingOf(batchId: string): Promise<PublicityFilingDoc | null> {
    return this.filings.findById(batchId).lean<PublicityFilingDoc>();
  }

  /** Publicity batches with stored items not yet filed to an activity, oldest first. */
  async unfiledBatches(sentBefore?: Date): Promise<UnfiledBatch[]> {
    const filter: FilterQuery<MaterialDoc> = {
      source: 'publicity',
      status: 'stored',
      activityId: { $exists: false },
      ...LIVE,
    };
    if (sentBefore) filter.createdAt = { $lte: sentBefore };
    const rows = await this.materials
      .find(filter)
      .select({ batchId: 1, sender: 1, createdAt: 1 })
      .sort({ createdAt: 1 })
      .limit(5000)
      .lean<Pick<MaterialDoc, '_id' | 'batchId' | 'sender' | 'createdAt'>[]>();
    const batches = new Map<string, UnfiledBatch>();
    for (const r of rows) {
      const id = r.batchId ?? r._id;
      const b = batches.get(id);
      if (b) b.count += 1;
      else batches.set(id, { batchId: id, sender: r.sender, count: 1, firstAt: r.createdAt });
    }
    return [...batches.values()];
  }

  async wasReminded(batchId: string): Promise<boolean> {
    return (await this.reminders.findById(batchId).lean<PublicityReminderDoc>()) !== null;
  }

  /** Records a reminder for a batch once; false when it was already reminded. */
  async markReminded(batchId: string, now: Date): Promise<boolean> {
    try {
      await this.reminders.collection.insertOne({ _id: batchId as never, at: now });
      return true;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      return false;
    }
  }

  /**
   * Activities a publicity batch may be filed to: not accepted or cancelled, and not ended before
   * `endedSince`; newest first; `q` searches the code and the title.
   */
  async filingCandidates(endedSince: Date, q: string | undefined, limit: number) {
    const filter: FilterQuery<ActivityDoc> = {
      state: { $nin: ['accepted', 'cancelled'] },
      endAt: { $gte: endedSince },
    };
    if (q?.trim()) {
      const re = new RegExp(escapeRegex(q.trim()), 'i');
      filter.$or = [{ title: re }, { code: re }];
    }
    return this.activities
      .find(filter)
      .sort({ startAt: -1, _id: 1 })
      .limit(limit)
      .lean<ActivityDoc[]>();
  }
}
