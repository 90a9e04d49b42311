import { DirectorySnapshot } from '../../../src/app/directory-snapshot';
import type { Directory } from '../../../src/domain/directory';

const DIR: Directory = {
  units: [
    {
      code: 'jwc',
      name: '教务处',
      leaderInCharge: 'ou_leader',
      contacts: ['ou_org1'],
      active: true,
    },
    { code: 'xcb', name: '宣传部', contacts: ['ou_pub1', 'ou_org1'], active: true },
    {
      code: 'old',
      name: '旧单位',
      leaderInCharge: 'ou_leader',
      contacts: ['ou_org1'],
      active: false,
    },
  ],
  people: [
    { openId: 'ou_org1', name: '张老师', unit: 'xcb' },
    { openId: 'ou_teacher', name: '赵老师', unit: 'jwc' },
  ],
  archivists: ['ou_arch1'],
  publicity: ['ou_pub1'],
  admins: ['ou_admin'],
};

describe('DirectorySnapshot.actor', () => {
  const snapshot = new DirectorySnapshot(DIR, 3);

  it.each([
    [
      'an organizer of two units (own unit first)',
      'ou_org1',
      '张老师',
      ['contact'],
      ['xcb', 'jwc'],
      [],
      ['jwc', 'xcb'],
    ],
    [
      'a leader in charge (inactive units do not count)',
      'ou_leader',
      'ou_leader',
      ['leader'],
      [],
      ['jwc'],
      [],
    ],
    ['an archivist', 'ou_arch1', 'ou_arch1', ['archivist'], [], [], []],
    [
      'the publicity office, also a contact',
      'ou_pub1',
      'ou_pub1',
      ['publicity', 'contact'],
      ['xcb'],
      [],
      ['xcb'],
    ],
    ['an admin', 'ou_admin', 'ou_admin', ['admin'], [], [], []],
    ['a member of a unit', 'ou_teacher', '赵老师', [], ['jwc'], [], []],
    ['a stranger', 'ou_nobody', 'ou_nobody', [], [], [], []],
  ])('%s', (_label, openId, name, roles, units, unitsLed, unitsHandled) => {
    const actor = snapshot.actor(openId);
    expect(actor).toMatchObject({ openId, name, roles, units, unitsLed, unitsHandled });
    expect(actor.directory).toBe(snapshot);
  });

  it('resolves each person once per snapshot', () => {
    expect(snapshot.actor('ou_org1')).toBe(snapshot.actor('ou_org1'));
    expect(new DirectorySnapshot(DIR).actor('ou_org1')).not.toBe(snapshot.actor('ou_org1'));
  });

  it('names units and leaders from active units only', () => {
    expect(snapshot.unitName('jwc')).toBe('教务处');
    expect(snapshot.unitName('nope')).toBe('nope');
    expect(snapshot.leaderInChargeOf('jwc')).toBe('ou_leader');
    expect(snapshot.leaderInChargeOf('old')).toBeUndefined();
    expect(snapshot.activeUnits.map((u) => u.code)).toEqual(['jwc', 'xcb']);
  });
});
