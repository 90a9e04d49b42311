import { DirectorySnapshot } from '../../../src/app/directory-snapshot';
import { Refusal } from '../../../src/domain/refusal';
import { refusalText } from '../../../src/i18n/refusal-text';
import { authorize, can } from '../../../src/policies';

const snapshot = new DirectorySnapshot({
  units: [{ code: 'jwc', name: '教务处', leaderInCharge: 'ou_leader', contacts: [], active: true }],
  people: [],
  archivists: ['ou_archivist'],
  publicity: [],
  admins: ['ou_admin'],
});

describe('admin rules', () => {
  it.each([
    ['an admin', 'ou_admin', true],
    ['an archivist', 'ou_archivist', false],
    ['a leader in charge', 'ou_leader', false],
    ['a stranger', 'ou_x', false],
  ])('%s may manage the directory and see chat ids: %s', (_l, openId, expected) => {
    const actor = snapshot.actor(openId);
    expect(can(actor, 'directory.manage')).toBe(expected);
    expect(can(actor, 'chat.show_id')).toBe(expected);
  });

  it('tells anyone else, in both languages', () => {
    let refusal: Refusal | undefined;
    try {
      authorize(snapshot.actor('ou_archivist'), 'directory.manage');
    } catch (err) {
      refusal = err as Refusal;
    }
    expect(refusal).toBeInstanceOf(Refusal);
    expect(refusalText(refusal!)).toEqual({
      zh_cn: '只有管理员可以查看和同步通讯录。',
      en_us: 'Only admins can view and sync the directory.',
    });
  });
});
