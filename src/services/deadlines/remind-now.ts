import type { AppDeps } from '../../app/deps';
import { formatInTz } from '../../domain/deadline';
import { DomainError } from '../../domain/errors';
import { displayName, rolesOf } from '../../domain/roles';
import { td } from '../../i18n/messages-deadline';
import type { I18nText } from '../../i18n/t';
import { phaseAt, reminderCardFor } from './reminder-card';

/**
 * "Remind now" on the overdue digest or an escalation: archivists and the unit's leader in charge
 * send the contact a reminder at once; one per activity per day, whoever taps.
 */
export async function remindContactNow(
  activityId: string,
  operator: string,
  deps: AppDeps,
): Promise<{ sent: boolean; text: I18nText }> {
  const [activity, dir] = await Promise.all([
    deps.repos.activities.findById(activityId),
    deps.directory.load(),
  ]);
  if (!activity) throw new DomainError('activity_not_found');
  const roles = rolesOf(operator, dir);
  if (!roles.archivist && !roles.admin && !roles.leaderOf.includes(activity.unit))
    throw new DomainError('not_archivist');
  const now = deps.clock.now();
  const tz = deps.config.tz;
  const key = `remind-now:${activity._id}:${formatInTz(now, tz, 'YYYY-MM-DD')}`;
  const who = displayName(activity.contact, dir);
  if (await deps.messenger.alreadySent(key))
    return { sent: false, text: td('digest.toast.already', { who }) };
  const pending = await deps.repos.extensions.latestFor(activity._id);
  const card = await reminderCardFor(
    activity,
    phaseAt(activity.effectiveDeadline, now, tz),
    pending,
    deps,
  );
  await deps.messenger.sendCard({ openId: activity.contact }, card, key);
  await deps.repos.activities.recordAudit({
    activityId: activity._id,
    at: now,
    actor: operator,
    action: 'deadline.reminded',
    changes: [],
  });
  return { sent: true, text: td('digest.toast.reminded', { who }) };
}
