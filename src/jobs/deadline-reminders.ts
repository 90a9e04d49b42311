import { deadlineReminderCard } from '../../cards/deadline-reminder';
import { dueReminders, reminderPolicy, reminderStateOf } from '../domain/reminders';
import { formatInTz } from '../domain/deadline';
import type { Target } from '../feishu/messenger';
import { materialCounts } from '../services/activities/cards';
import { checklistLines } from '../services/activities/view-models';
import type { Job } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Reminders start 7 days before the deadline; look a day further so nothing at the edge is missed. */
const LOOKAHEAD_MS = 8 * DAY_MS;

/**
 * Reminds the contact (privately) and the bound group of each activity that still owes its handover:
 * 7, 3 and 1 days before, on the due day's morning, then every 2 workdays while overdue. What to send
 * is the pure `dueReminders` rule; each reminder is sent under a uuid derived from its send-once key
 * and then marked, so overlapping runs, restarts and replicas never post twice, and a run after
 * downtime catches up with the latest reminder only.
 */
export const deadlineRemindersJob: Job = {
  name: 'deadline-reminders',
  cron: '*/15 * * * *',
  description:
    'Sends handover-deadline reminders (T-7, T-3, T-1, due day, every 2 workdays overdue).',
  async run({ now, deps, log }) {
    const policy = reminderPolicy({ tz: deps.config.tz });
    const repo = deps.repos.reminders;
    const candidates = await repo.owedBefore(new Date(now.getTime() + LOOKAHEAD_MS));
    let sent = 0;
    let skipped = 0;
    for (const activity of candidates) {
      const deadline = activity.effectiveDeadline;
      const result = dueReminders({
        deadline,
        now,
        policy,
        sentKeys: await repo.marked(activity._id, deadline),
        state: reminderStateOf(activity.state),
      });
      for (const reminder of result.due) {
        const counts = await materialCounts(activity, deps);
        const card = deadlineReminderCard({
          activityId: activity._id,
          code: activity.code,
          title: activity.title,
          deadline: formatInTz(deadline, deps.config.tz, 'YYYY-MM-DD'),
          phase:
            reminder.overdueDays !== undefined
              ? { kind: 'overdue', days: reminder.overdueDays }
              : { kind: 'before', daysLeft: reminder.daysLeft ?? 0 },
          missing: checklistLines(activity, counts)
            .filter((l) => l.required && !l.done)
            .map((l) => l.label),
          undescribed: counts.undescribed,
        });
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
    }
    return {
      summary: `${sent} reminder(s) sent, ${skipped} skipped as pointless, ${candidates.length} activit(ies) examined`,
      counts: { sent, skipped, examined: candidates.length },
    };
  },
};
