import { calendarUnknownCard } from '../../../cards/calendar-unknown';
import { directoryAdminCard } from '../../../cards/directory-admin';
import {
  directorySyncCard,
  SYNC_LINES_PER_SECTION,
  syncScopeMissingCard,
  type SyncPlanView,
} from '../../../cards/directory-sync';
import { chatIdCard, myIdsCard } from '../../../cards/my-ids';
import type { SyncChanges } from '../../../src/domain/directory-sync';
import { actions, en, expectValidCard, zh } from './support';

const changes: SyncChanges = {
  unitsAdded: [
    {
      code: 'jdx',
      name: '机电工程系',
      departmentId: 'od-1',
      leaderInCharge: 'ou_ma',
      leaderSource: 'head',
      generatedCode: false,
    },
    { code: 'ufee4', name: '信息工程系', departmentId: 'od-2', generatedCode: true },
  ],
  unitsChanged: [
    {
      before: { code: 'jwc', name: '教务处', leaderInCharge: 'ou_li', active: true },
      after: {
        code: 'jwc',
        name: '教务处',
        departmentId: 'od-3',
        leaderInCharge: 'ou_chen',
        leaderSource: 'head',
      },
    },
  ],
  unitsDeactivated: [{ code: 'old', name: '旧科室' }],
  peopleAdded: Array.from({ length: 12 }, (_, i) => ({
    openId: `ou_t${i}`,
    name: `教师${i}`,
    unit: 'jdx',
  })),
  peopleChanged: [
    {
      before: { openId: 'ou_zhang', name: '张三', unit: 'jwc' },
      after: { openId: 'ou_zhang', name: '<b>张老师</b>', unit: 'jdx' },
    },
  ],
  peopleDeactivated: [{ openId: 'ou_huang', name: '黄老师' }],
  departedWithRoles: [
    {
      openId: 'ou_huang',
      name: '黄老师',
      roles: [{ role: 'archivist' }, { role: 'contact', unit: 'xsc' }],
    },
  ],
};
const view = (status: SyncPlanView['status']): SyncPlanView => ({
  planId: 'sync-2026-12-03-abcd',
  changes,
  names: { ou_ma: '马主任', ou_li: '李处长', ou_chen: '陈老师', ou_huang: '黄老师' },
  status,
});

describe('the sync proposal card', () => {
  const proposed = directorySyncCard(view({ state: 'proposed' }));

  it('is a valid card with both languages and apply / discard while proposed', () => {
    expectValidCard(proposed);
    expect(actions(proposed)).toEqual(['directory.sync.apply', 'directory.sync.discard']);
    expect(zh(proposed)).toContain('单位：新增 **2**，变更 **1**，停用 **1**');
    expect(en(proposed)).toContain('Units: **2** added, **1** changed, **1** deactivated');
    expect(proposed).toMatchSnapshot();
  });

  it('shows at most 8 lines per section and counts the rest', () => {
    expect(zh(proposed)).toContain('教师7');
    expect(zh(proposed)).not.toContain('教师8');
    expect(zh(proposed)).toContain(`……另有 ${12 - SYNC_LINES_PER_SECTION} 项`);
  });

  it('shows leaders by name, made-up codes, the departed with their roles, and escapes names', () => {
    expect(zh(proposed)).toContain('jwc · 教务处 · 李处长 → 陈老师');
    expect(zh(proposed)).toContain('代码为自动生成');
    expect(zh(proposed)).toContain('黄老师：档案员、单位经办人（xsc）');
    expect(en(proposed)).toContain('黄老师: archivist, unit contact (xsc)');
    expect(zh(proposed)).toContain('&lt;b&gt;张老师&lt;/b&gt;');
    expect(zh(proposed)).not.toContain('<b>');
  });

  it.each([
    [
      'applied',
      { state: 'applied', by: '周主任', at: '2026-12-03 10:05' },
      '已由 周主任 于 2026-12-03 10:05 应用',
    ],
    ['stale', { state: 'stale' }, '目录已被导入或同步过'],
    ['discarded', { state: 'discarded' }, '已放弃'],
  ] as const)('once %s it has no buttons and says so', (_l, status, text) => {
    const c = directorySyncCard(view(status));
    expectValidCard(c);
    expect(actions(c)).toEqual([]);
    expect(zh(c)).toContain(text);
  });

  it('an empty sync says the directory matches and offers nothing to apply', () => {
    const empty: SyncChanges = {
      unitsAdded: [],
      unitsChanged: [],
      unitsDeactivated: [],
      peopleAdded: [],
      peopleChanged: [],
      peopleDeactivated: [],
      departedWithRoles: [],
    };
    const c = directorySyncCard({ ...view({ state: 'proposed' }), changes: empty });
    expect(actions(c)).toEqual([]);
    expect(zh(c)).toContain('目录与飞书通讯录一致');
  });

  it('a missing scope is named in both languages', () => {
    const c = syncScopeMissingCard(['contact:user.base:readonly']);
    expect(zh(c)).toContain('缺少权限 **contact:user.base:readonly**');
    expect(en(c)).toContain('lacks the scope **contact:user.base:readonly**');
  });
});

describe('the other directory cards', () => {
  it('the admin card shows the figures, the calendar and the sync button', () => {
    const c = directoryAdminCard({
      units: 8,
      linked: 7,
      people: 80,
      departed: 1,
      archivists: 2,
      admins: 1,
      lastSync: '2026-12-03 10:05',
      calendar: { lastKnownYear: 2026, source: 'chinese-days 1.5.7', missingYears: [2027] },
    });
    expectValidCard(c);
    expect(actions(c)).toEqual(['directory.sync.start']);
    expect(zh(c)).toContain('**单位**：8 个在用（7 个与飞书部门对应）');
    expect(zh(c)).toContain('**2027 年尚未收录**');
    expect(en(c)).toContain('**2027 not known yet**');
    expect(c).toMatchSnapshot();
  });

  it('我的ID escapes the name; 本群ID shows the chat id', () => {
    const ids = myIdsCard({ openId: 'ou_x', name: '<at id=all></at>', roles: [] });
    expect(zh(ids)).toContain('&lt;at id=all&gt;');
    expect(zh(chatIdCard('oc_1'))).toContain('`oc_1`');
  });

  it('the December calendar card names the year and both ways to add it', () => {
    const c = calendarUnknownCard({
      year: 2027,
      source: 'chinese-days 1.5.7',
      lastKnownYear: 2026,
    });
    expectValidCard(c);
    expect(zh(c)).toContain('**2027 年** 国务院放假和调休安排');
    expect(zh(c)).toContain('升级依赖 chinese-days');
    expect(en(c)).toContain('`officialYears`');
  });
});
