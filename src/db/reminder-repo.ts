import type { Connection, Model } from 'mongoose';
import {
  activityModel,
  reminderMarkModel,
  type ActivityDoc,
  type ReminderMarkDoc,
} from './models/activity';
import { isDuplicateKeyError } from './mongo-errors';

/** Activity states in which the handover is still owed. */
const OWED_STATES = ['registered', 'collecting', 'ended', 'returned'];

const markId = (activityId: string, deadline: Date, key: string) =>
  `${activityId}|${deadline.getTime()}|${key}`;

export type OwedActivity = Pick<
  ActivityDoc,
  '_id' | 'code' | 'state' | 'effectiveDeadline' | 'unit'
>;

/** Queries of the deadline reminders: which activities to look at, and what was already sent. */
export class ReminderRepo {
  private readonly activities: Model<ActivityDoc>;
  private readonly marks: Model<ReminderMarkDoc>;

  constructor(conn: Connection) {
    this.activities = activityModel(conn);
    this.marks = reminderMarkModel(conn);
  }

  /** Activities still owing a handover whose effective deadline is before `limit` (due soon or overdue). */
  async owedBefore(limit: Date): Promise<ActivityDoc[]> {
    return this.activities
      .find({ state: { $in: OWED_STATES }, effectiveDeadline: { $lte: limit } })
      .sort({ effectiveDeadline: 1 })
      .lean<ActivityDoc[]>();
  }

  /**
   * The activities still owing a handover whose effective deadline is before `limit`, with only the
   * fields a reminder pass decides on (the card is built later, from a fresh read).
   */
  async owedSlim(limit: Date): Promise<OwedActivity[]> {
    return this.activities
      .find({ state: { $in: OWED_STATES }, effectiveDeadline: { $lte: limit } })
      .select({ _id: 1, code: 1, state: 1, effectiveDeadline: 1, unit: 1 })
      .lean<OwedActivity[]>();
  }

  /** Which of these send-once ids (see `markId`) are recorded already. */
  async existing(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.marks
      .find({ _id: { $in: ids } })
      .select({ _id: 1 })
      .lean<{ _id: string }[]>();
    return new Set(rows.map((r) => r._id));
  }

  /** Keys already sent or skipped for this activity's current deadline. */
  async marked(activityId: string, deadline: Date): Promise<Set<string>> {
    const prefix = `${activityId}|${deadline.getTime()}|`;
    const rows = await this.marks.find({ activityId }).select({ _id: 1 }).lean<{ _id: string }[]>();
    return new Set(
      rows.filter((r) => r._id.startsWith(prefix)).map((r) => r._id.slice(prefix.length)),
    );
  }

  /** The send-once key of a reminder, also the base of its message uuids. */
  markId(activityId: string, deadline: Date, key: string): string {
    return markId(activityId, deadline, key);
  }

  /** Records keys as sent or skipped; recording one twice is a no-op. */
  async mark(
    activityId: string,
    deadline: Date,
    keys: string[],
    status: 'sent' | 'skipped',
    now: Date,
  ): Promise<void> {
    for (const key of keys) {
      try {
        await this.marks.collection.insertOne({
          _id: markId(activityId, deadline, key) as never,
          activityId,
          key,
          status,
          at: now,
        });
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
      }
    }
  }
}
