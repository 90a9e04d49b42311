import type { AppDeps } from '../../app/deps';
import type { ActivityDoc } from '../../db/models/activity';
import { parseActivityEdit, type EditField } from '../../domain/activity-input';
import { isEditable, transition, type ActivityState } from '../../domain/activity-lifecycle';
import { canManageActivity } from '../../domain/activity-permissions';
import { handoverDeadline } from '../../domain/deadline';
import type { Directory } from '../../domain/directory';
import { DomainError } from '../../domain/errors';
import { rolesOf } from '../../domain/roles';
import type { I18nText } from '../../i18n/t';

const OPEN_STATES: ActivityState[] = [
  'registered',
  'collecting',
  'ended',
  'handover_submitted',
  'returned',
];

/** Loads an activity the operator may manage (registrant, contact, archivist), or throws a coded error. */
export async function loadManaged(
  activityId: string,
  operator: string,
  deps: AppDeps,
): Promise<{ activity: ActivityDoc; dir: Directory }> {
  const [activity, dir] = await Promise.all([
    deps.repos.activities.findById(activityId),
    deps.directory.load(),
  ]);
  if (!activity) throw new DomainError('activity_not_found');
  if (!canManageActivity(rolesOf(operator, dir), activity)) throw new DomainError('not_allowed');
  return { activity, dir };
}

export type BindOutcome =
  | { kind: 'bound'; activity: ActivityDoc }
  | { kind: 'already'; activity: ActivityDoc }
  | { kind: 'confirm'; activity: ActivityDoc; current: ActivityDoc };

/**
 * Makes a group collect for an activity. A group collects for one activity at a time: if it already
 * collects for another, nothing changes until the person confirms (`confirmed`), and the move is logged.
 */
export async function bindChat(
  activityId: string,
  chatId: string,
  operator: string,
  confirmed: boolean,
  deps: AppDeps,
): Promise<BindOutcome> {
  const { activity } = await loadManaged(activityId, operator, deps);
  if (!isEditable(activity.state))
    throw new DomainError('invalid_transition', { from: activity.state, event: 'bind' });
  const repo = deps.repos.activities;
  const binding = await repo.bindingOf(chatId);
  if (binding?.activityId === activityId) return { kind: 'already', activity };
  const current = binding ? await repo.findById(binding.activityId) : null;
  if (current && !confirmed) return { kind: 'confirm', activity, current };
  const now = deps.clock.now();
  const chatName = await repo.chatName(chatId);
  await repo.bind(chatId, activityId, operator, now, chatName);
  if (activity.state === 'registered')
    await repo.update(activityId, ['registered'], { state: 'collecting' }, [], now);
  await repo.recordAudit({
    activityId,
    at: now,
    actor: operator,
    action: current ? 'rebound' : 'bound',
    changes: [
      { field: 'chat', before: activity.chatName ?? activity.chatId, after: chatName ?? chatId },
    ],
  });
  if (current) {
    await repo.recordAudit({
      activityId: current._id,
      at: now,
      actor: operator,
      action: 'unbound',
      changes: [{ field: 'chat', before: chatId }],
    });
  }
  return { kind: 'bound', activity: (await repo.findById(activityId))! };
}

/** The bot left a group: unbind it and return the activity that lost its collection chat. */
export async function unbindChat(chatId: string, deps: AppDeps): Promise<ActivityDoc | null> {
  const now = deps.clock.now();
  const activityId = await deps.repos.activities.unbind(chatId, now);
  if (!activityId) return null;
  await deps.repos.activities.recordAudit({
    activityId,
    at: now,
    actor: 'bot',
    action: 'unbound',
    changes: [{ field: 'chat', before: chatId }],
  });
  return deps.repos.activities.findById(activityId);
}

export type EditOutcome =
  | { ok: true; activity: ActivityDoc; changed: EditField[] }
  | { ok: false; errors: Partial<Record<EditField, I18nText>> };

/**
 * Edits title, category, times, location, summary until the handover is accepted. A new end
 * recomputes the deadline; an approved extension keeps its date when it is later.
 */
export async function editActivity(
  activityId: string,
  formValue: unknown,
  operator: string,
  deps: AppDeps,
): Promise<EditOutcome> {
  const { activity } = await loadManaged(activityId, operator, deps);
  if (!isEditable(activity.state))
    throw new DomainError('invalid_transition', { from: activity.state, event: 'edit' });
  const parsed = parseActivityEdit(formValue, {
    current: { startAt: activity.startAt, endAt: activity.endAt },
  });
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const edit = parsed.value;
  const set: Partial<ActivityDoc> = {};
  const unset: (keyof ActivityDoc)[] = [];
  const changes: { field: string; before?: unknown; after?: unknown }[] = [];
  const note = (field: EditField, before: unknown, after: unknown) => {
    const same =
      before instanceof Date && after instanceof Date
        ? before.getTime() === after.getTime()
        : before === after;
    if (!same) changes.push({ field, before, after });
  };
  if (edit.title !== undefined) {
    note('title', activity.title, edit.title);
    set.title = edit.title;
  }
  if (edit.category !== undefined) {
    note('category', activity.category, edit.category);
    set.category = edit.category;
  }
  if (edit.startAt !== undefined) {
    note('start_at', activity.startAt, edit.startAt);
    set.startAt = edit.startAt;
  }
  if (edit.endAt !== undefined) {
    note('end_at', activity.endAt, edit.endAt);
    set.endAt = edit.endAt;
    set.deadline = handoverDeadline(edit.endAt, deps.config.tz);
    const ext = activity.extendedDeadline;
    set.effectiveDeadline = ext && ext > set.deadline ? ext : set.deadline;
  }
  for (const field of ['location', 'summary'] as const) {
    const value = edit[field];
    if (value === undefined) continue;
    note(field, activity[field] ?? null, value);
    if (value === null) unset.push(field);
    else set[field] = value;
  }
  if (changes.length === 0) return { ok: true, activity, changed: [] };
  const now = deps.clock.now();
  const updated = await deps.repos.activities.update(activityId, OPEN_STATES, set, unset, now);
  if (!updated)
    throw new DomainError('invalid_transition', { from: activity.state, event: 'edit' });
  await deps.repos.activities.recordAudit({
    activityId,
    at: now,
    actor: operator,
    action: 'edited',
    changes,
  });
  return { ok: true, activity: updated, changed: changes.map((c) => c.field as EditField) };
}

/** Cancels with a reason (required); the state before is kept so an archivist can restore it. */
export async function cancelActivity(
  activityId: string,
  reason: string,
  operator: string,
  deps: AppDeps,
): Promise<ActivityDoc> {
  const { activity } = await loadManaged(activityId, operator, deps);
  const result = transition(activity.state, 'cancel', { reason });
  if (!result.ok) throw result.error;
  const now = deps.clock.now();
  const updated = await deps.repos.activities.update(
    activityId,
    [activity.state],
    { state: 'cancelled', stateBeforeCancel: activity.state, cancelReason: reason.trim() },
    [],
    now,
  );
  if (!updated)
    throw new DomainError('invalid_transition', { from: activity.state, event: 'cancel' });
  await deps.repos.activities.recordAudit({
    activityId,
    at: now,
    actor: operator,
    action: 'cancelled',
    changes: [{ field: 'state', before: activity.state, after: 'cancelled' }],
    reason: reason.trim(),
  });
  return updated;
}

/** Archivists restore a cancelled activity to the state it had. */
export async function restoreActivity(
  activityId: string,
  operator: string,
  deps: AppDeps,
): Promise<ActivityDoc> {
  const [activity, dir] = await Promise.all([
    deps.repos.activities.findById(activityId),
    deps.directory.load(),
  ]);
  if (!activity) throw new DomainError('activity_not_found');
  if (!rolesOf(operator, dir).archivist) throw new DomainError('not_archivist');
  const result = transition(activity.state, 'restore', {
    restoreTo: activity.stateBeforeCancel ?? 'registered',
  });
  if (!result.ok) throw result.error;
  const now = deps.clock.now();
  const updated = await deps.repos.activities.update(
    activityId,
    ['cancelled'],
    { state: result.state },
    ['stateBeforeCancel', 'cancelReason'],
    now,
  );
  if (!updated)
    throw new DomainError('invalid_transition', { from: activity.state, event: 'restore' });
  await deps.repos.activities.recordAudit({
    activityId,
    at: now,
    actor: operator,
    action: 'restored',
    changes: [{ field: 'state', before: 'cancelled', after: result.state }],
  });
  return updated;
}
