import { escalationCard } from '../../cards/escalation';
import type { AppDeps } from '../app/deps';
import type { ActivityDoc } from '../db/models/activity';
import { daysBetweenCalendarDays, formatInTz } from '../domain/deadline';
import { escalationDue, dueReminders, reminderPolicy, reminderStateOf } from '../domain/reminders';
import { displayName, leaderInChargeOf } from '../domain/roles';
import type { Target } from '../feishu/messenger';
import { reminderCardFor } from '../services/deadlines/reminder-card';
import { unitName } from '../services/extensions/extension-views';
import type { Job } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Reminders start 7 days before the deadline; look a day further so nothing at the edge is missed. */
const LOOKAHEAD_MS = 8 * DAY_MS;

/**
 * Once 7 days overdue, and weekly after, the unit's leader in charge gets one escalation card (units
 * without one are covered by the archivists' daily digest). Keys per deadline, like the reminders.
 */
async function escalate(activity: ActivityDoc, now: Date, deps: AppDeps, sentKeys: Set<string>) {
  const policy = reminderPolicy({ tz: deps.config.tz });
  const key = escalationDue({
    deadline: activity.effectiveDeadline,
    now,
    tz: deps.config.tz,
    sentKeys,
    state: reminderStateOf(activity.state),
    policy,
  });
  if (!key) return false;
  const dir = await deps.repos.directory.load();
  const leader = leaderInChargeOf(activity.unit, dir);
  const repo = deps.repos.reminders;
  if (leader) {
    const card = escalationCard({
      activityId: activity._id,
      code: activity.code,
      title: activity.title,
      unitName: unitName(activity.unit, dir),
      contactName: displayName(activity.contact, dir),
      daysOverdue: daysBetweenCalendarDays(activity.effectiveDeadline, now, deps.config.tz),
      deadline: formatInTz(activity.effectiveDeadline, deps.config.tz, 'YYYY-MM-DD'),
    });
    const id = repo.markId(activity._id, activity.effectiveDeadline, key);
    await deps.messenger.sendCard({ openId: leader }, card, `escalation:${id}:${leader}`);
  }
  await repo.mark(
    activity._id,
    activity.effectiveDeadline,
    [key],
    leader ? 'sent' : 'skipped',
    now,
  );
  return Boolean(leader);
}

/**
 * Reminds the contact (privately) and the bound group of each activity that still owes its handover:
 * 7, 3 and 1 days before, on the due day's morning, then every 2 workdays while overdue; escalates to
 * the leader in charge at 7 days overdue and weekly after. What to send is the pure `dueReminders` /
 * `escalationDue` rule; each card goes out under a uuid derived from its send-once key and is then
 * marked, so overlapping runs, restarts and replicas never post twice, and a run after downtime
 * catches up with the latest reminder only. An extension resets the keys (they include the deadline).
 */
export const deadlineRemindersJob: Job = {
  name: 'deadline-reminders',
  cron: '*/15 * * * *',
  description:
    'Sends handover-deadline reminders (T-7, T-3, T-1, due day, every 2 workdays overdue) and escalations to the leader in charge.',
  async run({ now, deps, log }) {
    const policy = reminderPolicy({ tz: deps.config.tz });
    const repo = deps.repos.reminders;
    const candidates = await repo.owedBefore(new Date(now.getTime() + LOOKAHEAD_MS));
    let sent = 0;
    let skipped = 0;
    let escalated = 0;
    for (const activity of candidates) {
      const deadline = activity.effectiveDeadline;
      const marks = await repo.marked(activity._id, deadline);
      const result = dueReminders({
        deadline,
        now,
        policy,
        sentKeys: marks,
        state: reminderStateOf(activity.state),
      });
      for (const reminder of result.due) {
        const pending = await deps.repos.extensions.latestFor(activity._id);
        const card = await reminderCardFor(
          activity,
          reminder.overdueDays !== undefined
            ? { kind: 'overdue', days: reminder.overdueDays }
            : { kind: 'before', daysLeft: reminder.daysLeft ?? 0 },
          pending,
          deps,
        );
        const key = repo.markId(activity._id, deadline, reminder.key);
        const targets: Target[] = [
          { openId: activity.contact },
          ...(activity.chatId ? [{ chatId: activity.chatId }] : []),
        ];
        for (const target of targets) {
          await deps.messenger.sendCard(
            target,
            card,
            `reminder:${key}:${'chatId' in target ? target.chatId : target.openId}`,
          );
        }
        await repo.mark(activity._id, deadline, [reminder.key], 'sent', now);
        log.info(
          {
            activityId: activity._id,
            code: activity.code,
            key: reminder.key,
            targets: targets.length,
          },
          'reminder.sent',
        );
        sent += 1;
      }
      if (result.skipped.length) {
        await repo.mark(activity._id, deadline, result.skipped, 'skipped', now);
        skipped += result.skipped.length;
      }
      if (now.getTime() > deadline.getTime() && (await escalate(activity, now, deps, marks))) {
        log.info({ activityId: activity._id, code: activity.code }, 'reminder.escalated');
        escalated += 1;
      }
    }
    return {
      summary: `${sent} reminder(s) sent, ${escalated} escalation(s), ${skipped} skipped as pointless, ${candidates.length} activit(ies) examined`,
      counts: { sent, skipped, escalated, examined: candidates.length },
    };
  },
};
