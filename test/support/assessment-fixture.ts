/**
 * A fixed data set for the assessment, worked by hand (default rules, src/config/assessment-rules.yaml):
 *
 * 教务处 jwc
 *   A1 accepted, submitted 03-20, due 03-31, no gaps ............ on time, complete   +10
 *   A2 v1 03-25 returned (minor), v2 04-03 accepted, 2 gaps ..... on time (v1 clock) +8, minor return 0
 *   A3 ended, due 06-20, not handed over, now 06-30 ............. overdue 10 days    −5 −3 = −8
 *   A4 cancelled ................................................ not counted
 *   criticism: lost .............................................                    −5
 *   score 10 + 8 − 8 − 5 = 5; registered 3, on time 2, overdue 1, returns 1;
 *   items 10 + 5 + 4 = 19, described 10 + 5 + 2 = 17 → 0.89
 * 宣传部 xcb
 *   B1 v1 04-10 returned (rework), v2 04-12 accepted; due 03-31, extended to 04-15
 *      ....................................................... within extension +8, return −1 = 7
 *   B2 accepted, submitted 05-15, due 04-30 ..................... 15 days late      +5 −3 = 2
 *   B3 under review, submitted 06-25, due 07-31 ................. on time (provisional) +10
 *   B4 collecting, due 07-31 .................................... in progress       0
 *   score 19; items 6 of 6 described → 1
 * 招生处 zsc: no activities, criticism: withheld → −5
 * Ranking: 宣传部 19, 教务处 5, 招生处 −5.
 */
import type { AssessedActivity, CriticismFacts } from '../../src/domain/assessment';
import type { VersionFacts } from '../../src/domain/timeliness';

/** End of a day in Shanghai. */
export const due = (day: string) => new Date(`${day}T15:59:59.999Z`);
export const at = (day: string) => new Date(`${day}T02:00:00Z`);

export const ASSESSMENT_NOW = new Date('2026-06-30T04:00:00Z');

const v = (
  version: number,
  submitted: string,
  original: string,
  effective = original,
  returned?: { minor: boolean },
): VersionFacts => ({
  version,
  submittedAt: at(submitted),
  originalDeadline: due(original),
  effectiveDeadline: due(effective),
  ...(returned ? { returned } : {}),
});

export const ASSESSMENT_UNITS = [
  { code: 'jwc', name: '教务处' },
  { code: 'xcb', name: '宣传部' },
  { code: 'zsc', name: '招生处' },
];

export const ASSESSMENT_ACTIVITIES: AssessedActivity[] = [
  {
    id: 'a1',
    code: 'HD-2026-0001',
    title: '开学典礼',
    unit: 'jwc',
    state: 'accepted',
    effectiveDeadline: due('2026-03-31'),
    versions: [v(1, '2026-03-20', '2026-03-31')],
    checklistGaps: 0,
    items: 10,
    described: 10,
  },
  {
    id: 'a2',
    code: 'HD-2026-0002',
    title: '教学工作会议',
    unit: 'jwc',
    state: 'accepted',
    effectiveDeadline: due('2026-03-31'),
    versions: [
      v(1, '2026-03-25', '2026-03-31', '2026-03-31', { minor: true }),
      v(2, '2026-04-03', '2026-03-31'),
    ],
    checklistGaps: 2,
    items: 5,
    described: 5,
  },
  {
    id: 'a3',
    code: 'HD-2026-0003',
    title: '技能大赛',
    unit: 'jwc',
    state: 'ended',
    effectiveDeadline: due('2026-06-20'),
    versions: [],
    checklistGaps: 0,
    items: 4,
    described: 2,
  },
  {
    id: 'a4',
    code: 'HD-2026-0004',
    title: '已取消的活动',
    unit: 'jwc',
    state: 'cancelled',
    effectiveDeadline: due('2026-02-28'),
    versions: [],
    checklistGaps: 0,
    items: 0,
    described: 0,
  },
  {
    id: 'b1',
    code: 'HD-2026-0005',
    title: '校园开放日',
    unit: 'xcb',
    state: 'accepted',
    effectiveDeadline: due('2026-04-15'),
    versions: [
      v(1, '2026-04-10', '2026-03-31', '2026-04-15', { minor: false }),
      v(2, '2026-04-12', '2026-03-31', '2026-04-15'),
    ],
    checklistGaps: 0,
    items: 3,
    described: 3,
  },
  {
    id: 'b2',
    code: 'HD-2026-0006',
    title: '媒体报道专题',
    unit: 'xcb',
    state: 'accepted',
    effectiveDeadline: due('2026-04-30'),
    versions: [v(1, '2026-05-15', '2026-04-30')],
    checklistGaps: 0,
    items: 2,
    described: 2,
  },
  {
    id: 'b3',
    code: 'HD-2026-0007',
    title: '校友座谈会',
    unit: 'xcb',
    state: 'handover_submitted',
    effectiveDeadline: due('2026-07-31'),
    versions: [v(1, '2026-06-25', '2026-07-31')],
    checklistGaps: 0,
    items: 1,
    described: 1,
  },
  {
    id: 'b4',
    code: 'HD-2026-0008',
    title: '毕业典礼',
    unit: 'xcb',
    state: 'collecting',
    effectiveDeadline: due('2026-07-31'),
    versions: [],
    checklistGaps: 0,
    items: 0,
    described: 0,
  },
];

export const ASSESSMENT_CRITICISMS: CriticismFacts[] = [
  { unit: 'jwc', reason: 'lost', note: '部分照片遗失', activityCode: 'HD-2026-0003' },
  { unit: 'zsc', reason: 'withheld' },
];

/** The hand-worked result. */
export const EXPECTED_RANKING = [
  {
    rank: 1,
    unit: 'xcb',
    score: 19,
    registered: 4,
    onTime: 1,
    lateWithExtension: 1,
    lateWithout: 1,
    overdueNotHandedOver: 0,
    inProgress: 1,
    descriptionCompleteness: 1,
    returns: 1,
    criticisms: 0,
  },
  {
    rank: 2,
    unit: 'jwc',
    score: 5,
    registered: 3,
    onTime: 2,
    lateWithExtension: 0,
    lateWithout: 0,
    overdueNotHandedOver: 1,
    inProgress: 0,
    descriptionCompleteness: 0.89,
    returns: 1,
    criticisms: 1,
  },
  {
    rank: 3,
    unit: 'zsc',
    score: -5,
    registered: 0,
    onTime: 0,
    lateWithExtension: 0,
    lateWithout: 0,
    overdueNotHandedOver: 0,
    inProgress: 0,
    descriptionCompleteness: null,
    returns: 0,
    criticisms: 1,
  },
];
