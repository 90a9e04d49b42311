import type { Directory } from '../../../src/domain/directory';
import {
  isEmptySync,
  planDirectorySync,
  type OrgChart,
  type OrgDepartment,
} from '../../../src/domain/directory-sync';

const dep = (
  id: string,
  name: string,
  parent = '0',
  head?: string,
  customId = id,
): OrgDepartment => ({
  id: `od-${id}`,
  customId,
  name,
  parent: parent === '0' ? '0' : `od-${parent}`,
  ...(head ? { head } : {}),
});

/** 教务处 with 考务科 inside, 学生处, a department with a numeric id; 张 in two departments. */
const ORG: OrgChart = {
  departments: [
    dep('jwc', '教务处', '0', 'ou_li'),
    dep('kwk', '考务科', 'jwc', 'ou_chen'),
    dep('xsc', '学生处', '0', 'ou_liu'),
    dep('9f3a', '信息工程系', '0', undefined, '1000023'),
  ],
  users: [
    { openId: 'ou_li', name: '李处长', departments: ['od-jwc'] },
    { openId: 'ou_chen', name: '陈老师', departments: ['od-kwk'] },
    { openId: 'ou_liu', name: '刘处长', departments: ['od-xsc'] },
    { openId: 'ou_zhang', name: '张老师', departments: ['od-9f3a', 'od-jwc'] },
  ],
};

const EMPTY: Directory = { units: [], people: [], archivists: [], publicity: [], admins: [] };

describe('a first sync into an empty directory', () => {
  const c = planDirectorySync(ORG, EMPTY);

  it('proposes a unit per top-level department, with the head as leader in charge', () => {
    expect(c.unitsAdded).toEqual([
      {
        code: 'jwc',
        name: '教务处',
        departmentId: 'od-jwc',
        leaderInCharge: 'ou_li',
        leaderSource: 'head',
        generatedCode: false,
      },
      {
        code: 'xsc',
        name: '学生处',
        departmentId: 'od-xsc',
        leaderInCharge: 'ou_liu',
        leaderSource: 'head',
        generatedCode: false,
      },
      { code: 'u9f3a', name: '信息工程系', departmentId: 'od-9f3a', generatedCode: true },
    ]);
  });

  it('places people in the unit of their primary department (a sub-department counts for its parent)', () => {
    expect(c.peopleAdded).toEqual([
      { openId: 'ou_li', name: '李处长', unit: 'jwc' },
      { openId: 'ou_chen', name: '陈老师', unit: 'jwc' },
      { openId: 'ou_liu', name: '刘处长', unit: 'xsc' },
      { openId: 'ou_zhang', name: '张老师', unit: 'u9f3a' },
    ]);
    expect(isEmptySync(c)).toBe(false);
  });
});

describe('a sync over a hand-written directory', () => {
  const written: Directory = {
    units: [
      // The file names a vice-president as leader in charge, not the head.
      {
        code: 'jw',
        name: '教务处',
        leaderInCharge: 'ou_qian',
        contacts: ['ou_zhang'],
        active: true,
      },
      // A sub-department the file keeps as its own unit.
      { code: 'kw', name: '考务科', contacts: [], active: true },
      // A unit that mirrors no department: a sync leaves it alone.
      { code: 'wb', name: '外聘专家组', contacts: [], active: true },
    ],
    people: [
      { openId: 'ou_zhang', name: '张三', unit: 'jw' },
      { openId: 'ou_huang', name: '黄老师', unit: 'xsc' },
    ],
    archivists: ['ou_huang'],
    publicity: [],
    admins: ['ou_zhang'],
  };
  const c = planDirectorySync(ORG, written);

  it('links units by name, keeps their codes, and keeps the leader the file set', () => {
    expect(c.unitsChanged.map((ch) => ch.after)).toEqual([
      {
        code: 'jw',
        name: '教务处',
        departmentId: 'od-jwc',
        leaderInCharge: 'ou_qian',
        leaderSource: 'file',
      },
      {
        code: 'kw',
        name: '考务科',
        departmentId: 'od-kwk',
        leaderInCharge: 'ou_chen',
        leaderSource: 'head',
      },
    ]);
    expect(c.unitsAdded.map((u) => u.code)).toEqual(['xsc', 'u9f3a']);
    expect(c.unitsDeactivated).toEqual([]);
  });

  it('takes names from Feishu, places the sub-department people in its unit, deactivates who left', () => {
    expect(c.peopleChanged).toEqual([
      { before: written.people[0], after: { openId: 'ou_zhang', name: '张老师', unit: 'u9f3a' } },
    ]);
    expect(c.peopleAdded.find((p) => p.openId === 'ou_chen')?.unit).toBe('kw');
    expect(c.peopleDeactivated).toEqual([{ openId: 'ou_huang', name: '黄老师' }]);
  });

  it('warns about a role held by someone who left', () => {
    expect(c.departedWithRoles).toEqual([
      { openId: 'ou_huang', name: '黄老师', roles: [{ role: 'archivist' }] },
    ]);
  });
});

describe('once applied', () => {
  const synced: Directory = {
    units: [
      {
        code: 'jwc',
        name: '教务处',
        departmentId: 'od-jwc',
        leaderInCharge: 'ou_li',
        leaderSource: 'head',
        contacts: [],
        active: true,
      },
      {
        code: 'xsc',
        name: '学生处',
        departmentId: 'od-xsc',
        leaderInCharge: 'ou_liu',
        leaderSource: 'head',
        contacts: ['ou_liu'],
        active: true,
      },
      { code: 'u9f3a', name: '信息工程系', departmentId: 'od-9f3a', contacts: [], active: true },
    ],
    people: [
      { openId: 'ou_li', name: '李处长', unit: 'jwc' },
      { openId: 'ou_chen', name: '陈老师', unit: 'jwc' },
      { openId: 'ou_liu', name: '刘处长', unit: 'xsc' },
      { openId: 'ou_zhang', name: '张老师', unit: 'u9f3a' },
    ],
    archivists: [],
    publicity: [],
    admins: [],
  };

  it('a second sync changes nothing', () => {
    expect(isEmptySync(planDirectorySync(ORG, synced))).toBe(true);
  });

  it('follows a new head, a renamed and a removed department, and a resignation', () => {
    const later: OrgChart = {
      departments: [dep('jwc', '教务处（招生办）', '0', 'ou_chen'), dep('9f3a', '信息工程系')],
      users: ORG.users.filter((u) => u.openId !== 'ou_liu'),
    };
    const c = planDirectorySync(later, synced);
    expect(c.unitsChanged.map((ch) => ch.after)).toEqual([
      {
        code: 'jwc',
        name: '教务处（招生办）',
        departmentId: 'od-jwc',
        leaderInCharge: 'ou_chen',
        leaderSource: 'head',
      },
    ]);
    expect(c.unitsDeactivated).toEqual([{ code: 'xsc', name: '学生处' }]);
    expect(c.peopleDeactivated).toEqual([{ openId: 'ou_liu', name: '刘处长' }]);
    // ou_liu was the contact of 学生处, but that unit is gone with the department.
    expect(c.departedWithRoles).toEqual([]);
  });

  it('two departments of one name link one unit only', () => {
    const twins: OrgChart = {
      departments: [dep('a', '办公室'), dep('b', '办公室')],
      users: [],
    };
    const c = planDirectorySync(twins, {
      ...EMPTY,
      units: [{ code: 'bgs', name: '办公室', contacts: [], active: true }],
    });
    expect(c.unitsChanged.map((ch) => ch.after.code)).toEqual(['bgs']);
    expect(c.unitsAdded.map((u) => u.code)).toEqual(['b']);
  });
});
