import { rebindConfirmCard } from '../../../cards/rebind-confirm';
import { buttons, en, expectValidCard, payload, zh } from './support';

const view = {
  activityId: 'act_new',
  code: 'HD-2026-0008',
  title: '校园开放日',
  currentCode: 'HD-2026-0007',
  currentTitle: '技能大赛开幕式',
};

describe('rebindConfirmCard', () => {
  it('renders the question', () => {
    const card = rebindConfirmCard(view);
    expect(card).toMatchSnapshot();
    expectValidCard(card);
  });

  it('asks in both languages on an orange card', () => {
    const card = rebindConfirmCard(view);
    expect(card.header?.template).toBe('orange');
    expect(zh(card)).toContain(
      '本群正在收集 **HD-2026-0007** 技能大赛开幕式 的材料，改为收集 **HD-2026-0008** 校园开放日？',
    );
    expect(en(card)).toContain('Collect for **HD-2026-0008** 校园开放日 instead?');
  });

  it('has one confirm button, behind a dialog, and nothing else', () => {
    const all = buttons(rebindConfirmCard(view));
    expect(all).toHaveLength(1);
    expect(payload(all[0]!)).toEqual({
      action: 'activity.bind_chat.confirm',
      activityId: 'act_new',
    });
    expect(all[0]!.confirm).toMatchObject({
      title: { i18n_content: { zh_cn: '确认更换', en_us: 'Confirm the switch' } },
      text: { content: '之后发到本群的照片和文件将归入 HD-2026-0008。' },
    });
  });
});
