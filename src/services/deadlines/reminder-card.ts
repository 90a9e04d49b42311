import { deadlineReminderCard, type DeadlineReminderView } from '../../../cards/deadline-reminder';
import type { Card } from '../../../cards/card';
import type { AppDeps } from '../../app/deps';
import type { ActivityDoc } from '../../db/models/activity';
import type { ExtensionRequestDoc } from '../../db/models/extension';
import { daysBetweenCalendarDays, formatInTz } from '../../domain/deadline';
import { EXTENDABLE_STATES } from '../../domain/extension';
import { reminderPolicy, type ReminderPolicy } from '../../domain/reminders';
import { materialCounts } from '../activities/cards';
import { checklistLines } from '../activities/view-models';

/** Days left (0 on the due day) or days overdue at `now`, as the reminder card states them. */
export function phaseAt(deadline: Date, now: Date, tz: string): DeadlineReminderView['phase'] {
  if (now.getTime() > deadline.getTime())
    return { kind: 'overdue', days: Math.max(1, daysBetweenCalendarDays(deadline, now, tz)) };
  return { kind: 'before', daysLeft: daysBetweenCalendarDays(now, deadline, tz) };
}

/**
 * The reminder card for an activity: deadline, what is missing, undescribed items, a pending
 * extension if any, and the status / request-extension buttons.
 */
export async function reminderCardFor(
  activity: ActivityDoc,
  phase: DeadlineReminderView['phase'],
  pending: ExtensionRequestDoc | null,
  deps: AppDeps,
): Promise<Card> {
  const tz = deps.config.tz;
  const counts = await materialCounts(activity, deps);
  return deadlineReminderCard({
    activityId: activity._id,
    code: activity.code,
    title: activity.title,
    deadline: formatInTz(activity.effectiveDeadline, tz, 'YYYY-MM-DD'),
    phase,
    missing: checklistLines(activity, counts)
      .filter((l) => l.required && !l.done)
      .map((l) => l.label),
    undescribed: counts.undescribed,
    canExtend: EXTENDABLE_STATES.includes(activity.state),
    ...(pending?.status === 'pending'
      ? { pendingExtension: formatInTz(pending.requestedDeadline, tz, 'YYYY-MM-DD') }
      : {}),
  });
}

/** The reminder policy configured for this bot (quiet hours, days off, hour, overdue spacing, calendar). */
export const policyOf = (deps: Pick<AppDeps, 'config' | 'calendar'>): ReminderPolicy =>
  reminderPolicy({ ...deps.config.reminders, tz: deps.config.tz, calendar: deps.calendar });
