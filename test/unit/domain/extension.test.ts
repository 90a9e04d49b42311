import type { ActivityState } from '../../../src/domain/activity-lifecycle';
import type { Directory } from '../../../src/domain/directory';
import { DomainError } from '../../../src/domain/errors';
import {
  canDecideExtension,
  cardExpiry,
  decideExtension,
  deciderFor,
  isExtensionStatus,
  needsResend,
  requestExtension,
  type DecideExtensionInput,
  type ExtensionRequestInput,
  type ExtensionStatus,
} from '../../../src/domain/extension';
import { rolesOf } from '../../../src/domain/roles';

const SH = 'Asia/Shanghai';
const d = (iso: string) => new Date(iso);

const LEADER = 'ou_leader';
const ARCHIVIST = 'ou_archivist';
const REGISTRANT = 'ou_registrant';
const CONTACT = 'ou_contact';
const STRANGER = 'ou_stranger';
const ADMIN = 'ou_admin';

const DIR: Directory = {
  units: [
    { code: 'CS', name: '计算机学院', leaderInCharge: LEADER, contacts: [CONTACT], active: true },
    { code: 'ART', name: '艺术学院', contacts: [], active: true },
    { code: 'OLD', name: '旧单位', leaderInCharge: LEADER, contacts: [], active: false },
  ],
  people: [],
  archivists: [ARCHIVIST],
  publicity: [],
  admins: [ADMIN],
};

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a DomainError');
}

describe('requestExtension', () => {
  const base: ExtensionRequestInput = {
    activityState: 'ended',
    currentDeadline: d('2026-04-06T23:59:59.999+08:00'),
    requestedDate: d('2026-04-20T00:00:00+08:00'),
    reason: '  照片仍在整理  ',
    requester: REGISTRANT,
    registrant: REGISTRANT,
    contact: CONTACT,
    tz: SH,
  };

  it.each([
    ['the registrant', REGISTRANT],
    ['the contact', CONTACT],
  ])('%s may ask; the new deadline is the end of the requested day', (_label, requester) => {
    expect(requestExtension({ ...base, requester })).toEqual({
      newDeadline: d('2026-04-20T23:59:59.999+08:00'),
      reason: '照片仍在整理',
    });
  });

  it.each<ActivityState>(['registered', 'collecting', 'ended', 'returned'])(
    'an open activity (%s) may be extended',
    (activityState) => {
      expect(() => requestExtension({ ...base, activityState })).not.toThrow();
    },
  );

  it('takes the requested day in Shanghai (a picker midnight at +08:00 is the previous UTC day)', () => {
    const result = requestExtension({ ...base, requestedDate: d('2026-04-06T16:00:00Z') });
    expect(result.newDeadline).toEqual(d('2026-04-07T23:59:59.999+08:00'));
  });

  it('accepts a reason of exactly 500 characters', () => {
    expect(requestExtension({ ...base, reason: '字'.repeat(500) }).reason).toHaveLength(500);
  });

  it.each<[string, Partial<ExtensionRequestInput>, string, Record<string, unknown> | undefined]>([
    ['a stranger', { requester: STRANGER }, 'not_allowed', undefined],
    ['an archivist (not the organizer)', { requester: ARCHIVIST }, 'not_allowed', undefined],
    ['an empty reason', { reason: '' }, 'validation_failed', { field: 'reason' }],
    ['a blank reason', { reason: ' \n\t ' }, 'validation_failed', { field: 'reason' }],
    [
      'a 501-character reason',
      { reason: '字'.repeat(501) },
      'validation_failed',
      { field: 'reason', max: 500 },
    ],
    [
      'the same day',
      { requestedDate: d('2026-04-06T08:00:00+08:00') },
      'extension_not_later',
      { current: '2026-04-06', requested: '2026-04-06' },
    ],
    [
      'an earlier day',
      { requestedDate: d('2026-04-01T12:00:00+08:00') },
      'extension_not_later',
      { current: '2026-04-06', requested: '2026-04-01' },
    ],
    [
      'an accepted activity',
      { activityState: 'accepted' },
      'invalid_transition',
      { from: 'accepted', event: 'request_extension' },
    ],
    [
      'a cancelled activity',
      { activityState: 'cancelled' },
      'invalid_transition',
      { from: 'cancelled', event: 'request_extension' },
    ],
    [
      'a handover under review',
      { activityState: 'handover_submitted' },
      'invalid_transition',
      { from: 'handover_submitted', event: 'request_extension' },
    ],
    [
      'a later day that is already past (with now)',
      { requestedDate: d('2026-04-08T00:00:00+08:00'), now: d('2026-04-10T10:00:00+08:00') },
      'validation_failed',
      { field: 'requestedDate' },
    ],
    // The requester is checked first: a stranger learns nothing about the activity.
    [
      'a stranger with everything else wrong',
      { requester: STRANGER, reason: '', activityState: 'accepted' },
      'not_allowed',
      undefined,
    ],
  ])('refuses %s', (_label, override, code, details) => {
    const err = errorOf(() => requestExtension({ ...base, ...override }));
    expect(err.code).toBe(code);
    if (details) expect(err.details).toEqual(details);
  });

  it('accepts today as the requested day when now is given', () => {
    const now = d('2026-04-10T10:00:00+08:00');
    expect(requestExtension({ ...base, requestedDate: now, now }).newDeadline).toEqual(
      d('2026-04-10T23:59:59.999+08:00'),
    );
  });
});

describe('deciderFor', () => {
  it.each([
    ['a unit with a leader in charge', 'CS', { kind: 'leader', openId: LEADER }],
    ['a unit without one', 'ART', { kind: 'archivists' }],
    ['an inactive unit', 'OLD', { kind: 'archivists' }],
    ['an unknown unit', 'NOPE', { kind: 'archivists' }],
  ])('%s', (_label, unit, expected) => {
    expect(deciderFor(unit, DIR)).toEqual(expected);
  });
});

describe('decideExtension', () => {
  const decide = (
    actor: string,
    unit: string,
    overrides: Partial<Omit<DecideExtensionInput, 'actor' | 'dir'>> = {},
  ) =>
    decideExtension({
      request: { status: 'pending', unit },
      decision: 'approve',
      actor: rolesOf(actor, DIR),
      dir: DIR,
      ...overrides,
    });

  it.each<[string, string, string, 'approve' | 'reject', string, 'leader' | 'archivist']>([
    ['the leader approves', LEADER, 'CS', 'approve', 'approved', 'leader'],
    ['the leader rejects', LEADER, 'CS', 'reject', 'rejected', 'leader'],
    ['an archivist, unit without a leader', ARCHIVIST, 'ART', 'approve', 'approved', 'archivist'],
    ['an archivist, inactive unit', ARCHIVIST, 'OLD', 'reject', 'rejected', 'archivist'],
  ])('%s', (_label, actor, unit, decision, status, decidedAs) => {
    expect(decide(actor, unit, { decision })).toEqual({ status, decidedBy: actor, decidedAs });
    expect(canDecideExtension(rolesOf(actor, DIR), unit, DIR)).toBe(true);
  });

  it.each([
    ['a stranger', STRANGER, 'CS', LEADER],
    ['the organizer', CONTACT, 'CS', LEADER],
    ['an archivist when the unit has a leader', ARCHIVIST, 'CS', LEADER],
    ['an admin', ADMIN, 'CS', LEADER],
    ['a stranger, unit without a leader', STRANGER, 'ART', 'archivists'],
    ['another unit’s leader, unit without a leader', LEADER, 'ART', 'archivists'],
  ])('refuses %s', (_label, actor, unit, leader) => {
    const err = errorOf(() => decide(actor, unit));
    expect(err.code).toBe('not_leader_in_charge');
    expect(err.details).toEqual({ leader });
    expect(canDecideExtension(rolesOf(actor, DIR), unit, DIR)).toBe(false);
  });

  it.each<[ExtensionStatus, string | undefined, Record<string, unknown>]>([
    ['approved', LEADER, { status: 'approved', decider: LEADER }],
    ['rejected', LEADER, { status: 'rejected', decider: LEADER }],
    ['approved', undefined, { status: 'approved' }],
  ])('a second decision on a %s request → already_decided', (status, decider, details) => {
    const request = { status, unit: 'CS', ...(decider ? { decider } : {}) };
    const err = errorOf(() => decide(LEADER, 'CS', { request, decision: 'reject' }));
    expect(err.code).toBe('already_decided');
    expect(err.details).toEqual(details);
  });

  it('a stranger on a decided request hears not_leader_in_charge, not already_decided', () => {
    const err = errorOf(() =>
      decide(STRANGER, 'CS', { request: { status: 'approved', unit: 'CS' } }),
    );
    expect(err.code).toBe('not_leader_in_charge');
  });

  it.each([
    ['a trimmed comment', '  请按时提交  ', { comment: '请按时提交' }],
    ['a blank comment is none', '   ', {}],
  ])('keeps %s', (_label, comment, expected) => {
    expect(decide(LEADER, 'CS', { comment })).toEqual({
      status: 'approved',
      decidedBy: LEADER,
      decidedAs: 'leader',
      ...expected,
    });
  });

  it.each([
    ['a 501-character comment', { comment: '字'.repeat(501) }, 'comment'],
    ['an unknown decision', { decision: 'maybe' as 'approve' }, 'decision'],
  ])('refuses %s', (_label, override, field) => {
    const err = errorOf(() => decide(LEADER, 'CS', override));
    expect(err.code).toBe('validation_failed');
    expect(err.details).toMatchObject({ field });
  });
});

describe('card expiry', () => {
  const sent = d('2026-04-01T10:00:00+08:00');

  it('is 14 days minus a safety hour after sending', () => {
    expect(cardExpiry(sent)).toEqual(d('2026-04-15T09:00:00+08:00'));
  });

  it.each([
    ['right after sending', '2026-04-01T10:00:01+08:00', false],
    ['13 days later', '2026-04-14T10:00:00+08:00', false],
    ['a minute before expiry', '2026-04-15T08:59:00+08:00', false],
    ['at expiry', '2026-04-15T09:00:00+08:00', true],
    ['past the 14 days', '2026-04-16T10:00:00+08:00', true],
  ])('needsResend %s → %s', (_label, now, expected) => {
    expect(needsResend(sent, d(now))).toBe(expected);
  });
});

describe('isExtensionStatus', () => {
  it.each([
    ['pending', true],
    ['approved', true],
    ['rejected', true],
    ['cancelled', false],
    [undefined, false],
  ])('%s → %s', (value, expected) => {
    expect(isExtensionStatus(value)).toBe(expected);
  });
});
