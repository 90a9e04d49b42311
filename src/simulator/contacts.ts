/**
 * The simulator's address book (通讯录): departments and users as the contact/v3 API returns them, and
 * the scopes the app holds. `sampleCollege()` is a realistic technician college: nested departments,
 * department heads, a teacher in two departments, a big department that needs several pages, a
 * department without a code-like id, and a teacher who has resigned.
 */
import { createHash } from 'node:crypto';

export interface SimDepartment {
  /** `od-…`, the id the bot asks with (department_id_type=open_department_id). */
  openDepartmentId: string;
  /** The tenant's own department id (custom, may be anything). */
  departmentId: string;
  name: string;
  enName?: string;
  /** Parent's open id; `0` for a top-level department. */
  parent: string;
  /** The department head's open_id (部门负责人). */
  leader?: string;
  order: number;
}

export interface SimContactUser {
  openId: string;
  name: string;
  enName?: string;
  mobile: string;
  email?: string;
  /** Open department ids, the primary one first. Empty for someone who left. */
  departments: string[];
  jobTitle?: string;
  resigned?: boolean;
}

export interface SimContacts {
  departments: SimDepartment[];
  users: SimContactUser[];
}

/** The scopes contact reads need; an app holds the fine-grained ones below unless a test revokes one. */
export const CONTACT_SCOPES = {
  departments: [
    'contact:department.base:readonly',
    'contact:contact.base:readonly',
    'contact:contact:readonly_as_app',
  ],
  users: [
    'contact:user.base:readonly',
    'contact:contact.base:readonly',
    'contact:contact:readonly_as_app',
  ],
  batchGetId: ['contact:user.id:readonly'],
} as const;

export const DEFAULT_GRANTED_SCOPES: readonly string[] = [
  'contact:department.base:readonly',
  'contact:user.base:readonly',
  'contact:user.id:readonly',
];

/** A stable `od-` + 32 hex id for a department key. */
export const openDepartmentId = (key: string): string =>
  `od-${createHash('md5').update(`dept:${key}`).digest('hex')}`;

const MAIL = 'lcjsxy.edu.cn';

function person(
  key: string,
  name: string,
  n: number,
  departments: string[],
  extra: Partial<SimContactUser> = {},
): SimContactUser {
  return {
    openId: `ou_c_${key}`,
    name,
    mobile: `+86138000${String(n).padStart(5, '0')}`,
    email: `${key}@${MAIL}`,
    departments: departments.map(openDepartmentId),
    ...extra,
  };
}

/**
 * 聊城市技师学院 as a sample: 院领导, 党政办公室 (with 综合档案室 inside), 教务处 (with 考务科), 学生处,
 * 宣传部, 机电工程系 (62 teachers: several pages), 信息工程系 (a numeric department id). 张老师 works for
 * 教务处 and 信息工程系; 黄老师 has resigned (no department, status resigned).
 */
export function sampleCollege(): SimContacts {
  const d = (
    key: string,
    departmentId: string,
    name: string,
    enName: string,
    parent: string | undefined,
    leader: string | undefined,
    order: number,
  ): SimDepartment => ({
    openDepartmentId: openDepartmentId(key),
    departmentId,
    name,
    enName,
    parent: parent ? openDepartmentId(parent) : '0',
    ...(leader ? { leader: `ou_c_${leader}` } : {}),
    order,
  });
  const departments = [
    d('yld', 'yld', '院领导', 'College Leadership', undefined, 'zhao', 1),
    d('dzb', 'dzb', '党政办公室', 'General Office', undefined, 'zhou', 2),
    d('daj', 'daj', '综合档案室', 'Archive Room', 'dzb', 'zheng', 1),
    d('jwc', 'jwc', '教务处', 'Academic Affairs', undefined, 'li', 3),
    d('kwk', 'kwk', '考务科', 'Examinations', 'jwc', 'chen', 1),
    d('xsc', 'xsc', '学生处', 'Student Affairs', undefined, 'liu', 4),
    d('xcb', 'xcb', '宣传部', 'Publicity', undefined, 'lin', 5),
    d('jdx', 'jdx', '机电工程系', 'Mechatronics', undefined, 'ma', 6),
    d('xxx', '1000023', '信息工程系', 'Information Engineering', undefined, 'gao', 7),
  ];
  const users: SimContactUser[] = [
    person('zhao', '赵院长', 1, ['yld'], { jobTitle: '院长' }),
    person('qian', '钱副院长', 2, ['yld'], { jobTitle: '副院长' }),
    person('sun', '孙副院长', 3, ['yld'], { jobTitle: '副院长' }),
    person('zhou', '周主任', 4, ['dzb'], { jobTitle: '主任' }),
    person('wu', '吴秘书', 5, ['dzb']),
    person('zheng', '郑馆员', 6, ['daj'], { jobTitle: '档案馆员' }),
    person('feng', '冯档案员', 7, ['daj']),
    person('li', '李处长', 8, ['jwc'], { jobTitle: '处长' }),
    person('zhang', '张老师', 9, ['jwc', 'xxx']),
    person('chen', '陈老师', 10, ['kwk']),
    person('liu', '刘处长', 11, ['xsc'], { jobTitle: '处长' }),
    person('he', '何老师', 12, ['xsc']),
    person('lin', '林部长', 13, ['xcb'], { jobTitle: '部长' }),
    person('song', '宋干事', 14, ['xcb']),
    person('ma', '马主任', 15, ['jdx'], { jobTitle: '系主任' }),
    person('gao', '高主任', 16, ['xxx'], { jobTitle: '系主任' }),
    person('huang', '黄老师', 17, [], { resigned: true }),
  ];
  for (let i = 1; i <= 62; i++) {
    const n = String(i).padStart(2, '0');
    users.push(person(`jd${n}`, `机电教师${n}`, 100 + i, ['jdx'], { email: undefined }));
  }
  return { departments, users };
}
