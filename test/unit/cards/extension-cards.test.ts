import {
  extensionDecisionCard,
  type ExtensionDecisionView,
} from '../../../cards/extension-decision';
import { extensionFormCard } from '../../../cards/extension-form';
import { overdueDigestCard, DIGEST_MAX_ROWS } from '../../../cards/overdue-digest';
import { same } from '../../../src/i18n/t';

const view: ExtensionDecisionView = {
  requestId: 'ext:act_1:1',
  code: 'HD-2026-0001',
  title: '校庆典礼',
  unitName: '教务处',
  requesterName: '张老师',
  progress: { items: 12, describedPct: 75, gaps: 1 },
  currentDeadline: '2026-04-05',
  requestedDeadline: '2026-04-20',
  reason: '报道未刊发',
  asArchivist: false,
};
const text = (x: unknown) => JSON.stringify(x);
const buttons = (card: unknown): Record<string, unknown>[] => {
  const found: Record<string, unknown>[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (o.tag === 'button') found.push(o);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
};

describe('extension decision card', () => {
  it('shows what a leader weighs and offers exactly approve and reject, in a form with a comment', () => {
    const card = extensionDecisionCard(view);
    const s = text(card);
    for (const t of [
      '教务处',
      '张老师',
      '已收集 12 件，已著录 75%，清单缺 1 项',
      '2026-04-05',
      '2026-04-20',
      '报道未刊发',
    ])
      expect(s).toContain(t);
    const values = buttons(card).map((b) => (b.behaviors as { value: unknown }[])[0]?.value);
    expect(values).toEqual([
      { action: 'extension.decide', requestId: 'ext:act_1:1', decision: 'approve' },
      { action: 'extension.decide', requestId: 'ext:act_1:1', decision: 'reject' },
    ]);
    expect(s).toContain('"name":"comment"');
    expect(s).not.toContain('由档案员代为审批');
  });
  it('once decided shows the outcome and no buttons', () => {
    const card = extensionDecisionCard({
      ...view,
      decided: {
        status: 'rejected',
        who: '李副院长',
        at: '2026-03-03 10:00',
        deadline: '2026-04-05',
        comment: '按期',
      },
    });
    expect(buttons(card)).toHaveLength(0);
    expect(text(card)).toContain('李副院长** 已于 2026-03-03 10:00 驳回');
    expect(card.header?.template).toBe('grey');
  });
  it('says when archivists decide for a unit without a leader, and on a reminder how long it waited', () => {
    const s = text(extensionDecisionCard({ ...view, asArchivist: true, waitingWorkdays: 3 }));
    expect(s).toContain('由档案员代为审批');
    expect(s).toContain('已等待 3 个工作日');
  });
});

describe('extension form', () => {
  it('asks for a date and a required reason, echoing input and marking errors', () => {
    const card = extensionFormCard({
      activityId: 'act_1',
      code: 'HD-2026-0001',
      title: '校庆典礼',
      deadline: '2026-04-05',
      decider: same('李副院长'),
      values: { date: '2026-04-01', reason: '来不及' },
      errors: { date: true },
    });
    const s = text(card);
    expect(s).toContain('"tag":"date_picker"');
    expect(s).toContain('"initial_date":"2026-04-01"');
    expect(s).toContain('来不及');
    expect(s).toContain('请选择晚于当前截止日期');
    expect(s).not.toContain('请填写延期理由');
    expect(s).toContain('李副院长');
  });
});

describe('overdue digest card', () => {
  const row = (i: number) => ({
    activityId: `act_${i}`,
    code: `HD-2026-${String(i).padStart(4, '0')}`,
    title: `活动${i}`,
    unitName: '教务处',
    contactName: '张老师',
    daysOverdue: 30 - i,
    items: i,
    extensionPending: i === 2,
  });
  it('has a status and a remind button per row and counts what did not fit', () => {
    const rows = Array.from({ length: DIGEST_MAX_ROWS }, (_, i) => row(i + 1));
    const card = overdueDigestCard({ date: '2026-04-15', rows, more: 3 });
    expect(buttons(card)).toHaveLength(DIGEST_MAX_ROWS * 2);
    const s = text(card);
    expect(s).toContain(`共 **${DIGEST_MAX_ROWS + 3}** 个活动`);
    expect(s).toContain('另有 3 个未列出');
    expect(s).toContain('extension pending');
  });
});
