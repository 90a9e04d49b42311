import {
  ACTIVITY_EVENTS,
  ACTIVITY_STATES,
  allowedEvents,
  isActivityState,
  isEditable,
  stateLabel,
  transition,
  type ActivityEvent,
  type ActivityState,
} from '../../../src/domain/activity-lifecycle';

/** The whole machine, written out by hand: anything not listed is refused. */
const ALLOWED: Record<ActivityState, Partial<Record<ActivityEvent, ActivityState>>> = {
  registered: {
    start_collecting: 'collecting',
    end: 'ended',
    submit_handover: 'handover_submitted',
    cancel: 'cancelled',
  },
  collecting: { end: 'ended', submit_handover: 'handover_submitted', cancel: 'cancelled' },
  ended: { submit_handover: 'handover_submitted', cancel: 'cancelled' },
  handover_submitted: { return: 'returned', accept: 'accepted', cancel: 'cancelled' },
  returned: { resubmit: 'handover_submitted', cancel: 'cancelled' },
  accepted: {},
  cancelled: { restore: 'collecting' },
};

const ctx = { reason: '活动取消 / called off', restoreTo: 'collecting' as const };
const table = ACTIVITY_STATES.flatMap((state) =>
  ACTIVITY_EVENTS.map((event) => [state, event, ALLOWED[state][event] ?? null] as const),
);

describe('transition: every state × event', () => {
  it.each(table)('%s + %s → %s', (state, event, expected) => {
    const result = transition(state, event, ctx);
    if (expected === null) {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid_transition');
        expect(result.error.details).toEqual({ from: state, event });
      }
    } else {
      expect(result).toEqual({ ok: true, state: expected });
    }
  });
});

describe('transition: context requirements', () => {
  it.each<[string, ActivityState, ActivityEvent, Parameters<typeof transition>[2], string]>([
    ['cancel without a reason', 'collecting', 'cancel', {}, 'reason'],
    ['cancel with a blank reason', 'registered', 'cancel', { reason: '   ' }, 'reason'],
    ['return without a reason', 'handover_submitted', 'return', undefined, 'reason'],
    ['restore without a target', 'cancelled', 'restore', {}, 'restoreTo'],
    ['restore to accepted', 'cancelled', 'restore', { restoreTo: 'accepted' }, 'restoreTo'],
    ['restore to cancelled', 'cancelled', 'restore', { restoreTo: 'cancelled' }, 'restoreTo'],
  ])('%s is a validation error', (_name, state, event, context, field) => {
    const result = transition(state, event, context);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('validation_failed');
      expect(result.error.details).toMatchObject({ field, event });
    }
  });

  it.each<ActivityState>(['registered', 'collecting', 'ended', 'handover_submitted', 'returned'])(
    'restore brings back %s',
    (restoreTo) => {
      expect(transition('cancelled', 'restore', { restoreTo })).toEqual({
        ok: true,
        state: restoreTo,
      });
    },
  );

  it('checks the state before the context', () => {
    const result = transition('accepted', 'cancel', {});
    expect(!result.ok && result.error.code).toBe('invalid_transition');
  });
});

describe('allowedEvents', () => {
  it.each(ACTIVITY_STATES)('%s', (state) => {
    expect(allowedEvents(state).sort()).toEqual(Object.keys(ALLOWED[state]).sort());
  });
});

describe('isEditable', () => {
  it.each<[ActivityState, boolean]>([
    ['registered', true],
    ['collecting', true],
    ['ended', true],
    ['handover_submitted', true],
    ['returned', true],
    ['accepted', false],
    ['cancelled', false],
  ])('%s → %s', (state, expected) => {
    expect(isEditable(state)).toBe(expected);
  });
});

describe('stateLabel', () => {
  it.each(ACTIVITY_STATES)('%s has a label in both languages', (state) => {
    const zh = stateLabel(state, 'zh_cn');
    const en = stateLabel(state, 'en_us');
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(en).toMatch(/^[A-Z][A-Za-z ,]+$/);
  });

  it('labels are distinct', () => {
    expect(new Set(ACTIVITY_STATES.map((s) => stateLabel(s, 'zh_cn'))).size).toBe(7);
    expect(new Set(ACTIVITY_STATES.map((s) => stateLabel(s, 'en_us'))).size).toBe(7);
  });
});

describe('isActivityState', () => {
  it.each([
    ['collecting', true],
    ['archived', false],
    [3, false],
    [undefined, false],
  ])('%j → %s', (value, expected) => {
    expect(isActivityState(value)).toBe(expected);
  });
});
