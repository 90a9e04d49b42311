import { Schema, type Connection, type Model } from 'mongoose';
import type { ActivityState } from '../../domain/activity-lifecycle';
import type { CategoryCode } from '../../domain/categories';

/**
 * One major activity. `_id` is derived from the registration form instance (`act_<draftId>`), so a
 * double submit or a redelivered callback creates one record; `code` (HD-2026-0007) is assigned once.
 */
export interface ActivityDoc {
  _id: string;
  code: string;
  year: number;
  title: string;
  category: CategoryCode;
  unit: string;
  coUnits: string[];
  startAt: Date;
  endAt: Date;
  location?: string;
  summary?: string;
  contact: string;
  registrant: string;
  state: ActivityState;
  stateBeforeCancel?: ActivityState;
  cancelReason?: string;
  /** end + one calendar month, end of day (business time zone). */
  deadline: Date;
  /** The latest approved extension, if any (the extension feature sets it). */
  extendedDeadline?: Date;
  /** deadline or extendedDeadline, whichever applies: what reminders and lists query. */
  effectiveDeadline: Date;
  /** The group chat collecting this activity's materials. */
  chatId?: string;
  chatName?: string;
  /** The chat the registration happened in (the confirmation card lives there). */
  originChatId?: string;
  createdAt: Date;
  updatedAt: Date;
}

const schema = new Schema<ActivityDoc>(
  {
    _id: { type: String, required: true },
    code: { type: String, required: true },
    year: { type: Number, required: true },
    title: { type: String, required: true },
    category: { type: Number, required: true },
    unit: { type: String, required: true },
    coUnits: { type: [String], default: [] },
    startAt: { type: Date, required: true },
    endAt: { type: Date, required: true },
    location: String,
    summary: String,
    contact: { type: String, required: true },
    registrant: { type: String, required: true },
    state: { type: String, required: true },
    stateBeforeCancel: String,
    cancelReason: String,
    deadline: { type: Date, required: true },
    extendedDeadline: Date,
    effectiveDeadline: { type: Date, required: true },
    chatId: String,
    chatName: String,
    originChatId: String,
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'activities', versionKey: false },
);
schema.index({ code: 1 }, { unique: true });
schema.index({ contact: 1, createdAt: -1 });
schema.index({ registrant: 1, createdAt: -1 });
schema.index({ state: 1, effectiveDeadline: 1 });
schema.index({ unit: 1, year: 1 });
schema.index({ chatId: 1 });

export const activityModel = (conn: Connection): Model<ActivityDoc> =>
  (conn.models.Activity as Model<ActivityDoc> | undefined) ??
  conn.model<ActivityDoc>('Activity', schema);

/** Per-year sequence for activity codes. */
export interface CounterDoc {
  _id: string;
  seq: number;
}

const counterSchema = new Schema<CounterDoc>(
  { _id: { type: String, required: true }, seq: { type: Number, required: true } },
  { collection: 'counters', versionKey: false },
);

export const counterModel = (conn: Connection): Model<CounterDoc> =>
  (conn.models.Counter as Model<CounterDoc> | undefined) ??
  conn.model<CounterDoc>('Counter', counterSchema);

/** Which activity a group chat collects for; one activity per chat at a time. */
export interface ChatBindingDoc {
  _id: string;
  activityId: string;
  boundBy: string;
  boundAt: Date;
}

const bindingSchema = new Schema<ChatBindingDoc>(
  {
    _id: { type: String, required: true },
    activityId: { type: String, required: true },
    boundBy: { type: String, required: true },
    boundAt: { type: Date, required: true },
  },
  { collection: 'chat_bindings', versionKey: false },
);
bindingSchema.index({ activityId: 1 });

export const chatBindingModel = (conn: Connection): Model<ChatBindingDoc> =>
  (conn.models.ChatBinding as Model<ChatBindingDoc> | undefined) ??
  conn.model<ChatBindingDoc>('ChatBinding', bindingSchema);

/** An append-only record of a change: who, when, what, before/after. */
export interface AuditEventDoc {
  _id: string;
  activityId: string;
  at: Date;
  actor: string;
  action: string;
  changes: { field: string; before?: unknown; after?: unknown }[];
  reason?: string;
}

const auditSchema = new Schema<AuditEventDoc>(
  {
    _id: { type: String, required: true },
    activityId: { type: String, required: true },
    at: { type: Date, required: true },
    actor: { type: String, required: true },
    action: { type: String, required: true },
    changes: { type: Schema.Types.Mixed, default: [] },
    reason: String,
  },
  { collection: 'audit_events', versionKey: false, minimize: false },
);
auditSchema.index({ activityId: 1, at: -1 });

export const auditEventModel = (conn: Connection): Model<AuditEventDoc> =>
  (conn.models.AuditEvent as Model<AuditEventDoc> | undefined) ??
  conn.model<AuditEventDoc>('AuditEvent', auditSchema);

/** Group chats the bot has been added to, with their names (from the bot-added event). */
export interface ChatDoc {
  _id: string;
  name: string;
  updatedAt: Date;
}

const chatSchema = new Schema<ChatDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'chats', versionKey: false },
);

export const chatModel = (conn: Connection): Model<ChatDoc> =>
  (conn.models.Chat as Model<ChatDoc> | undefined) ?? conn.model<ChatDoc>('Chat', chatSchema);

/** Who won a registration form: one insert per form instance, so only the winner takes a code. */
export interface RegistrationClaimDoc {
  _id: string;
  at: Date;
}

const registrationClaimSchema = new Schema<RegistrationClaimDoc>(
  { _id: { type: String, required: true }, at: { type: Date, required: true } },
  { collection: 'registration_claims', versionKey: false },
);

export const registrationClaimModel = (conn: Connection): Model<RegistrationClaimDoc> =>
  (conn.models.RegistrationClaim as Model<RegistrationClaimDoc> | undefined) ??
  conn.model<RegistrationClaimDoc>('RegistrationClaim', registrationClaimSchema);

/**
 * A deadline reminder sent (or given up as pointless) for one activity and one deadline. The `_id`
 * (`<activityId>|<deadline ms>|<key>`) is the send-once key; an extension starts a fresh set.
 */
export interface ReminderMarkDoc {
  _id: string;
  activityId: string;
  key: string;
  status: 'sent' | 'skipped';
  at: Date;
}

const reminderMarkSchema = new Schema<ReminderMarkDoc>(
  {
    _id: { type: String, required: true },
    activityId: { type: String, required: true },
    key: { type: String, required: true },
    status: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'reminder_marks', versionKey: false },
);
reminderMarkSchema.index({ activityId: 1 });

export const reminderMarkModel = (conn: Connection): Model<ReminderMarkDoc> =>
  (conn.models.ReminderMark as Model<ReminderMarkDoc> | undefined) ??
  conn.model<ReminderMarkDoc>('ReminderMark', reminderMarkSchema);
