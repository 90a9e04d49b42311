import type { ReminderWindowDoc } from '../db/models/reminder-window';
import type { MarkEntry } from '../db/reminder-repo';
import {
  dueReminders,
  escalationDue,
  reminderStateOf,
  type DueReminder,
  type ReminderPolicy,
} from '../domain/reminders';
import { enqueueTask } from '../inbox/intake';
import {
  DEADLINE_ESCALATION_TASK,
  DEADLINE_REMINDER_TASK,
} from '../services/deadlines/send-reminder';
import { repairOncePerDay } from '../services/deadlines/watch-list';
import { policyOf } from '../services/deadlines/reminder-card';
import type { Job } from './types';

/** Inbox accepts in flight at once (the inbox commits concurrent accepts as one batch). */
const ENQUEUE_BATCH = 128;

interface Decision {
  activity: ReminderWindowDoc;
  reminder?: DueReminder;
  skipped: string[];
  escalation?: string;
}

/** What is due for one activity, computed as if nothing had been sent: only the latest key counts. */
function decide(activity: ReminderWindowDoc, now: Date, policy: ReminderPolicy): Decision {
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
 * Decides which deadline reminders and escalations are due and hands each to the inbox as a task the
 * worker sends: the contact (privately) and the bound group 7, 3 and 1 days before, on the due day's
 * morning, then every 2 workdays while overdue; the leader in charge at 7 days overdue and weekly.
 *
 * The rules are the pure `dueReminders` / `escalationDue`. Each reminder has a send-once key per
 * deadline; its task is queued under that key and the key then marked, so overlapping runs,
 * restarts and replicas never send twice, and a run after downtime catches up with the latest
 * reminder only. The pass reads the watch list (activities within 8 days of their deadline or past
 * it, domain/reminder-schedule.ts) and one batch of marks, and writes in batches: its work follows
 * what is due, not the size of the register. Sending (rate-limited by Feishu) is the worker's job,
 * and the worker re-reads the activity, so one handed over meanwhile is not reminded.
 */
export const deadlineRemindersJob: Job = {
  name: 'deadline-reminders',
  cron: '*/15 * * * *',
  description:
    'Queues handover-deadline reminders (T-7, T-3, T-1, due day, every 2 workdays overdue) and escalations to the leader in charge.',
  async run({ now, deps, log }) {
    const policy = policyOf(deps);
    const repo = deps.repos.reminders;
    const repaired = await repairOncePerDay(now, deps);
    if (repaired) log.info(repaired, 'reminder.watch_list_repaired');
    const watched = await repo.watched();
    const decisions = watched
      .map((a) => decide(a, now, policy))
      .filter((d) => d.reminder ?? d.escalation);
    const idOf = (d: Decision, key: string) =>
      repo.markId(d.activity._id, d.activity.effectiveDeadline, key);
    const done = await repo.existing(
      decisions.flatMap((d) => [
        ...(d.reminder ? [idOf(d, d.reminder.key)] : []),
        ...(d.escalation ? [idOf(d, d.escalation)] : []),
      ]),
    );
    const tasks: Parameters<typeof enqueueTask>[2][] = [];
    const marks: MarkEntry[] = [];
    let sent = 0;
    let escalated = 0;
    let skipped = 0;
    for (const d of decisions) {
      const { _id: activityId, effectiveDeadline: deadline, code } = d.activity;
      const reminder = d.reminder && !done.has(idOf(d, d.reminder.key)) ? d.reminder : undefined;
      if (reminder) {
        tasks.push({
          key: `reminder:${idOf(d, reminder.key)}`,
          type: DEADLINE_REMINDER_TASK,
          payload: {
            activityId,
            deadline: deadline.toISOString(),
            key: reminder.key,
            ...(reminder.overdueDays !== undefined
              ? { overdueDays: reminder.overdueDays }
              : { daysLeft: reminder.daysLeft ?? 0 }),
          },
        });
        marks.push({ activityId, deadline, key: reminder.key, status: 'sent' });
        marks.push(
          ...d.skipped.map((key) => ({ activityId, deadline, key, status: 'skipped' as const })),
        );
        sent += 1;
        skipped += d.skipped.length;
        log.info({ activityId, code, key: reminder.key }, 'reminder.queued');
      }
      const escalation =
        d.escalation && !done.has(idOf(d, d.escalation)) ? d.escalation : undefined;
      if (escalation) {
        tasks.push({
          key: `escalation:${idOf(d, escalation)}`,
          type: DEADLINE_ESCALATION_TASK,
          payload: { activityId, deadline: deadline.toISOString() },
        });
        marks.push({ activityId, deadline, key: escalation, status: 'sent' });
        escalated += 1;
        log.info({ activityId, code, key: escalation }, 'reminder.escalated');
      }
    }
    // Queue first, then mark: a crash in between re-queues under the same key, which the inbox refuses.
    for (let i = 0; i < tasks.length; i += ENQUEUE_BATCH) {
      await Promise.all(
        tasks.slice(i, i + ENQUEUE_BATCH).map((t) => enqueueTask(deps.repos.inbox, deps.clock, t)),
      );
    }
    await repo.markMany(marks, now);
    return {
      summary: `${sent} reminder(s) and ${escalated} escalation(s) queued, ${skipped} skipped as pointless, ${watched.length} watched activit(ies) examined`,
      counts: { sent, escalated, skipped, examined: watched.length },
    };
  },
};
