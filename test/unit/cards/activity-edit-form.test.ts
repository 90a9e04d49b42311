import { activityEditFormCard } from '../../../cards/activity-edit-form';
import { EDIT_FIELDS } from '../../../src/domain/activity-input';
import { categories } from './fixtures';
import { byName, byTag, en, expectValidCard, interactive, payload, zh, type Node } from './support';

const view = {
  activityId: 'act_1',
  code: 'HD-2026-0007',
  categories,
  values: {
    title: '开学典礼',
    category: '5',
    start_at: '2026-03-01 09:00',
    end_at: '2026-03-01 11:00',
    location: '体育馆',
  },
};

describe('activityEditFormCard', () => {
  it('renders the edit form', () => {
    const card = activityEditFormCard(view);
    expect(card).toMatchSnapshot();
    expectValidCard(card);
  });

  it('has a bilingual header and the editable fields only, prefilled', () => {
    const card = activityEditFormCard(view);
    expect(card.header?.title.i18n_content).toEqual({
      zh_cn: '修改活动 HD-2026-0007',
      en_us: 'Edit HD-2026-0007',
    });
    const form = byTag(card, 'form')[0]!;
    expect(form.name).toBe('edit_form');
    expect(interactive(form.elements).map((c) => c.name)).toEqual([...EDIT_FIELDS, 'submit']);
    expect(byName(card, 'title')?.default_value).toBe('开学典礼');
    expect(byName(card, 'category')?.initial_option).toBe('5');
    expect(byName(card, 'start_at')?.initial_datetime).toBe('2026-03-01 09:00');
    expect(byName(card, 'location')?.default_value).toBe('体育馆');
    expect(byName(card, 'summary')).not.toHaveProperty('default_value');
    expect(zh(card)).toContain('保存修改');
    expect(en(card)).toContain('Save changes');
  });

  it('submits the activity id', () => {
    const submit = byName(activityEditFormCard(view), 'submit')!;
    expect(submit.form_action_type).toBe('submit');
    expect(payload(submit)).toEqual({ action: 'activity.edit.submit', activityId: 'act_1' });
  });

  it('shows an error under its field', () => {
    const error = {
      zh_cn: '结束时间不能早于开始时间。',
      en_us: 'The end time cannot be before the start time.',
    };
    const card = activityEditFormCard({ ...view, errors: { end_at: error } });
    expect(card).toMatchSnapshot();
    const inForm = byTag(card, 'form')[0]!.elements as Node[];
    const next = inForm[inForm.findIndex((el) => el.name === 'end_at') + 1]!;
    expect(next.content).toBe("<font color='red'>结束时间不能早于开始时间。</font>");
    expect(en(card)).toContain(
      "<font color='red'>The end time cannot be before the start time.</font>",
    );
  });
});
