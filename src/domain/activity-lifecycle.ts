/**
 * The life of an activity's archive, as a pure state machine. Services load the current state, call
 * `transition`, and write the result with a conditional update on the old state, so two racing taps can't
 * both win.
 *
 *   registered ─start_collecting→ collecting ─end→ ended
 *   registered|collecting|ended ─submit_handover→ handover_submitted ─accept→ accepted (final)
 *                                                 handover_submitted ─return→ returned ─resubmit→ handover_submitted
 *   any but accepted/cancelled ─cancel(reason)→ cancelled ─restore(restoreTo)→ the state before cancel
 */
import type { Lang } from '../i18n/t';
import { DomainError } from './errors';

export const ACTIVITY_STATES = [
  'registered',
  'collecting',
  'ended',
  'handover_submitted',
  'returned',
  'accepted',
  'cancelled',
] as const;
export type ActivityState = (typeof ACTIVITY_STATES)[number];

export const ACTIVITY_EVENTS = [
  'start_collecting',
  'end',
  'submit_handover',
  'return',
  'resubmit',
  'accept',
  'cancel',
  'restore',
] as const;
export type ActivityEvent = (typeof ACTIVITY_EVENTS)[number];

/** Extra input some events need. */
export interface TransitionContext {
  /** Required (non-blank) for `cancel` and `return`: the regulation wants returns explained (第七条3). */
  reason?: string;
  /** Required for `restore`: the state recorded when the activity was cancelled. */
  restoreTo?: ActivityState;
}

export type TransitionResult =
  | { ok: true; state: ActivityState }
  | { ok: false; error: DomainError };

/** Where each event may start from. `restore` is special-cased: its target comes from the context. */
const FROM: Record<ActivityEvent, readonly ActivityState[]> = {
  start_collecting: ['registered'],
  // The end time passing; an early handover already moved on, so `end` no longer applies then.
  end: ['registered', 'collecting'],
  // Organizers may hand over before the end time, e.g. when everything is already in.
  submit_handover: ['registered', 'collecting', 'ended'],
  return: ['handover_submitted'],
  resubmit: ['returned'],
  accept: ['handover_submitted'],
  cancel: ['registered', 'collecting', 'ended', 'handover_submitted', 'returned'],
  restore: ['cancelled'],
};

const TO: Record<Exclude<ActivityEvent, 'restore'>, ActivityState> = {
  start_collecting: 'collecting',
  end: 'ended',
  submit_handover: 'handover_submitted',
  return: 'returned',
  resubmit: 'handover_submitted',
  accept: 'accepted',
  cancel: 'cancelled',
};

/** States an activity can be cancelled from, and so restored to. */
const RESTORABLE: readonly ActivityState[] = FROM.cancel;

/**
 * Applies `event` to `state`. Never throws: a refused event is `{ ok: false }` with
 * `DomainError('invalid_transition', { from, event })`; a missing reason or restore target with
 * `DomainError('validation_failed', { field })`, so handlers can toast either one.
 */
export function transition(
  state: ActivityState,
  event: ActivityEvent,
  ctx: TransitionContext = {},
): TransitionResult {
  if (!FROM[event].includes(state)) {
    return { ok: false, error: new DomainError('invalid_transition', { from: state, event }) };
  }
  if ((event === 'cancel' || event === 'return') && !ctx.reason?.trim()) {
    return { ok: false, error: new DomainError('validation_failed', { field: 'reason', event }) };
  }
  if (event === 'restore') {
    if (ctx.restoreTo === undefined || !RESTORABLE.includes(ctx.restoreTo)) {
      return {
        ok: false,
        error: new DomainError('validation_failed', {
          field: 'restoreTo',
          event,
          to: ctx.restoreTo,
        }),
      };
    }
    return { ok: true, state: ctx.restoreTo };
  }
  return { ok: true, state: TO[event] };
}

/** Events that `state` accepts (context requirements aside); cards use it to choose their buttons. */
export function allowedEvents(state: ActivityState): ActivityEvent[] {
  return ACTIVITY_EVENTS.filter((event) => FROM[event].includes(state));
}

/**
 * Whether organizers may still change the activity's details and materials: until the archivist accepts
 * (including while a handover is under review), never while cancelled (restore it first).
 */
export function isEditable(state: ActivityState): boolean {
  return state !== 'accepted' && state !== 'cancelled';
}

const LABELS: Record<ActivityState, Record<Lang, string>> = {
  registered: { zh_cn: '已登记', en_us: 'Registered' },
  collecting: { zh_cn: '收集中', en_us: 'Collecting' },
  ended: { zh_cn: '已结束，待移交', en_us: 'Ended, awaiting handover' },
  handover_submitted: { zh_cn: '已提交移交', en_us: 'Handover submitted' },
  returned: { zh_cn: '已退回', en_us: 'Returned' },
  accepted: { zh_cn: '已验收归档', en_us: 'Accepted' },
  cancelled: { zh_cn: '已取消', en_us: 'Cancelled' },
};

/** The state's name in `lang`, for cards and lists. */
export function stateLabel(state: ActivityState, lang: Lang): string {
  return LABELS[state][lang];
}

/** Narrows a stored string to a state (documents read back from the database). */
export function isActivityState(value: unknown): value is ActivityState {
  return typeof value === 'string' && (ACTIVITY_STATES as readonly string[]).includes(value);
}
