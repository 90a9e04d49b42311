import { escalationCard } from '../../../cards/escalation';
import type { AppDeps } from '../../app/deps';
import { daysBetweenCalendarDays, formatInTz } from '../../domain/deadline';
import { reminderStateOf } from '../../domain/reminders';
import { displayName, leaderInChargeOf } from '../../domain/roles';
import type { Target } from '../../feishu/messenger';
import { unitName } from '../extensions/extension-views';
import { reminderCardFor } from './reminder-card';

/** Inbox task: one deadline reminder to the contact and the bound group. */
export const DEADLINE_REMINDER_TASK = 'task.deadline_reminder';
/** Inbox task: one escalation card to the unit's leader in charge. */
export const DEADLINE_ESCALATION_TASK = 'task.deadline_escalation';

/**
 * Reads the activity afresh: one handed over, cancelled or given a new deadline since the job queued
 * the reminder drops it (it would be stale), so a handover silences reminders at once.
 */
async function stillOwed(payload: Record<string, unknown>, deps: AppDeps) {
  const activity = await deps.repos.activities.findById(String(payload.activityId));
  if (!activity || reminderStateOf(activity.state) !== 'open') return null;
  if (activity.effectiveDeadline.toISOString() !== payload.deadline) return null;
  return activity;
}

export async function sendDeadlineReminder(
  payload: Record<string, unknown>,
  taskKey: string,
  deps: AppDeps,
): Promise<void> {
  const activity = await stillOwed(payload, deps);
  if (!activity) return;
  const phase =
    typeof payload.overdueDays === 'number'
      ? { kind: 'overdue' as const, days: payload.overdueDays }
      : { kind: 'before' as const, daysLeft: Number(payload.daysLeft ?? 0) };
  const pending = await deps.repos.extensions.latestFor(activity._id);
  const card = await reminderCardFor(activity, phase, pending, deps);
  const targets: Target[] = [
    { openId: activity.contact },
    ...(activity.chatId ? [{ chatId: activity.chatId }] : []),
  ];
  for (const target of targets) {
    const to = 'chatId' in target ? target.chatId : target.openId;
    await deps.messenger.sendCard(target, card, `${taskKey}:${to}`);
  }
}

/** Units without a leader in charge are covered by the archivists' daily digest instead. */
export async function sendEscalation(
  payload: Record<string, unknown>,
  taskKey: string,
  deps: AppDeps,
): Promise<void> {
  const activity = await stillOwed(payload, deps);
  if (!activity) return;
  const dir = await deps.directory.load();
  const leader = leaderInChargeOf(activity.unit, dir);
  if (!leader) return;
  const tz = deps.config.tz;
  const card = escalationCard({
    activityId: activity._id,
    code: activity.code,
    title: activity.title,
    unitName: unitName(activity.unit, dir),
    contactName: displayName(activity.contact, dir),
    daysOverdue: daysBetweenCalendarDays(activity.effectiveDeadline, deps.clock.now(), tz),
    deadline: formatInTz(activity.effectiveDeadline, tz, 'YYYY-MM-DD'),
  });
  await deps.messenger.sendCard({ openId: leader }, card, `${taskKey}:${leader}`);
}
