import type { ActivityDoc } from '../../db/models/activity';
import { parseRegistrationForm, type RegistrationField } from '../../domain/activity-input';
import { formatInTz, handoverDeadline } from '../../domain/deadline';
import type { I18nText } from '../../i18n/t';
import type { AppDeps } from '../../app/deps';

export type RegisterOutcome =
  | { ok: true; activity: ActivityDoc; created: boolean }
  | { ok: false; errors: Partial<Record<RegistrationField, I18nText>> };

/** Activity id derived from the form instance, so the same form can only ever create one activity. */
export const activityIdForDraft = (draftId: string) => `act_${draftId}`;

/**
 * Validates the registration form and creates the activity once: code, deadline (end + one calendar
 * month, end of day in the business time zone), and an audit entry. Invalid input stores nothing.
 */
export async function registerActivity(
  formValue: unknown,
  who: { operator: string; draftId: string; chatId?: string },
  deps: AppDeps,
): Promise<RegisterOutcome> {
  const dir = await deps.directory.load();
  const parsed = parseRegistrationForm(formValue, {
    unitCodes: dir.units.filter((u) => u.active).map((u) => u.code),
    senderOpenId: who.operator,
  });
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const v = parsed.value;
  const now = deps.clock.now();
  const deadline = handoverDeadline(v.endAt, deps.config.tz);
  const year = Number(formatInTz(v.startAt, deps.config.tz, 'YYYY'));
  const { activity, created } = await deps.repos.activities.createOnce(
    {
      _id: activityIdForDraft(who.draftId),
      year,
      title: v.title,
      category: v.category,
      unit: v.unit,
      coUnits: v.coUnits,
      startAt: v.startAt,
      endAt: v.endAt,
      ...(v.location ? { location: v.location } : {}),
      ...(v.summary ? { summary: v.summary } : {}),
      contact: v.contact,
      registrant: who.operator,
      state: 'registered',
      deadline,
      effectiveDeadline: deadline,
      ...(who.chatId ? { originChatId: who.chatId } : {}),
    },
    now,
  );
  if (created) {
    await deps.repos.activities.recordAudit({
      activityId: activity._id,
      at: now,
      actor: who.operator,
      action: 'registered',
      changes: [],
    });
  }
  return { ok: true, activity, created };
}
