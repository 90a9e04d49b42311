import { archiveSearchCard } from '../../../cards/archive-search';
import { assessmentCard, scoreChart } from '../../../cards/assessment-card';
import { criticismFormCard } from '../../../cards/criticism-form';
import { handoverCheckCard } from '../../../cards/handover-check';
import { handoverNoticeCard } from '../../../cards/handover-notice';
import { handoverOriginalsCard } from '../../../cards/handover-originals';
import { handoverReviewCard } from '../../../cards/handover-review';
import type {
  AssessmentView,
  HandoverCheckView,
  HandoverReviewView,
} from '../../../cards/handover-views';
import { actions, byName, byTag, en, expectValidCard, zh } from '../cards/support';

const check = (over: Partial<HandoverCheckView> = {}): HandoverCheckView => ({
  activityId: 'act_1',
  code: 'HD-2026-0001',
  title: '建校六十周年庆典',
  outcome: 'blocked',
  blocking: [
    {
      zh_cn: '「IMG_1.jpg」缺少说明：人物、摄影者',
      en_us: '"IMG_1.jpg" lacks: people, photographer',
    },
    { zh_cn: '「方案.pdf」已加密，请提交未加密的原件（安全性）', en_us: '"方案.pdf" is encrypted' },
  ],
  warnings: [{ zh_cn: '清单缺项：活动方案', en_us: 'Checklist gap: Event plan' }],
  toDeliver: [{ zh_cn: '实物「牌匾」×1 须送交综合档案室', en_us: 'Plaque ×1 to bring' }],
  totals: { zh_cn: '共 2 件', en_us: '2 items' },
  four: { authenticity: true, integrity: false, usability: true, security: false },
  ...over,
});

const review = (over: Partial<HandoverReviewView> = {}): HandoverReviewView => ({
  submissionId: 'act_1:v1',
  activityId: 'act_1',
  code: 'HD-2026-0001',
  title: '建校六十周年庆典',
  unitName: '教务处',
  category: { zh_cn: '5. 重要庆典和纪念活动', en_us: '5. Ceremonies and commemorations' },
  version: 1,
  by: '张老师',
  at: '2026-03-20 10:00',
  deadline: { zh_cn: '2026-04-06', en_us: '2026-04-06' },
  timeliness: { zh_cn: '按期移交', en_us: 'On time' },
  totals: { zh_cn: '3 件', en_us: '3 items' },
  listFile: '移交清册-HD-2026-0001-v1.xlsx',
  digest: 'ab'.repeat(32),
  retention: 'Y',
  ...over,
});

describe('handover cards', () => {
  it('pre-check blocked: every problem item by item, a recheck button, nothing to submit', () => {
    const card = handoverCheckCard(check());
    expect(card).toMatchSnapshot();
    expectValidCard(card);
    expect(card.header?.template).toBe('red');
    expect(zh(card)).toContain('「IMG_1.jpg」缺少说明：人物、摄影者');
    expect(zh(card)).toContain('四性检测：真实性 ✅ · 完整性 ❌ · 可用性 ✅ · 安全性 ❌');
    expect(en(card)).toContain('Four properties');
    expect(actions(card)).toEqual(['handover.submit']);
  });

  it('pre-check with warnings only offers "submit anyway" (confirm)', () => {
    const card = handoverCheckCard(check({ outcome: 'warnings', blocking: [] }));
    expectValidCard(card);
    expect(card.header?.template).toBe('orange');
    expect(zh(card)).toContain('仍然提交');
    expect(JSON.stringify(card)).toContain('"confirm":true');
  });

  it('pre-check submitted: green, the version, no buttons', () => {
    const card = handoverCheckCard(check({ outcome: 'submitted', blocking: [], version: 2 }));
    expect(card).toMatchSnapshot();
    expectValidCard(card);
    expect(zh(card)).toContain('已提交移交（第 2 版）');
    expect(actions(card)).toEqual([]);
  });

  it('shows at most 30 problems and says how many more', () => {
    const many = Array.from({ length: 45 }, (_, i) => ({ zh_cn: `问题 ${i}`, en_us: `p ${i}` }));
    const card = handoverCheckCard(check({ blocking: many }));
    expectValidCard(card);
    expect(zh(card)).toContain('……另有 15 项');
  });

  it('review card: summary, list digest, a form with retention (default 永久), reason, kind, two buttons', () => {
    const card = handoverReviewCard(review());
    expect(card).toMatchSnapshot();
    expectValidCard(card);
    expect(byName(card, 'retention')).toMatchObject({ initial_option: 'Y' });
    expect(byName(card, 'minor')).toMatchObject({ initial_option: 'no' });
    expect(actions(card)).toEqual(['handover.accept', 'handover.return']);
    expect(byName(card, 'accept')).toHaveProperty('confirm');
    expect(zh(card)).toContain('移交清册-HD-2026-0001-v1.xlsx');
    expect(zh(card)).toContain('ab'.repeat(32));
  });

  it('review card once decided: no form, who decided, the numbers and the originals button', () => {
    const card = handoverReviewCard(
      review({
        decided: {
          accepted: true,
          text: { zh_cn: '✅ 王档案员 验收通过', en_us: '✅ Accepted' },
          numbers: { zh_cn: '档号：Z001-WS·2026-Y-JWC-0001 至 …', en_us: 'Archive numbers …' },
        },
      }),
    );
    expect(card).toMatchSnapshot();
    expectValidCard(card);
    expect(byTag(card, 'form')).toHaveLength(0);
    expect(actions(card)).toEqual(['handover.originals']);
    const returned = handoverReviewCard(
      review({ decided: { accepted: false, text: { zh_cn: '退回', en_us: 'Returned' } } }),
    );
    expect(actions(returned)).toEqual([]);
    expect(returned.header?.template).toBe('grey');
  });

  it('notice to the organizer: resubmit after a return', () => {
    const card = handoverNoticeCard({
      activityId: 'act_1',
      title: { zh_cn: '移交被退回', en_us: 'Returned' },
      body: { zh_cn: '原因', en_us: 'reason' },
      color: 'orange',
      resubmit: true,
    });
    expectValidCard(card);
    expect(actions(card)).toEqual(['handover.submit', 'activity.status']);
  });

  it('originals: one receive button per pending line, none for received ones', () => {
    const card = handoverOriginalsCard({
      activityId: 'act_1',
      code: 'HD-2026-0001',
      lines: [
        { materialId: 'x1', text: { zh_cn: '实物「牌匾」×1', en_us: 'Plaque ×1' } },
        {
          materialId: 'd1',
          text: { zh_cn: '纸质原件「方案」', en_us: 'Paper "plan"' },
          receivedAt: '2026-03-25 10:00',
        },
      ],
      more: 0,
    });
    expect(card).toMatchSnapshot();
    expectValidCard(card);
    expect(actions(card)).toEqual(['handover.receive']);
    expect(zh(card)).toContain('✅ 已接收 2026-03-25 10:00');
  });

  it('search results each carry an export button', () => {
    const card = archiveSearchCard({
      query: { zh_cn: '检索条件：校庆', en_us: 'Search: 校庆' },
      items: [{ activityId: 'act_1', text: { zh_cn: '**HD-2026-0001** 校庆', en_us: 'x' } }],
      more: false,
      limit: 10,
    });
    expectValidCard(card);
    expect(actions(card)).toEqual(['archive.export']);
  });

  it('criticism form: unit and reason selects, optional activity and details', () => {
    const card = criticismFormCard({
      year: 2026,
      units: [{ value: 'jwc', label: { zh_cn: '教务处', en_us: 'jwc' } }],
      reasons: [{ value: 'lost', label: { zh_cn: '丢失', en_us: 'lost' } }],
    });
    expectValidCard(card);
    expect(['unit', 'reason', 'activity', 'note'].map((n) => byName(card, n)?.tag)).toEqual([
      'select_static',
      'select_static',
      'input',
      'input',
    ]);
  });
});

describe('assessment card', () => {
  const view: AssessmentView = {
    year: 2026,
    asOf: '2026-06-30 12:00',
    rulesFile: 'src/config/assessment-rules.yaml',
    rows: [
      {
        rank: 1,
        unitName: '宣传部',
        score: 19,
        registered: 4,
        onTime: 1,
        lateWithExtension: 1,
        lateWithout: 1,
        overdue: 0,
        completeness: '100%',
        returns: 1,
        criticisms: 0,
      },
      {
        rank: 2,
        unitName: '教务处',
        score: 5,
        registered: 3,
        onTime: 2,
        lateWithExtension: 0,
        lateWithout: 0,
        overdue: 1,
        completeness: '89%',
        returns: 1,
        criticisms: 1,
      },
    ],
    reportFile: '重大活动档案移交考核-2026.xlsx',
    noticeSent: true,
  };

  it('carries a VChart bar chart of the scores in the chart component', () => {
    const card = assessmentCard(view);
    expect(card).toMatchSnapshot();
    expectValidCard(card);
    const [chart] = byTag(card, 'chart');
    expect(chart).toEqual(scoreChart(view.rows));
    expect(chart).toMatchObject({
      tag: 'chart',
      chart_spec: {
        type: 'bar',
        xField: 'unit',
        yField: 'score',
        data: {
          values: [
            { unit: '宣传部', score: 19 },
            { unit: '教务处', score: 5 },
          ],
        },
      },
    });
    // No JavaScript in the spec: the platform refuses functions.
    expect(JSON.stringify(chart)).not.toMatch(/function|=>/);
  });

  it('ranks the units in a table in both languages and offers to record a criticism', () => {
    const card = assessmentCard(view);
    expect(zh(card)).toContain('| 1 | 宣传部 | 19 | 4 | 1 | 1 | 1 | 0 | 100% | 1 | 0 |');
    expect(en(card)).toContain('| Rank | Unit | Score |');
    expect(actions(card)).toEqual(['assessment.criticize.open']);
  });

  it('says so when the year has no activities (no chart)', () => {
    const card = assessmentCard({
      ...view,
      rows: [],
      reportFile: undefined,
      noticeSent: false,
    } as AssessmentView);
    expectValidCard(card);
    expect(byTag(card, 'chart')).toHaveLength(0);
    expect(zh(card)).toContain('该年度还没有登记的活动');
  });
});
