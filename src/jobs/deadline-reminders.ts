import type { OwedActivity } from '../db/reminder-repo';
import {
  dueReminders,
  escalationDue,
  reminderPolicy,
  reminderStateOf,
  type DueReminder,
  type ReminderPolicy,
} from '../domain/reminders';
import { enqueueTask } from '../inbox/intake';
import {
  DEADLINE_ESCALATION_TASK,
  DEADLINE_REMINDER_TASK,
} from '../services/deadlines/send-reminder';
import type { Job } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Reminders start 7 days before the deadline; look a day further so nothing at the edge is missed. */
const LOOKAHEAD_MS = 8 * DAY_MS;
/** Inbox accepts in flight at once (the inbox commits concurrent accepts as one batch). */
const ENQUEUE_BATCH = 64;

interface Decision {
  activity: OwedActivity;
  reminder?: DueReminder;
  skipped: string[];
  escalation?: string;
}

/** What is due for one activity, computed as if nothing had been sent: only the latest key counts. */
function decide(activity: OwedActivity, now: Date, policy: ReminderPolicy): Decision {
  const state = reminderStateOf(activity.state);
  const deadline = activity.effectiveDeadline;
  const result = dueReminders({ deadline, now, policy, sentKeys: new Set(), state });
  const escalation =
    now.getTime() > deadline.getTime()
      ? escalationDue({ deadline, now, tz: policy.tz, sentKeys: new Set(), state, policy })
      : undefined;
  return {
    activity,
    ...(result.due[0] ? { reminder: result.due[0] } : {}),
    skipped: result.skipped,
    ...(escalation ? { escalation } : {}),
  };
}

/**
 * Decides which deadline reminders and escalations are due, and hands each to the inbox as a task the
 * worker sends: the contact (privately) and the bound group 7, 3 and 1 days before, on the due day's
 * morning, then every 2 workdays while overdue; the leader in charge at 7 days overdue and weekly.
 *
 * The rules are the pure `dueReminders` / `escalationDue`. Every reminder has a send-once key per
 * deadline (`<activity>|<deadline ms>|<key>`, so an extension starts afresh); the task is stored under
 * that key and the key is then marked, so overlapping runs, restarts and replicas never send twice,
 * and a run after downtime catches up with the latest reminder only. The pass reads the owed
 * activities once and one batch of marks: its work follows what is due, and the sending (rate-limited
 * by Feishu) happens in the worker, not here.
 */
export const deadlineRemindersJob: Job = {
  name: 'deadline-reminders',
  cron: '*/15 * * * *',
  description:
    'Queues handover-deadline reminders (T-7, T-3, T-1, due day, every 2 workdays overdue) and escalations to the leader in charge.',
  async run({ now, deps, log }) {
    const policy = reminderPolicy({ tz: deps.config.tz });
    const repo = deps.repos.reminders;
    const owed = await repo.owedSlim(new Date(now.getTime() + LOOKAHEAD_MS));
    const decisions = owed
      .map((a) => decide(a, now, policy))
      .filter((d) => d.reminder || d.escalation || d.skipped.length);
    const idOf = (d: Decision, key: string) =>
      repo.markId(d.activity._id, d.activity.effectiveDeadline, key);
    const done = await repo.existing(
      decisions.flatMap((d) => [
        ...(d.reminder ? [idOf(d, d.reminder.key)] : []),
        ...(d.escalation ? [idOf(d, d.escalation)] : []),
      ]),
    );
    let sent = 0;
    let escalated = 0;
    let skipped = 0;
    const work: (() => Promise<void>)[] = [];
    for (const d of decisions) {
      const { activity } = d;
      const deadline = activity.effectiveDeadline;
      const reminder = d.reminder && !done.has(idOf(d, d.reminder.key)) ? d.reminder : undefined;
      if (reminder) {
        const id = idOf(d, reminder.key);
        sent += 1;
        work.push(async () => {
          await enqueueTask(deps.repos.inbox, deps.clock, {
            key: `reminder:${id}`,
            type: DEADLINE_REMINDER_TASK,
            payload: {
              activityId: activity._id,
              deadline: deadline.toISOString(),
              key: reminder.key,
              ...(reminder.overdueDays !== undefined
                ? { overdueDays: reminder.overdueDays }
                : { daysLeft: reminder.daysLeft ?? 0 }),
            },
          });
          await repo.mark(activity._id, deadline, [reminder.key], 'sent', now);
          log.info(
            { activityId: activity._id, code: activity.code, key: reminder.key },
            'reminder.queued',
          );
        });
      }
      if (reminder && d.skipped.length) {
        skipped += d.skipped.length;
        work.push(() => repo.mark(activity._id, deadline, d.skipped, 'skipped', now));
      }
      const escalation =
        d.escalation && !done.has(idOf(d, d.escalation)) ? d.escalation : undefined;
      if (escalation) {
        const id = idOf(d, escalation);
        escalated += 1;
        work.push(async () => {
          await enqueueTask(deps.repos.inbox, deps.clock, {
            key: `escalation:${id}`,
            type: DEADLINE_ESCALATION_TASK,
            payload: { activityId: activity._id, deadline: deadline.toISOString() },
          });
          await repo.mark(activity._id, deadline, [escalation], 'sent', now);
          log.info(
            { activityId: activity._id, code: activity.code, key: escalation },
            'reminder.escalated',
          );
        });
      }
    }
    for (let i = 0; i < work.length; i += ENQUEUE_BATCH) {
      await Promise.all(work.slice(i, i + ENQUEUE_BATCH).map((w) => w()));
    }
    return {
      summary: `${sent} reminder(s) and ${escalated} escalation(s) queued, ${skipped} skipped as pointless, ${owed.length} owed activit(ies) examined`,
      counts: { sent, escalated, skipped, examined: owed.length },
    };
  },
};
