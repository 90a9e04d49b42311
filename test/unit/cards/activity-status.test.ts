import { activityStatusCard } from '../../../cards/activity-status';
import { overdue, statusView } from './fixtures';
import { actions, en, expectValidCard, zh } from './support';

describe('activityStatusCard', () => {
  it('renders an activity on time', () => {
    const card = activityStatusCard(statusView());
    expect(card).toMatchSnapshot();
    expectValidCard(card);
  });

  it('is red and says 已逾期 when overdue', () => {
    const card = activityStatusCard(statusView(overdue));
    expect(card).toMatchSnapshot();
    expect(card.header?.template).toBe('red');
    expect(card.header?.text_tag_list?.[0]).toMatchObject({
      color: 'red',
      text: { i18n_content: { zh_cn: '已逾期', en_us: 'Overdue' } },
    });
    expect(zh(card)).toContain("<font color='red'>2026-05-10（已逾期 3 天）</font>");
    expect(en(card)).toContain("<font color='red'>2026-05-10 (overdue by 3 days)</font>");
  });

  it.each([
    ['ok', 'blue'],
    ['soon', 'orange'],
    ['overdue', 'red'],
    ['done', 'green'],
  ] as const)('colours the header for tone %s %s', (tone, color) => {
    expect(activityStatusCard(statusView({ deadlineTone: tone })).header?.template).toBe(color);
  });

  it('titles the card with the code in both languages and the activity beneath', () => {
    const card = activityStatusCard(statusView());
    expect(card.header?.title.i18n_content).toEqual({
      zh_cn: '活动状态 · HD-2026-0007',
      en_us: 'Activity status · HD-2026-0007',
    });
    expect(card.header?.subtitle?.content).toBe('2026 年职业技能大赛开幕式');
    expect(card.header?.text_tag_list).toBeUndefined();
  });

  it('shows materials by kind and how many lack a description', () => {
    const card = activityStatusCard(statusView());
    expect(zh(card)).toContain('文件 1 · 照片 12 · 音频 0 · 视频 0 · 链接 0 · 实物 0');
    expect(en(card)).toContain('Documents 1 · Photos 12');
    expect(zh(card)).toContain('2 项缺少说明');
    expect(en(card)).toContain('2 items lack a description');
    const described = statusView();
    described.materials.undescribed = 0;
    expect(zh(activityStatusCard(described))).not.toContain('缺少说明');
  });

  it('shows what is still missing, extension, handover, cancel reason and recent changes', () => {
    const card = activityStatusCard(statusView({ cancelReason: '改期' }));
    expect(zh(card)).toContain('☐ 会议纪要（必需）');
    expect(zh(card)).toContain('还缺 6 项必需材料');
    expect(en(card)).toContain('6 required items still missing');
    expect(zh(card)).toContain('**延期**：未申请延期');
    expect(en(card)).toContain('**Handover**: not handed over yet');
    expect(zh(card)).toContain('**取消原因**：改期');
    expect(zh(card)).toContain(
      '**最近变更**\n04-10 12:00 张老师 修改了 地点\n04-09 08:00 张老师 登记了活动',
    );
    expect(en(card)).toContain('04-09 08:00 张老师 registered the activity');
    expect(zh(activityStatusCard(statusView()))).not.toContain('取消原因');
  });

  it('shows only the listed buttons', () => {
    expect(actions(activityStatusCard(statusView()))).toEqual([
      'activity.create_chat',
      'activity.edit.open',
      'activity.cancel.open',
    ]);
    const archived = activityStatusCard(statusView({ buttons: ['restore'], recentChanges: [] }));
    expect(actions(archived)).toEqual(['activity.restore']);
    expect(actions(activityStatusCard(statusView({ buttons: ['edit'] })))).not.toContain(
      'activity.cancel.open',
    );
    const bare = activityStatusCard(statusView({ buttons: [], recentChanges: [] }));
    expect(bare.body.elements.at(-1)?.tag).not.toBe('hr');
  });
});
