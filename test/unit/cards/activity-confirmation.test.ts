import { activityConfirmationCard } from '../../../cards/activity-confirmation';
import { confirmationView } from './fixtures';
import { actions, buttons, en, expectValidCard, zh } from './support';

describe('activityConfirmationCard', () => {
  it('renders the registered activity', () => {
    const card = activityConfirmationCard(confirmationView({ boundChatName: '技能大赛筹备群' }));
    expect(card).toMatchSnapshot();
    expectValidCard(card);
  });

  it('has a green header with the code in both languages and the title beneath', () => {
    const card = activityConfirmationCard(confirmationView());
    expect(card.header).toMatchObject({
      template: 'green',
      title: { i18n_content: { zh_cn: '已登记 HD-2026-0007', en_us: 'Registered HD-2026-0007' } },
      subtitle: { content: '2026 年职业技能大赛开幕式' },
    });
  });

  it('shows the details and the handover deadline with its note', () => {
    const card = activityConfirmationCard(confirmationView());
    expect(zh(card)).toContain('**移交截止**：2026-05-10（还剩 12 天）');
    expect(en(card)).toContain('**Handover due**: 2026-05-10 (12 days left)');
    expect(zh(card)).toContain('**协办单位**：团委、学生处');
    expect(en(card)).toContain('**Co-organizers**: 团委, 学生处');
    expect(zh(card)).toContain('2026-04-10 09:00 至 2026-04-10 11:30');
    expect(zh(card)).toContain('**地点**：学术报告厅');
  });

  it('lists the checklist with received and required marks', () => {
    const card = activityConfirmationCard(confirmationView());
    expect(zh(card)).toContain('**本类活动通常需要归档的材料**');
    expect(zh(card)).toContain('☑ 会议通知（必需）');
    expect(zh(card)).toContain('☐ 会议纪要（必需）');
    expect(zh(card)).toContain('☐ 会议材料汇编（可选）');
    expect(en(card)).toContain('☑ Photos (required)');
    expect(en(card)).toContain('☐ Meeting papers (optional)');
  });

  it('says the group collects only when it is bound', () => {
    expect(zh(activityConfirmationCard(confirmationView()))).not.toContain('已绑定本群');
    const bound = activityConfirmationCard(confirmationView({ boundChatName: '筹备群' }));
    expect(zh(bound)).toContain('已绑定本群收集材料');
    expect(zh(bound)).toContain('「筹备群」');
    expect(en(bound)).toContain('"筹备群"');
  });

  it('shows exactly the listed buttons, in order', () => {
    const card = activityConfirmationCard(
      confirmationView({ buttons: ['request_extension', 'status', 'submit_handover', 'edit'] }),
    );
    expect(actions(card)).toEqual([
      'extension.open',
      'activity.status',
      'handover.submit',
      'activity.edit.open',
    ]);
    const all = activityConfirmationCard(confirmationView());
    expect(actions(all)).toEqual([
      'activity.bind_chat',
      'activity.create_chat',
      'activity.status',
      'activity.edit.open',
      'activity.cancel.open',
    ]);
    expect(buttons(all).find((b) => b.type === 'danger')?.text).toMatchObject({
      i18n_content: { zh_cn: '取消活动', en_us: 'Cancel activity' },
    });
    expect(buttons(activityConfirmationCard(confirmationView({ buttons: [] })))).toHaveLength(0);
  });

  it('keeps people’s text from injecting markup', () => {
    const card = activityConfirmationCard(
      confirmationView({ title: '<at id=all></at> 典礼', contactName: '<font>李</font>' }),
    );
    const body = JSON.stringify(card.body);
    expect(body).not.toContain('<at');
    expect(body).not.toContain('<font>');
    expect(zh(card)).toContain('&lt;at id=all&gt;&lt;/at&gt; 典礼');
    expect(card.header?.subtitle?.content).toBe('<at id=all></at> 典礼');
  });
});
