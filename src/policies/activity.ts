import type { Actor } from '../app/actor';
import { allowedEvents, isEditable, type ActivityState } from '../domain/activity-lifecycle';
import { EXTENDABLE_STATES } from '../domain/extension';
import { Refusal } from '../domain/refusal';
import { anyone, archivistsOnly, holds, policy } from './policy';

/** The parts of an activity the rules look at. */
export interface ActivitySubject {
  state: ActivityState;
  registrant: string;
  contact: string;
  unit: string;
  chatId?: string;
}

const organizes = (actor: Actor, a: ActivitySubject) =>
  actor.openId === a.registrant || actor.openId === a.contact;

/** Registrant, contact and archivists manage an activity (edit, cancel, bind a group, hand over). */
export const manages = (actor: Actor, a: ActivitySubject) =>
  holds(actor, 'archivist') || organizes(actor, a);

export const activityPolicies = {
  'activity.register': anyone(),
  'activity.view': anyone<ActivitySubject>(),
  'activity.manage': policy<ActivitySubject>(manages, () => new Refusal('errors.not_allowed')),
  'activity.restore': policy<ActivitySubject>(
    (actor) => holds(actor, 'archivist'),
    () => new Refusal('errors.not_archivist'),
  ),
  'activity.list_all': archivistsOnly(),
  /** Only the organizers ask for more time (archivists do not ask on their behalf). */
  'extension.request': policy<ActivitySubject>(
    organizes,
    () => new Refusal('errors.not_allowed', { action: 'request_extension' }),
  ),
  /** "Remind now": the archive room, admins, and the leader in charge of the activity's unit. */
  'deadline.remind_now': policy<ActivitySubject>(
    (actor, a) =>
      holds(actor, 'archivist') || holds(actor, 'admin') || actor.unitsLed.includes(a.unit),
    () => new Refusal('errors.not_archivist'),
  ),
};

export type ActivityButtonName =
  | 'bind_chat'
  | 'create_chat'
  | 'status'
  | 'edit'
  | 'cancel'
  | 'restore'
  | 'request_extension'
  | 'submit_handover';

/**
 * The next steps this actor may take with an activity, in display order: a card shows only these,
 * and the handler behind each button asks the same policy again when it is pressed.
 */
export function activityButtons(
  actor: Actor,
  activity: ActivitySubject,
  where: { chatType: 'p2p' | 'group'; chatId?: string; showStatus: boolean },
): ActivityButtonName[] {
  const manage = manages(actor, activity);
  const buttons: ActivityButtonName[] = [];
  const open = isEditable(activity.state);
  if (
    manage &&
    open &&
    where.chatType === 'group' &&
    where.chatId &&
    activity.chatId !== where.chatId
  )
    buttons.push('bind_chat');
  if (manage && open && !activity.chatId) buttons.push('create_chat');
  if (where.showStatus) buttons.push('status');
  // Handover once something is being collected (a bare registration has nothing to hand over).
  const events = allowedEvents(activity.state);
  const canHandOver = events.includes('submit_handover') || events.includes('resubmit');
  if (manage && canHandOver && activity.state !== 'registered') buttons.push('submit_handover');
  if (manage && open) buttons.push('edit');
  if (manage && events.includes('cancel')) buttons.push('cancel');
  if (holds(actor, 'archivist') && activity.state === 'cancelled') buttons.push('restore');
  if (organizes(actor, activity) && EXTENDABLE_STATES.includes(activity.state))
    buttons.push('request_extension');
  return buttons;
}
