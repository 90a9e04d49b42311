import { Schema, type Connection, type Model } from 'mongoose';
import type { ActivityState } from '../../domain/activity-lifecycle';

/**
 * The activities the reminder pass watches: those owing a handover within 8 days of their deadline or
 * past it (domain/reminder-schedule.ts). A small mirror of a few fields, kept by the activity
 * repository on every change of state or deadline and repaired daily, so a pass reads this short list
 * instead of the whole register.
 */
export interface ReminderWindowDoc {
  _id: string;
  code: string;
  state: ActivityState;
  effectiveDeadline: Date;
}

const schema = new Schema<ReminderWindowDoc>(
  {
    _id: { type: String, required: true },
    code: { type: String, required: true },
    state: { type: String, required: true },
    effectiveDeadline: { type: Date, required: true },
  },
  { collection: 'reminder_window', versionKey: false },
);

export const reminderWindowModel = (conn: Connection): Model<ReminderWindowDoc> =>
  (conn.models.ReminderWindow as Model<ReminderWindowDoc> | undefined) ??
  conn.model<ReminderWindowDoc>('ReminderWindow', schema);
