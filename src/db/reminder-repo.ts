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
