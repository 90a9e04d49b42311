import { Types, type Connection, type FilterQuery, type Model } from 'mongoose';
import type { ActivityState } from '../domain/activity-lifecycle';
import { formatActivityCode } from '../domain/activity-code';
import {
  activityModel,
  auditEventModel,
  chatBindingModel,
  chatModel,
  counterModel,
  registrationClaimModel,
  type ActivityDoc,
  type AuditEventDoc,
  type ChatBindingDoc,
  type ChatDoc,
  type CounterDoc,
  type RegistrationClaimDoc,
} from './models/activity';
import { insertManyIgnoringDuplicates, isDuplicateKeyError } from './mongo-errors';
import { markSummaryStale } from './summary-marks';
import { reminderWindowModel, type ReminderWindowDoc } from './models/reminder-window';
import { inReminderWindow, REPAIR_MARGIN_MS } from '../domain/reminder-schedule';

export type NewActivity = Omit<ActivityDoc, 'code' | 'createdAt' | 'updatedAt'>;

export interface ActivityQuery {
  state?: ActivityState;
  category?: number;
  unit?: string;
  year?: number;
  /** Past the effective deadline and not yet accepted or cancelled. */
  overdueAt?: Date;
  /** Not past the effective deadline, or already accepted or cancelled. */
  notOverdueAt?: Date;
  /** Case-insensitive search in title or code. */
  q?: string;
  /** Activities this person registered or handles. */
  person?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every query on activities, their code counter, chat bindings and audit log. */
export class ActivityRepo {
  private readonly activities: Model<ActivityDoc>;
  private readonly counters: Model<CounterDoc>;
  private readonly bindings: Model<ChatBindingDoc>;
  private readonly audit: Model<AuditEventDoc>;
  private readonly chats: Model<ChatDoc>;
  private readonly registrationClaims: Model<RegistrationClaimDoc>;
  private readonly window: Model<ReminderWindowDoc>;

  constructor(conn: Connection) {
    this.activities = activityModel(conn);
    this.counters = counterModel(conn);
    this.bindings = chatBindingModel(conn);
    this.audit = auditEventModel(conn);
    this.chats = chatModel(conn);
    this.registrationClaims = registrationClaimModel(conn);
    this.window = reminderWindowModel(conn);
  }

  /**
   * Creates the activity once per `_id` and gives it the year's next code. A unique insert into
   * `registration_claims` picks one winner per form; only the winner takes a number and inserts the
   * activity (inserts only: FerretDB rewrites a document by scanning its table), so two taps never burn
   * a code. Losers wait for the winner's record.
   */
  async createOnce(
    input: NewActivity,
    now: Date,
  ): Promise<{ activity: ActivityDoc; created: boolean }> {
    try {
      await this.registrationClaims.collection.insertOne({ _id: input._id as never, at: now });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      return { activity: await this.awaitCreated(input._id), created: false };
    }
    for (let attempt = 0; attempt < 5; attempt++) {
      const counter = await this.counters
        .findOneAndUpdate(
          { _id: `activity:${input.year}` },
          { $inc: { seq: 1 } },
          { upsert: true, new: true },
        )
        .lean<CounterDoc>();
      const doc = {
        ...input,
        code: formatActivityCode(input.year, counter.seq),
        createdAt: now,
        updatedAt: now,
      };
      try {
        await this.activities.collection.insertOne(doc as never);
        await markSummaryStale(this.activities.db, { activityId: doc._id }, now);
        // Registered after the fact (already near or past its deadline): watch it from the start.
        // A new activity cannot be on the list yet: an insert (cheap) rather than an upsert.
        if (inReminderWindow(doc, now, REPAIR_MARGIN_MS))
          await insertManyIgnoringDuplicates(this.window as unknown as Model<never>, [
            {
              _id: doc._id,
              code: doc.code,
              state: doc.state,
              effectiveDeadline: doc.effectiveDeadline,
            },
          ]);
        return { activity: doc, created: true };
      } catch (err) {
        // Another process took this number (FerretDB runs $inc as read-then-write): take the next one.
        if (!isDuplicateKeyError(err)) throw err;
      }
    }
    throw new Error(`could not allocate a code for ${input._id}`);
  }

  private async awaitCreated(id: string): Promise<ActivityDoc> {
    for (let i = 0; i < 100; i++) {
      const doc = await this.findById(id);
      if (doc) return doc;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`activity ${id} was claimed but not created; submit a new registration form`);
  }

  async findById(id: string): Promise<ActivityDoc | null> {
    return this.activities.findById(id).lean<ActivityDoc>();
  }

  async findByCode(code: string): Promise<ActivityDoc | null> {
    return this.activities.findOne({ code }).lean<ActivityDoc>();
  }

  /** Applies a change atomically if the activity is still in one of `inStates`; null when it is not. */
  async update(
    id: string,
    inStates: readonly ActivityState[],
    set: Partial<ActivityDoc>,
    unset: (keyof ActivityDoc)[] = [],
    now: Date,
  ): Promise<ActivityDoc | null> {
    const update: Record<string, unknown> = { $set: { ...set, updatedAt: now } };
    if (unset.length) update.$unset = Object.fromEntries(unset.map((k) => [k, 1]));
    const after = await this.activities
      .findOneAndUpdate({ _id: id, state: { $in: [...inStates] } }, update, { new: true })
      .lean<ActivityDoc>();
    if (after && (set.state !== undefined || set.effectiveDeadline !== undefined))
      await this.watchReminders(after, now);
    if (after) await markSummaryStale(this.activities.db, { activityId: id }, now);
    return after;
  }

  /**
   * Keeps the reminder pass's watch list (domain/reminder-schedule.ts) in step with a change of state
   * or deadline; the daily reminder-schedule job repairs anything missed.
   */
  private async watchReminders(a: ActivityDoc, now: Date): Promise<void> {
    if (inReminderWindow(a, now, REPAIR_MARGIN_MS)) {
      const entry = { code: a.code, state: a.state, effectiveDeadline: a.effectiveDeadline };
      await this.window.replaceOne({ _id: a._id }, entry, { upsert: true });
    } else {
      await this.window.deleteOne({ _id: a._id });
    }
  }

  /** One page of activities matching the query, newest first. */
  async list(query: ActivityQuery, page: number, pageSize: number): Promise<Page<ActivityDoc>> {
    const filter: FilterQuery<ActivityDoc> = {};
    if (query.state) filter.state = query.state;
    if (query.category) filter.category = query.category;
    if (query.unit) filter.unit = query.unit;
    if (query.year) filter.year = query.year;
    if (query.overdueAt) {
      filter.effectiveDeadline = { $lt: query.overdueAt };
      filter.state = query.state ?? { $nin: ['accepted', 'cancelled'] };
    }
    const any: FilterQuery<ActivityDoc>[][] = [];
    if (query.notOverdueAt) {
      any.push([
        { effectiveDeadline: { $gte: query.notOverdueAt } },
        { state: { $in: ['accepted', 'cancelled'] } },
      ]);
    }
    if (query.person) any.push([{ contact: query.person }, { registrant: query.person }]);
    if (query.q) {
      const re = new RegExp(escapeRegex(query.q), 'i');
      any.push([{ title: re }, { code: re }]);
    }
    if (any.length === 1) filter.$or = any[0]!;
    if (any.length > 1) filter.$and = any.map((alternatives) => ({ $or: alternatives }));
    const [items, total] = await Promise.all([
      this.activities
        .find(filter)
        .sort({ createdAt: -1, _id: 1 })
        .skip((page - 1) * pageSize)
        .limit(pageSize)
        .lean<ActivityDoc[]>(),
      this.activities.countDocuments(filter),
    ]);
    return { items, total };
  }

  /** Distinct years that have activities (for the list filter). */
  async years(): Promise<number[]> {
    const years = await this.activities.distinct('year');
    return years.sort((a, b) => b - a);
  }

  /**
   * Counts an activity's materials by kind, and how many still lack a description. Reads the
   * `materials` collection the materials feature writes ({ activityId, kind, status, described,
   * removedAt? }): stored items not removed.
   */
  async countMaterials(
    activityId: string,
  ): Promise<{ byKind: Record<string, number>; undescribed: number }> {
    const materials = this.activities.db.collection('materials');
    // Only what is kept counts: failed downloads and removed items are not materials (yet).
    // A photo attached to a physical item or link is part of that item (attachedTo), not one of its own.
    const live = {
      activityId,
      status: 'stored',
      removedAt: { $exists: false },
      attachedTo: { $exists: false },
    };
    const [groups, undescribed] = await Promise.all([
      materials
        .aggregate<{
          _id: string;
          n: number;
        }>([{ $match: live }, { $group: { _id: '$kind', n: { $sum: 1 } } }])
        .toArray(),
      materials.countDocuments({ ...live, described: false }),
    ]);
    return { byKind: Object.fromEntries(groups.map((g) => [g._id, g.n])), undescribed };
  }

  // ── chat bindings ──

  async bindingOf(chatId: string): Promise<ChatBindingDoc | null> {
    return this.bindings.findById(chatId).lean<ChatBindingDoc>();
  }

  /** Makes `chatId` collect for `activityId` (replacing any earlier binding of that chat). */
  async bind(
    chatId: string,
    activityId: string,
    by: string,
    now: Date,
    chatName?: string,
  ): Promise<void> {
    await this.bindings.updateOne(
      { _id: chatId },
      { $set: { activityId, boundBy: by, boundAt: now } },
      { upsert: true },
    );
    await this.activities.updateMany(
      { chatId, _id: { $ne: activityId } },
      { $unset: { chatId: 1, chatName: 1 }, $set: { updatedAt: now } },
    );
    await this.activities.updateOne(
      { _id: activityId },
      { $set: { chatId, ...(chatName ? { chatName } : {}), updatedAt: now } },
    );
  }

  /** Removes a chat's binding; returns the activity it was bound to. */
  async unbind(chatId: string, now: Date): Promise<string | undefined> {
    const binding = await this.bindings.findOneAndDelete({ _id: chatId }).lean<ChatBindingDoc>();
    if (!binding) return undefined;
    await this.activities.updateOne(
      { _id: binding.activityId, chatId },
      { $unset: { chatId: 1, chatName: 1 }, $set: { updatedAt: now } },
    );
    return binding.activityId;
  }

  /** Remembers a group's name (the bot-added event carries it). */
  async rememberChat(chatId: string, name: string, now: Date): Promise<void> {
    await this.chats.updateOne(
      { _id: chatId },
      { $set: { name, updatedAt: now } },
      { upsert: true },
    );
  }

  async chatName(chatId: string): Promise<string | undefined> {
    return (await this.chats.findById(chatId).lean<ChatDoc>())?.name;
  }

  // ── audit log ──

  async recordAudit(event: Omit<AuditEventDoc, '_id'>): Promise<void> {
    // ObjectIds grow within a process, so entries written in the same millisecond keep their order.
    await this.audit.collection.insertOne({
      _id: new Types.ObjectId().toHexString() as never,
      ...event,
    });
  }

  async recentAudit(activityId: string, limit: number): Promise<AuditEventDoc[]> {
    return this.audit
      .find({ activityId })
      .sort({ at: -1, _id: -1 })
      .limit(limit)
      .lean<AuditEventDoc[]>();
  }
}
