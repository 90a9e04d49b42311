import { DirectorySnapshot } from '../../../src/app/directory-snapshot';
import type { Directory } from '../../../src/domain/directory';
import { Refusal } from '../../../src/domain/refusal';
import { refusalText } from '../../../src/i18n/refusal-text';
import {
  activityButtons,
  authorize,
  can,
  consoleScope,
  extensionDecider,
  extensionDeciders,
  type ActivitySubject,
} from '../../../src/policies';

const DIR: Directory = {
  units: [
    {
      code: 'CS',
      name: '计算机学院',
      leaderInCharge: 'ou_leader',
      contacts: ['ou_contact'],
      active: true,
    },
    { code: 'ART', name: '艺术学院', contacts: [], active: true },
    { code: 'OLD', name: '旧单位', leaderInCharge: 'ou_leader', contacts: [], active: false },
  ],
  people: [
    { openId: 'ou_leader', name: '李副院长' },
    { openId: 'ou_contact', name: '张老师' },
    { openId: 'ou_up', name: '上传者' },
  ],
  archivists: ['ou_archivist'],
  publicity: ['ou_pub'],
  admins: ['ou_admin'],
};
const snapshot = new DirectorySnapshot(DIR);
const actor = (openId: string) => snapshot.actor(openId);

const ACTIVITY: ActivitySubject = {
  state: 'collecting',
  registrant: 'ou_registrant',
  contact: 'ou_contact',
  unit: 'CS',
  chatId: 'oc_bound',
};

function refusalOf(fn: () => void): Refusal {
  try {
    fn();
  } catch (err) {
    if (err instanceof Refusal) return err;
    throw err;
  }
  throw new Error('expected a Refusal');
}

describe('activity rules', () => {
  it.each([
    ['the registrant', 'ou_registrant', true, false, true],
    ['the contact', 'ou_contact', true, false, true],
    ['an archivist', 'ou_archivist', true, true, false],
    ['the leader in charge', 'ou_leader', false, true, false],
    ['an admin', 'ou_admin', false, true, false],
    ['the publicity office', 'ou_pub', false, false, false],
    ['a stranger', 'ou_stranger', false, false, false],
  ])('%s: manage %s, remind now %s, request extension %s', (_l, who, manage, remind, extend) => {
    expect(can(actor(who), 'activity.manage', ACTIVITY)).toBe(manage);
    expect(can(actor(who), 'deadline.remind_now', ACTIVITY)).toBe(remind);
    expect(can(actor(who), 'extension.request', ACTIVITY)).toBe(extend);
  });

  it('refuses with the message key the toast shows', () => {
    const err = refusalOf(() => authorize(actor('ou_stranger'), 'activity.manage', ACTIVITY));
    expect(err.key).toBe('errors.not_allowed');
    expect(refusalText(err).zh_cn).toBe('你没有权限执行此操作。');
    expect(() => authorize(actor('ou_contact'), 'activity.manage', ACTIVITY)).not.toThrow();
  });

  it('college-wide actions take no subject', () => {
    expect(can(actor('ou_archivist'), 'activity.list_all')).toBe(true);
    expect(can(actor('ou_admin'), 'activity.list_all')).toBe(false);
    expect(refusalOf(() => authorize(actor('ou_pub'), 'backup.view')).key).toBe(
      'backup.status.onlyArchivists',
    );
  });

  it.each([
    [
      'the contact in another group',
      'ou_contact',
      'group',
      'oc_other',
      ['bind_chat', 'submit_handover', 'edit', 'cancel', 'request_extension'],
    ],
    [
      'the contact in the bound group',
      'ou_contact',
      'group',
      'oc_bound',
      ['submit_handover', 'edit', 'cancel', 'request_extension'],
    ],
    ['an archivist', 'ou_archivist', 'p2p', undefined, ['submit_handover', 'edit', 'cancel']],
    ['a stranger', 'ou_stranger', 'group', 'oc_other', []],
  ] as const)('buttons for %s', (_l, who, chatType, chatId, expected) => {
    const where = { chatType, ...(chatId ? { chatId } : {}), showStatus: false };
    expect(activityButtons(actor(who), ACTIVITY, where)).toEqual(expected);
  });

  it('only archivists restore a cancelled activity', () => {
    const cancelled = { ...ACTIVITY, state: 'cancelled' as const };
    const where = { chatType: 'p2p' as const, showStatus: true };
    expect(activityButtons(actor('ou_archivist'), cancelled, where)).toEqual(['status', 'restore']);
    expect(activityButtons(actor('ou_contact'), cancelled, where)).toEqual(['status']);
    expect(refusalOf(() => authorize(actor('ou_contact'), 'activity.restore', cancelled)).key).toBe(
      'errors.not_archivist',
    );
  });
});

describe('extension decisions', () => {
  it.each([
    [
      'a unit with a leader in charge',
      'CS',
      { kind: 'leader', openId: 'ou_leader' },
      ['ou_leader'],
    ],
    ['a unit without one', 'ART', { kind: 'archivists' }, ['ou_archivist']],
    ['an inactive unit', 'OLD', { kind: 'archivists' }, ['ou_archivist']],
    ['an unknown unit', 'NOPE', { kind: 'archivists' }, ['ou_archivist']],
  ])('%s', (_label, unit, decider, deciders) => {
    expect(extensionDecider(unit, snapshot)).toEqual(decider);
    expect(extensionDeciders(unit, snapshot)).toEqual(deciders);
  });

  it.each([
    ['the leader', 'ou_leader', 'CS'],
    ['an archivist, unit without a leader', 'ou_archivist', 'ART'],
    ['an archivist, inactive unit', 'ou_archivist', 'OLD'],
  ])('%s decides', (_label, who, unit) => {
    expect(can(actor(who), 'extension.decide', { unit })).toBe(true);
  });

  it.each([
    ['a stranger', 'ou_stranger', 'CS', '李副院长', '李副院长'],
    ['the organizer', 'ou_contact', 'CS', '李副院长', '李副院长'],
    ['an archivist when the unit has a leader', 'ou_archivist', 'CS', '李副院长', '李副院长'],
    ['an admin', 'ou_admin', 'CS', '李副院长', '李副院长'],
    ['a stranger, unit without a leader', 'ou_stranger', 'ART', '档案员', 'the archivists'],
    [
      'another unit’s leader, unit without a leader',
      'ou_leader',
      'ART',
      '档案员',
      'the archivists',
    ],
  ])('refuses %s and names who decides', (_label, who, unit, zh, en) => {
    const err = refusalOf(() => authorize(actor(who), 'extension.decide', { unit }));
    expect(err.key).toBe('ext.toast.not_decider');
    const text = refusalText(err);
    expect(text.zh_cn).toContain(zh);
    expect(text.en_us).toContain(en);
  });
});

describe('material rules', () => {
  const items = [{ sender: 'ou_up' }];
  it.each([
    ['the uploader', 'ou_up', true],
    ['the registrant', 'ou_registrant', true],
    ['the contact', 'ou_contact', true],
    ['an archivist', 'ou_archivist', true],
    ['the leader', 'ou_leader', false],
    ['a stranger', 'ou_stranger', false],
  ])('%s may change an item: %s', (_label, who, ok) => {
    expect(can(actor(who), 'material.change', { activity: ACTIVITY, items })).toBe(ok);
  });

  it('tells who may, naming the uploader and the contact', () => {
    const err = refusalOf(() =>
      authorize(actor('ou_stranger'), 'material.change', { activity: ACTIVITY, items }),
    );
    expect(err.key).toBe('mdesc.notAllowed');
    expect(err.values).toEqual({ uploader: '上传者', contact: '张老师' });
    const none = refusalOf(() =>
      authorize(actor('ou_stranger'), 'material.change', { activity: ACTIVITY, items: [] }),
    );
    expect(none).toMatchObject({ key: 'mdesc.notManager', values: { contact: '张老师' } });
  });

  it('a publicity batch is filed by its sender or an archivist', () => {
    expect(can(actor('ou_pub'), 'publicity.file', { sender: 'ou_pub' })).toBe(true);
    expect(can(actor('ou_archivist'), 'publicity.file', { sender: 'ou_pub' })).toBe(true);
    expect(can(actor('ou_contact'), 'publicity.file', { sender: 'ou_pub' })).toBe(false);
    expect(can(actor('ou_pub'), 'publicity.drop')).toBe(true);
    expect(can(actor('ou_contact'), 'publicity.drop')).toBe(false);
  });
});

describe('backup keeper', () => {
  it('only the named keeper confirms; others are told who is', () => {
    expect(can(actor('ou_leader'), 'backup.confirm', { keeper: 'ou_leader' })).toBe(true);
    const err = refusalOf(() =>
      authorize(actor('ou_archivist'), 'backup.confirm', { keeper: 'ou_leader' }),
    );
    expect(err).toMatchObject({
      key: 'backup.keeper.toast.notKeeper',
      values: { keeper: '李副院长' },
    });
  });
});

describe('console rules', () => {
  it.each([
    ['an archivist', 'ou_archivist', false, true, true, false],
    ['an admin', 'ou_admin', false, true, true, true],
    ['the leader in charge', 'ou_leader', false, true, true, false],
    ['the contact', 'ou_contact', true, true, true, false],
    ['the registrant (not in the directory)', 'ou_registrant', true, true, true, false],
    ['the publicity office without activities', 'ou_pub', false, false, false, false],
    ['a stranger', 'ou_stranger', false, false, false, false],
  ])('%s: list %s→%s, open the activity %s, operations %s', (_l, who, owns, list, open, ops) => {
    expect(can(actor(who), 'console.activities', { ownsAny: owns })).toBe(list);
    expect(can(actor(who), 'console.activity', ACTIVITY)).toBe(open);
    expect(can(actor(who), 'console.operations')).toBe(ops);
  });

  it('limits the rows: everything for the archive room, led units and own activities otherwise', () => {
    expect(consoleScope(actor('ou_archivist'))).toEqual({ all: true });
    expect(consoleScope(actor('ou_admin'))).toEqual({ all: true });
    expect(consoleScope(actor('ou_leader'))).toEqual({
      all: false,
      units: ['CS'],
      person: 'ou_leader',
    });
    expect(consoleScope(actor('ou_contact'))).toEqual({
      all: false,
      units: [],
      person: 'ou_contact',
    });
  });

  it('knows who the directory names', () => {
    expect(snapshot.knows('ou_up')).toBe(true);
    expect(snapshot.knows('ou_pub')).toBe(true);
    expect(snapshot.knows('ou_stranger')).toBe(false);
  });
});
