/**
 * Extension requests (第七条1: a handover later than one month needs the leader in charge's approval), as
 * a small state machine: `pending ─approve→ approved`, `pending ─reject→ rejected`; both are final.
 *
 * The organizer (registrant or contact) asks for a later date with a reason; the unit's leader in charge
 * decides with one tap on a card. A unit without a leader in charge in the directory falls back to the
 * archivists, so a request never waits for nobody. Services store the request, call `decideExtension`, and
 * write the new status with a conditional update on `pending`, so two racing taps can't both win.
 */
import type { ActivityState } from './activity-lifecycle';
import { validateExtensionDate } from './deadline';
import type { Directory } from './directory';
import { DomainError } from './errors';
import { isQuietTime, type ReminderPolicy } from './reminders';
import { leaderInChargeOf, type Roles } from './roles';
import { isWorkday, workdaysBetween } from './workdays';

export const EXTENSION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];
export type ExtensionDecisionKind = 'approve' | 'reject';

/** Narrows a stored string to a status (documents read back from the database). */
export function isExtensionStatus(value: unknown): value is ExtensionStatus {
  return typeof value === 'string' && (EXTENSION_STATUSES as readonly string[]).includes(value);
}

/** Longest reason or decision comment, in characters (code points). */
export const EXTENSION_TEXT_MAX = 500;

/**
 * Activity states in which the deadline still runs and an extension makes sense. Not after a handover
 * was submitted (the archivist has it), accepted, or cancelled; a returned handover is open again.
 */
export const EXTENDABLE_STATES: readonly ActivityState[] = [
  'registered',
  'collecting',
  'ended',
  'returned',
];

export interface ExtensionRequestInput {
  activityState: ActivityState;
  /** The effective deadline now (after earlier approved extensions). */
  currentDeadline: Date;
  /** Any instant on the requested day (e.g. a date picker's midnight); only its calendar day in `tz` counts. */
  requestedDate: Date;
  reason: string;
  /** open_id of the person asking. */
  requester: string;
  registrant: string;
  contact: string;
  tz: string;
  /** Optional: when given, a requested day before today (in `tz`) is refused as pointless. */
  now?: Date;
}

export interface ValidExtensionRequest {
  /** End (23:59:59.999 in `tz`) of the requested day. */
  newDeadline: Date;
  /** The reason, trimmed. */
  reason: string;
}

function codePoints(text: string): number {
  return [...text].length;
}

/**
 * Validates a new extension request, in this order (the first failure throws):
 * 1. the requester is the activity's registrant or contact → else `DomainError('not_allowed')`;
 * 2. the activity is open (`EXTENDABLE_STATES`) → else `DomainError('invalid_transition', { from, event:
 *    'request_extension' })`;
 * 3. the reason is non-blank and at most 500 characters after trimming → else
 *    `DomainError('validation_failed', { field: 'reason' })` (with `max` when too long);
 * 4. the requested day is a later calendar day than the current deadline's, in `tz` →
 *    else `DomainError('extension_not_later')` (via `validateExtensionDate`); with `now`, it must also not
 *    be before today → else `DomainError('validation_failed', { field: 'requestedDate' })`.
 * Returns the new deadline (end of the requested day) and the trimmed reason; the status starts `pending`.
 */
export function requestExtension(input: ExtensionRequestInput): ValidExtensionRequest {
  const { requester, registrant, contact, activityState, tz } = input;
  if (requester !== registrant && requester !== contact) {
    throw new DomainError('not_allowed', { action: 'request_extension' });
  }
  if (!EXTENDABLE_STATES.includes(activityState)) {
    throw new DomainError('invalid_transition', {
      from: activityState,
      event: 'request_extension',
    });
  }
  const reason = input.reason.trim();
  if (!reason) throw new DomainError('validation_failed', { field: 'reason' });
  if (codePoints(reason) > EXTENSION_TEXT_MAX) {
    throw new DomainError('validation_failed', { field: 'reason', max: EXTENSION_TEXT_MAX });
  }
  const newDeadline = validateExtensionDate(input.currentDeadline, input.requestedDate, tz);
  if (input.now && newDeadline.getTime() < input.now.getTime()) {
    throw new DomainError('validation_failed', { field: 'requestedDate' });
  }
  return { newDeadline, reason };
}

/** Who decides a unit's extension requests. */
export type ExtensionDecider = { kind: 'leader'; openId: string } | { kind: 'archivists' };

/**
 * The unit's leader in charge (active unit in the directory), or `{ kind: 'archivists' }` when the
 * directory names none (or the unit is unknown or inactive): then any archivist decides.
 */
export function deciderFor(unitCode: string, dir: Directory): ExtensionDecider {
  const leader = leaderInChargeOf(unitCode, dir);
  return leader ? { kind: 'leader', openId: leader } : { kind: 'archivists' };
}

/** Whether `actor` may decide the unit's requests (cards use it to show the approve/reject buttons). */
export function canDecideExtension(actor: Roles, unitCode: string, dir: Directory): boolean {
  const decider = deciderFor(unitCode, dir);
  return decider.kind === 'leader' ? actor.openId === decider.openId : actor.archivist;
}

export interface DecideExtensionInput {
  request: {
    status: ExtensionStatus;
    unit: string;
    /** Who decided, once decided; reported in the `already_decided` error. */
    decider?: string;
  };
  decision: ExtensionDecisionKind;
  actor: Roles;
  dir: Directory;
  /** Optional note to the organizer, at most 500 characters; blank counts as none. */
  comment?: string;
}

export interface ExtensionDecision {
  status: Exclude<ExtensionStatus, 'pending'>;
  decidedBy: string;
  /** Whether the actor decided as the leader in charge or as an archivist standing in for none. */
  decidedAs: 'leader' | 'archivist';
  comment?: string;
}

/**
 * Decides a pending request. Authority comes from the directory *at decision time*, not from whoever the
 * card was sent to, so a replaced leader's old card no longer works:
 * - the unit has a leader in charge → only that person; anyone else, archivists and admins included →
 *   `DomainError('not_leader_in_charge', { leader: <open_id> })`;
 * - the unit has none → any archivist; anyone else → `DomainError('not_leader_in_charge', { leader:
 *   'archivists' })`.
 * Then: a request not `pending` → `DomainError('already_decided', { status, decider })` (checked after
 * authority, so strangers learn nothing); a comment over 500 characters →
 * `DomainError('validation_failed', { field: 'comment' })`; a decision other than approve/reject →
 * `DomainError('validation_failed', { field: 'decision' })`.
 */
export function decideExtension(input: DecideExtensionInput): ExtensionDecision {
  const { request, decision, actor, dir } = input;
  const decider = deciderFor(request.unit, dir);
  if (!canDecideExtension(actor, request.unit, dir)) {
    throw new DomainError('not_leader_in_charge', {
      leader: decider.kind === 'leader' ? decider.openId : 'archivists',
    });
  }
  if (request.status !== 'pending') {
    throw new DomainError('already_decided', {
      status: request.status,
      ...(request.decider !== undefined ? { decider: request.decider } : {}),
    });
  }
  if (decision !== 'approve' && decision !== 'reject') {
    throw new DomainError('validation_failed', { field: 'decision', value: decision as unknown });
  }
  const comment = input.comment?.trim();
  if (comment && codePoints(comment) > EXTENSION_TEXT_MAX) {
    throw new DomainError('validation_failed', { field: 'comment', max: EXTENSION_TEXT_MAX });
  }
  return {
    status: decision === 'approve' ? 'approved' : 'rejected',
    decidedBy: actor.openId,
    decidedAs: decider.kind === 'leader' ? 'leader' : 'archivist',
    ...(comment ? { comment } : {}),
  };
}

/** How long a Feishu JSON 2.0 card accepts interactions after it was sent. */
export const CARD_INTERACTION_WINDOW_MS = 14 * 24 * 60 * 60 * 1000;
/** Margin before that window closes, so a card is replaced before a tap can fail. */
export const CARD_SAFETY_MARGIN_MS = 60 * 60 * 1000;

/**
 * When a decision card sent at `sentAt` should be considered dead: 14 days (absolute, 336 hours) minus a
 * safety hour. A request still pending then needs a fresh card.
 */
export function cardExpiry(sentAt: Date): Date {
  return new Date(sentAt.getTime() + CARD_INTERACTION_WINDOW_MS - CARD_SAFETY_MARGIN_MS);
}

/** Whether a pending request's card, sent at `sentAt`, must be re-sent at `now` (at or past expiry). */
export function needsResend(sentAt: Date, now: Date): boolean {
  return now.getTime() >= cardExpiry(sentAt).getTime();
}

/** Workdays a request may wait before its decider is reminded. */
export const PENDING_REMINDER_WORKDAYS = 2;

/**
 * Workdays a pending request has waited, when its one reminder to the decider is due at `now` (2
 * workdays of the policy's calendar after the request, on a workday, outside quiet hours); `undefined`
 * otherwise. The caller sends it once.
 */
export function pendingReminderDue(
  createdAt: Date,
  now: Date,
  policy: ReminderPolicy,
): number | undefined {
  if (isQuietTime(now, policy) || !isWorkday(now, policy.tz, policy.calendar)) return undefined;
  const waited = workdaysBetween(createdAt, now, policy.tz, policy.calendar);
  return waited >= PENDING_REMINDER_WORKDAYS ? waited : undefined;
}
