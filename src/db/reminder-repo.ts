import type { Connection, Model } from 'mongoose';
import {
  activityModel,
  reminderMarkModel,
  type ActivityDoc,
  type ReminderMarkDoc,
} from './models/activity';
import { reminderWindowModel, type ReminderWindowDoc } from './models/reminder-window';
import { insertManyIgnoringDuplicates } from './mongo-errors';

/** Activity states in which the handover is still owed. */
const OWED_STATES = ['registered', 'collecting', 'ended', 'returned'];

const markId = (activityId: string, deadline: Date, key: string) =>
  `${activityId}|${deadline.getTime()}|${key}`;

export type OwedActivity = Pick<ActivityDoc, '_id' | 'code' | 'state' | 'effectiveDeadline'>;

export interface MarkEntry {
  activityId: string;
  deadline: Date;
  key: string;
  status: 'sent' | 'skipped';
}

/**
 * Queries of the deadline reminders: the watch list the pass reads, the activities behind it, and
 * the send-once marks (`<activityId>|<deadline ms>|<key>`; an extension starts a fresh set).
 */
export class ReminderRepo {
  private readonly activities: Model<ActivityDoc>;
  private readonly marks: Model<ReminderMarkDoc>;
  private readonly window: Model<ReminderWindowDoc>;

  constructor(conn: Connection) {
    this.activities = activityModel(conn);
    this.marks = reminderMarkModel(conn);
    this.window = reminderWindowModel(conn);
  }

  /**
   * Activities still owing a handover whose effective deadline is before `limit`, with the fields the
   * watch list keeps. The one read of the whole register, made by the daily repair only.
   */
  async owedBefore(limit: Date): Promise<OwedActivity[]> {
    return this.activities
      .find({ state: { $in: OWED_STATES }, effectiveDeadline: { $lte: limit } })
      .select({ _id: 1, code: 1, state: 1, effectiveDeadline: 1 })
      .lean<OwedActivity[]>();
  }

  /** The activities with these ids (missing ones left out), in one query. */
  async activitiesByIds(ids: string[]): Promise<ActivityDoc[]> {
    if (ids.length === 0) return [];
    return this.activities.find({ _id: { $in: ids } }).lean<ActivityDoc[]>();
  }

  // ── the watch list (domain/reminder-schedule.ts) ──

  async watched(): Promise<ReminderWindowDoc[]> {
    return this.window.find().lean<ReminderWindowDoc[]>();
  }

  async watch(entries: ReminderWindowDoc[]): Promise<void> {
    for (const { _id, ...rest } of entries)
      await this.window.replaceOne({ _id }, rest, { upsert: true });
  }

  async unwatch(ids: string[]): Promise<void> {
    if (ids.length) await this.window.deleteMany({ _id: { $in: ids } });
  }

  /** Claims the watch-list repair of one business day; false when it was claimed already. */
  async claimRepair(day: string, now: Date): Promise<boolean> {
    const refused = await insertManyIgnoringDuplicates(this.marks as unknown as Model<never>, [
      { _id: `repair|${day}`, activityId: '-', key: 'repair', status: 'sent', at: now },
    ]);
    return refused.size === 0;
  }

  // ── send-once marks ──

  /** The send-once key of a reminder, also the base of its message uuids. */
  markId(activityId: string, deadline: Date, key: string): string {
    return markId(activityId, deadline, key);
  }

  /** Which of these send-once ids are recorded already: one query for the whole batch. */
  async existing(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.marks
      .find({ _id: { $in: ids } })
      .select({ _id: 1 })
      .lean<{ _id: string }[]>();
    return new Set(rows.map((r) => r._id));
  }

  /** Keys already sent or skipped for this activity and deadline. */
  async marked(activityId: string, deadline: Date): Promise<Set<string>> {
    const prefix = `${activityId}|${deadline.getTime()}|`;
    const rows = await this.marks.find({ activityId }).select({ _id: 1 }).lean<{ _id: string }[]>();
    return new Set(
      rows.filter((r) => r._id.startsWith(prefix)).map((r) => r._id.slice(prefix.length)),
    );
  }

  /** Records marks in one write; a mark already there is left as it is. */
  async markMany(entries: MarkEntry[], now: Date): Promise<void> {
    await insertManyIgnoringDuplicates(
      this.marks as unknown as Model<never>,
      entries.map((e) => ({
        _id: markId(e.activityId, e.deadline, e.key),
        activityId: e.activityId,
        key: e.key,
        status: e.status,
        at: now,
      })),
    );
  }

  /** Records keys of one activity as sent or skipped. */
  async mark(
    activityId: string,
    deadline: Date,
    keys: string[],
    status: 'sent' | 'skipped',
    now: Date,
  ): Promise<void> {
    await this.markMany(
      keys.map((key) => ({ activityId, deadline, key, status })),
      now,
    );
  }

  /**
   * Forgets marks older than `before`. Only a deadline's latest reminder is ever looked up, and it is
   * at most a week old (escalations are weekly), so a month of marks is plenty.
   */
  async purgeMarks(before: Date): Promise<number> {
    return (await this.marks.deleteMany({ at: { $lt: before } })).deletedCount;
  }
}
