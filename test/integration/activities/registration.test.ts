import {
  json,
  groupCommand,
  registerThroughCard,
  tap,
  validForm,
} from '../../support/activity-flows';
import { startTestBot, type TestBot } from '../../support/test-bot';

let bot: TestBot;

beforeEach(async () => {
  bot = await startTestBot({ now: '2026-03-02T02:00:00Z' });
});
afterEach(async () => {
  bot.sim.assertNoUnmatched();
  await bot.close();
});

describe('registering an activity', () => {
  it('answers "@bot 登记" with a registration form preselecting the sender’s unit', async () => {
    await groupCommand(bot, '登记', { messageId: 'om_reg' });
    await bot.drain();
    const [reply] = bot.sim.cardsTo('om_reg');
    const card = json(reply!.content);
    for (const field of [
      '"title"',
      '"category"',
      '"unit"',
      '"co_units"',
      '"start_at"',
      '"end_at"',
      '"location"',
      '"summary"',
      '"contact"',
    ]) {
      expect(card).toContain(`"name":${field}`);
    }
    expect(card).toContain('登记重大活动');
    expect(card).toContain('Register a major activity');
    expect(card).toMatch(/"initial_option":"jwc"/);
    expect(card).toContain('activity.register.submit');
  });

  it('creates the activity from the form, with code, deadline and checklist on the confirmation card', async () => {
    const { answer, activityId, code } = await registerThroughCard(bot);
    expect(answer.toast?.type).toBe('success');
    expect(answer.toast?.i18n.zh_cn).toContain('HD-2026-0001');
    expect(answer.toast?.i18n.en_us).toContain('Registered HD-2026-0001');
    expect(code).toBe('HD-2026-0001');
    const card = json(answer.card);
    expect(card).toContain('2026 年校庆典礼');
    expect(card).toContain('2026-04-05'); // ends 5 March → due 5 April (end of day, Shanghai)
    expect(card).toContain('activity.bind_chat');
    expect(card).toContain('activity.create_chat');
    const stored = await bot.bot.deps.repos.activities.findById(activityId);
    expect(stored?.unit).toBe('jwc');
    expect(stored?.coUnits).toEqual(['xcb']);
    expect(stored?.deadline.toISOString()).toBe('2026-04-05T15:59:59.999Z');
    expect(stored?.state).toBe('registered');
    expect(stored?.registrant).toBe('ou_org1');
  });

  it('creates one activity from two taps of submit', async () => {
    const first = await registerThroughCard(bot, { draftId: 'twice' });
    const second = await registerThroughCard(bot, { draftId: 'twice' });
    expect(second.code).toBe(first.code);
    const page = await bot.bot.deps.repos.activities.list({}, 1, 10);
    expect(page.total).toBe(1);
  });

  it('creates one activity from two concurrent submits, and the next one gets the next number', async () => {
    const value = { action: 'activity.register.submit', draftId: 'race', chatType: 'group' };
    const answers = await Promise.all(
      [1, 2, 3].map(() => tap(bot, 'ou_org1', value, { formValue: validForm() })),
    );
    const codes = answers.map((a) => /HD-2026-\d{4}/.exec(json(a.card))?.[0]);
    expect(new Set(codes)).toEqual(new Set(['HD-2026-0001']));
    const next = await registerThroughCard(bot);
    expect(next.code).toBe('HD-2026-0002');
  });

  it.each([
    ['title', { title: '' }, '名称', 'title'],
    ['title too long', { title: '长'.repeat(101) }, '100', '100'],
    ['category', { category: '11' }, '类别', 'category'],
    ['unit', { unit: 'nope' }, '单位', 'unit'],
    ['end before start', { end_at: '2026-03-04 09:00 +0800' }, '结束', 'end'],
    ['summary too long', { summary: 'x'.repeat(1001) }, '1000', '1000'],
  ])(
    'refuses %s with a message on the card and a toast, storing nothing',
    async (_name, over, zh, en) => {
      const answer = await tap(
        bot,
        'ou_org1',
        { action: 'activity.register.submit', draftId: 'bad', chatType: 'group' },
        { formValue: validForm(over) },
      );
      expect(answer.toast?.type).toBe('error');
      expect(answer.toast?.i18n.en_us).toMatch(/correct/i);
      const card = json(answer.card);
      expect(card).toContain(zh);
      expect(card.toLowerCase()).toContain(en.toLowerCase());
      expect(card).toContain('"name":"title"');
      expect((await bot.bot.deps.repos.activities.list({}, 1, 10)).total).toBe(0);
    },
  );

  it('keeps what the person typed when the form comes back with errors', async () => {
    const answer = await tap(
      bot,
      'ou_org1',
      { action: 'activity.register.submit', draftId: 'keep', chatType: 'group' },
      { formValue: validForm({ category: '' }) },
    );
    expect(json(answer.card)).toContain('2026 年校庆典礼');
    expect(json(answer.card)).toContain('2026-03-05 09:00');
  });

  it('numbers activities per year', async () => {
    await registerThroughCard(bot);
    const next = await registerThroughCard(bot, {
      form: { start_at: '2027-01-05 09:00 +0800', end_at: '2027-01-06 09:00 +0800' },
    });
    expect(next.code).toBe('HD-2027-0001');
  });
});
