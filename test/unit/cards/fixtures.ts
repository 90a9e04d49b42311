/** View models as the services fill them, with overrides per test. */
import type {
  ActivityConfirmationView,
  ActivityListItem,
  ActivityListView,
  ActivityStatusView,
  ActivitySummaryView,
  ChecklistLine,
  Option,
  RegistrationFormView,
} from '../../../cards/activity-views';
import { ACTIVITY_STATES, stateLabel } from '../../../src/domain/activity-lifecycle';
import { CATEGORIES, materialChecklist } from '../../../src/domain/categories';

export const categories: Option[] = CATEGORIES.map((c) => ({
  value: String(c.code),
  label: { zh_cn: `${c.code}. ${c.short_zh}`, en_us: `${c.code}. ${c.short_en}` },
}));

export const units = (n = 6): Option[] =>
  Array.from({ length: n }, (_, i) => {
    const code = `U${String(i + 1).padStart(2, '0')}`;
    const name = `机电工程系${i + 1}`;
    return { value: code, label: { zh_cn: name, en_us: `${name} (${code})` } };
  });

export function registrationView(over: Partial<RegistrationFormView> = {}): RegistrationFormView {
  return {
    draftId: 'd0123456789abcdef012',
    units: units(),
    categories,
    contactCandidates: ['ou_alice', 'ou_bob'],
    values: { unit: 'U02', contact: 'ou_alice' },
    chatType: 'group',
    ...over,
  };
}

/** The category-4 checklist with photos and documents received. */
export const checklist = (): ChecklistLine[] =>
  materialChecklist(4).map((item) => ({
    label: { zh_cn: item.zh_cn, en_us: item.en_us },
    done: item.kind === 'photo' || item.key === 'meeting_notice',
    required: item.required,
  }));

export function summary(over: Partial<ActivitySummaryView> = {}): ActivitySummaryView {
  return {
    activityId: 'act_d0123456789abcdef012',
    code: 'HD-2026-0007',
    title: '2026 年职业技能大赛开幕式',
    category: { zh_cn: '学院主办或承办的全市以上重要会议和活动', en_us: 'Hosted meetings' },
    unit: '教务处',
    coUnits: ['团委', '学生处'],
    startAt: '2026-04-10 09:00',
    endAt: '2026-04-10 11:30',
    location: '学术报告厅',
    contactName: '张老师',
    state: { zh_cn: '收集中', en_us: 'Collecting' },
    deadline: '2026-05-10',
    deadlineNote: { zh_cn: '还剩 12 天', en_us: '12 days left' },
    deadlineTone: 'ok',
    ...over,
  };
}

export const overdue: Partial<ActivitySummaryView> = {
  deadlineNote: { zh_cn: '已逾期 3 天', en_us: 'overdue by 3 days' },
  deadlineTone: 'overdue',
};

export function confirmationView(
  over: Partial<ActivityConfirmationView> = {},
): ActivityConfirmationView {
  return {
    ...summary(),
    checklist: checklist(),
    buttons: ['bind_chat', 'create_chat', 'status', 'edit', 'cancel'],
    ...over,
  };
}

export function statusView(over: Partial<ActivityStatusView> = {}): ActivityStatusView {
  return {
    ...summary(),
    materials: {
      documents: 1,
      photos: 12,
      audio: 0,
      video: 0,
      links: 0,
      physical: 0,
      undescribed: 2,
    },
    checklist: checklist(),
    extension: { zh_cn: '未申请延期', en_us: 'no extension requested' },
    handover: { zh_cn: '尚未移交', en_us: 'not handed over yet' },
    recentChanges: [
      {
        at: '04-10 12:00',
        actorName: '张老师',
        text: { zh_cn: '修改了 地点', en_us: 'changed location' },
      },
      {
        at: '04-09 08:00',
        actorName: '张老师',
        text: { zh_cn: '登记了活动', en_us: 'registered the activity' },
      },
    ],
    buttons: ['create_chat', 'edit', 'cancel'],
    ...over,
  };
}

export const listItem = (i: number, over: Partial<ActivityListItem> = {}): ActivityListItem => ({
  activityId: `act_${i}`,
  code: `HD-2026-${String(i).padStart(4, '0')}`,
  title: `第 ${i} 项重大活动：校企合作签约仪式暨产教融合推进会`,
  unit: '教务处',
  state: { zh_cn: '收集中', en_us: 'Collecting' },
  deadline: '2026-05-10',
  deadlineNote: { zh_cn: '还剩 12 天', en_us: '12 days left' },
  deadlineTone: 'ok',
  ...over,
});

export function listView(over: Partial<ActivityListView> = {}): ActivityListView {
  return {
    scope: 'mine',
    items: [1, 2, 3].map((i) => listItem(i)),
    page: 1,
    pageCount: 1,
    total: 3,
    ...over,
  };
}

/** The archivists' view: 10 items, every filter set, a large directory of 60 units. */
export function fullListView(over: Partial<ActivityListView> = {}): ActivityListView {
  return listView({
    scope: 'all',
    items: Array.from({ length: 10 }, (_, i) => listItem(i + 11, i % 3 === 0 ? overdue : {})),
    page: 2,
    pageCount: 5,
    total: 47,
    filters: {
      state: 'collecting',
      category: '4',
      unit: 'U03',
      year: '2026',
      overdue: true,
      q: '签约',
    },
    filterOptions: {
      states: ACTIVITY_STATES.map((s) => ({
        value: s,
        label: { zh_cn: stateLabel(s, 'zh_cn'), en_us: stateLabel(s, 'en_us') },
      })),
      categories,
      units: units(60),
      years: ['2024', '2025', '2026'].map((y) => ({
        value: y,
        label: { zh_cn: `${y}年`, en_us: y },
      })),
    },
    ...over,
  });
}
