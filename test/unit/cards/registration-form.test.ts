import { registrationFormCard } from '../../../cards/registration-form';
import { REGISTRATION_FIELDS } from '../../../src/domain/activity-input';
import { registrationView, units } from './fixtures';
import { byName, byTag, en, expectValidCard, interactive, payload, zh, type Node } from './support';

const errorText = (field: string) => ({ zh_cn: `${field} 有误`, en_us: `${field} is wrong` });

describe('registrationFormCard', () => {
  it('renders the empty form', () => {
    const card = registrationFormCard(registrationView());
    expect(card).toMatchSnapshot();
    expectValidCard(card);
  });

  it('has a bilingual header, intro and deadline note', () => {
    const card = registrationFormCard(registrationView());
    expect(card.header?.title.i18n_content).toEqual({
      zh_cn: '登记重大活动',
      en_us: 'Register a major activity',
    });
    expect(zh(card)).toContain('活动结束后一个月内移交');
    expect(en(card)).toContain('within one month after the activity ends');
    expect(zh(card)).toContain('活动名称');
    expect(en(card)).toContain('Title');
  });

  it('puts one form named activity_form at the root with every contract field in it', () => {
    const card = registrationFormCard(registrationView());
    const forms = byTag(card, 'form');
    expect(forms).toHaveLength(1);
    expect(forms[0]!.name).toBe('activity_form');
    expect(card.body.elements).toContain(forms[0]);
    const names = interactive(forms[0]!.elements).map((c) => c.name);
    expect(names).toEqual([...REGISTRATION_FIELDS, 'submit']);
  });

  it('uses the components and limits of the contract', () => {
    const card = registrationFormCard(registrationView());
    const tagOf = (n: string) => byName(card, n)?.tag;
    expect(REGISTRATION_FIELDS.map(tagOf)).toEqual([
      'input',
      'select_static',
      'select_static',
      'multi_select_static',
      'picker_datetime',
      'picker_datetime',
      'input',
      'input',
      'select_person',
    ]);
    expect(byName(card, 'title')).toMatchObject({ required: true, max_length: 100 });
    expect(byName(card, 'location')).toMatchObject({ required: false, max_length: 200 });
    expect(byName(card, 'summary')).toMatchObject({
      input_type: 'multiline_text',
      required: false,
      max_length: 1000,
    });
    for (const n of ['category', 'unit', 'start_at', 'end_at']) {
      expect(byName(card, n)?.required).toBe(true);
    }
    expect((byName(card, 'category')?.options as unknown[]).length).toBe(10);
    expect(byName(card, 'contact')?.options).toEqual([{ value: 'ou_alice' }, { value: 'ou_bob' }]);
  });

  it('submits the draft id and chat type with a filled primary button', () => {
    const card = registrationFormCard(registrationView({ chatType: 'p2p' }));
    const submit = byName(card, 'submit')!;
    expect(submit).toMatchObject({ form_action_type: 'submit', type: 'primary_filled' });
    expect(payload(submit)).toEqual({
      action: 'activity.register.submit',
      draftId: 'd0123456789abcdef012',
      chatType: 'p2p',
    });
    expect(zh(card)).not.toContain('本群');
  });

  it('prefills every value it is given', () => {
    const card = registrationFormCard(
      registrationView({
        values: {
          title: '校企合作签约仪式',
          category: '4',
          unit: 'U01',
          co_units: ['U02', 'U03', 'U99'],
          start_at: '2026-04-10 09:00',
          end_at: '2026-04-10 11:30',
          location: '学术报告厅',
          summary: '与三家企业签约',
          contact: 'ou_bob',
        },
      }),
    );
    expect(card).toMatchSnapshot();
    expect(byName(card, 'title')?.default_value).toBe('校企合作签约仪式');
    expect(byName(card, 'category')?.initial_option).toBe('4');
    expect(byName(card, 'unit')?.initial_option).toBe('U01');
    expect(byName(card, 'co_units')?.selected_values).toEqual(['U02', 'U03']);
    expect(byName(card, 'start_at')?.initial_datetime).toBe('2026-04-10 09:00');
    expect(byName(card, 'end_at')?.initial_datetime).toBe('2026-04-10 11:30');
    expect(byName(card, 'location')?.default_value).toBe('学术报告厅');
    expect(byName(card, 'summary')?.default_value).toBe('与三家企业签约');
    expect(byName(card, 'contact')?.initial_option).toBe('ou_bob');
  });

  it('leaves out initial values Feishu would reject', () => {
    const card = registrationFormCard(
      registrationView({ contactCandidates: [], values: { unit: 'GONE', contact: 'ou_x' } }),
    );
    expect(byName(card, 'unit')).not.toHaveProperty('initial_option');
    expect(byName(card, 'contact')).not.toHaveProperty('options');
    expect(byName(card, 'contact')).not.toHaveProperty('initial_option');
  });

  it('stays under 30 KB and 200 elements with 50 units, every value and every error', () => {
    const errors = Object.fromEntries(REGISTRATION_FIELDS.map((f) => [f, errorText(f)]));
    const values = { title: '题'.repeat(100), summary: '述'.repeat(1000), co_units: ['U01'] };
    const card = registrationFormCard(registrationView({ units: units(50), errors, values }));
    expectValidCard(card);
  });

  it('shows each error in red in both languages right after its own field', () => {
    const fields = ['title', 'unit', 'end_at', 'contact'] as const;
    const errors = Object.fromEntries(fields.map((f) => [f, errorText(f)]));
    const card = registrationFormCard(registrationView({ errors }));
    expect(card).toMatchSnapshot();
    expectValidCard(card);
    const inForm = byTag(card, 'form')[0]!.elements as Node[];
    for (const f of fields) {
      const at = inForm.findIndex((el) => el.name === f);
      const next = inForm[at + 1] as { content: string; i18n_content: { en_us: string } };
      expect(next.content).toBe(`<font color='red'>${f} 有误</font>`);
      expect(next.i18n_content.en_us).toBe(`<font color='red'>${f} is wrong</font>`);
    }
    expect(zh(card).match(/color='red'>[a-z_]+ 有误/g)).toHaveLength(fields.length);
  });
});
