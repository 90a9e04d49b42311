import { activityCancelFormCard } from '../../../cards/activity-cancel-form';
import { byName, byTag, en, expectValidCard, interactive, payload, zh } from './support';

const view = { activityId: 'act_1', code: 'HD-2026-0007', title: '开学典礼' };

describe('activityCancelFormCard', () => {
  it('renders the cancel form', () => {
    const card = activityCancelFormCard(view);
    expect(card).toMatchSnapshot();
    expectValidCard(card);
  });

  it('asks for a required reason in both languages', () => {
    const card = activityCancelFormCard(view);
    expect(card.header?.title.i18n_content).toEqual({
      zh_cn: '取消活动 HD-2026-0007',
      en_us: 'Cancel HD-2026-0007',
    });
    expect(zh(card)).toContain('确定取消 **HD-2026-0007** 开学典礼？');
    expect(en(card)).toContain('Cancel **HD-2026-0007** 开学典礼?');
    const form = byTag(card, 'form')[0]!;
    expect(form.name).toBe('cancel_form');
    expect(interactive(form.elements).map((c) => c.name)).toEqual(['reason', 'submit']);
    expect(byName(card, 'reason')).toMatchObject({
      required: true,
      input_type: 'multiline_text',
      max_length: 500,
    });
  });

  it('submits with a danger button', () => {
    const submit = byName(activityCancelFormCard(view), 'submit')!;
    expect(submit).toMatchObject({ type: 'danger_filled', form_action_type: 'submit' });
    expect(payload(submit)).toEqual({ action: 'activity.cancel.submit', activityId: 'act_1' });
  });

  it('shows the error only when there is one', () => {
    expect(zh(activityCancelFormCard(view))).not.toContain("color='red'>请");
    const error = { zh_cn: '请填写取消原因。', en_us: 'Please give a reason for cancelling.' };
    const card = activityCancelFormCard({ ...view, error });
    expect(card).toMatchSnapshot();
    expect(zh(card)).toContain("<font color='red'>请填写取消原因。</font>");
    expect(en(card)).toContain("<font color='red'>Please give a reason for cancelling.</font>");
  });
});
