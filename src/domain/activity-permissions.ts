import { allowedEvents, isEditable, type ActivityState } from './activity-lifecycle';
import { EXTENDABLE_STATES } from './extension';
import type { Roles } from './roles';

/** The parts of an activity the rules look at. */
export interface ActivityAccessFacts {
  state: ActivityState;
  registrant: string;
  contact: string;
  unit: string;
  chatId?: string;
}

/** Registrant, contact and archivists may change an activity (until its handover is accepted). */
export function canManageActivity(roles: Roles, activity: ActivityAccessFacts): boolean {
  return (
    roles.archivist || roles.openId === activity.registrant || roles.openId === activity.contact
  );
}

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
 * The next steps a viewer may take, in display order: a card shows only these, and every handler
 * checks the same rule again when the button is pressed.
 */
export function activityButtons(
  roles: Roles,
  activity: ActivityAccessFacts,
  where: { chatType: 'p2p' | 'group'; chatId?: string; showStatus: boolean },
): ActivityButtonName[] {
  const manage = canManageActivity(roles, activity);
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
  if (manage && allowedEvents(activity.state).includes('cancel')) buttons.push('cancel');
  if (roles.archivist && activity.state === 'cancelled') buttons.push('restore');
  const organizer = roles.openId === activity.registrant || roles.openId === activity.contact;
  if (organizer && EXTENDABLE_STATES.includes(activity.state)) buttons.push('request_extension');
  return buttons;
}
