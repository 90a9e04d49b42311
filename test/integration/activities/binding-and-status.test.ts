import { events } from '../../../src/simulator';
import { groupCommand, json, registerThroughCard, tap } from '../../support/activity-flows';
import { startTestBot, type TestBot } from '../../support/test-bot';

let bot: TestBot;

beforeEach(async () => {
  bot = await startTestBot({ now: '2026-03-02T02:00:00Z' });
});
afterEach(async () => {
  bot.sim.assertNoUnmatched();
  await bot.close();
});

describe('group chats and the status card', () => {
  it('binds the current group, then answers "状态" there with the status card', async () => {
    const { activityId, code } = await registerThroughCard(bot);
    const answer = await tap(bot, 'ou_org1', { action: 'activity.bind_chat', activityId });
    expect(answer.toast?.type).toBe('success');
    expect(answer.toast?.i18n.zh_cn).toContain(code);
    expect((await bot.bot.deps.repos.activities.bindingOf('oc_grp1'))?.activityId).toBe(activityId);
    expect((await bot.bot.deps.repos.activities.findById(activityId))?.state).toBe('collecting');

    await groupCommand(bot, '状态', { messageId: 'om_status' });
    await bot.drain();
    const status = json(bot.sim.cardsTo('om_status')[0]!.content);
    expect(status).toContain(code);
    expect(status).toContain('还剩 34 天'); // 2 March → 5 April, calendar days in Shanghai
    expect(status).toContain('34 days left');
    expect(status).toContain('未申请延期');
    expect(status).toContain('尚未移交');
    expect(status).toContain('登记了活动');
  });

  it('names an activity by its code from any chat', async () => {
    const { code } = await registerThroughCard(bot);
    await groupCommand(bot, `状态 #${code}`, { chatId: 'oc_elsewhere', messageId: 'om_bycode' });
    await bot.drain();
    expect(json(bot.sim.cardsTo('om_bycode')[0]!.content)).toContain(code);
  });

  it('asks before moving a group to another activity, and logs the move', async () => {
    const first = await registerThroughCard(bot);
    const second = await registerThroughCard(bot, { form: { title: '技能大赛' } });
    await tap(bot, 'ou_org1', { action: 'activity.bind_chat', activityId: first.activityId });
    const ask = await tap(bot, 'ou_org1', {
      action: 'activity.bind_chat',
      activityId: second.activityId,
    });
    expect(json(ask.card)).toContain('activity.bind_chat.confirm');
    expect(json(ask.card)).toContain(first.code);
    expect((await bot.bot.deps.repos.activities.bindingOf('oc_grp1'))?.activityId).toBe(
      first.activityId,
    );
    const done = await tap(bot, 'ou_org1', {
      action: 'activity.bind_chat.confirm',
      activityId: second.activityId,
    });
    expect(done.toast?.type).toBe('success');
    expect((await bot.bot.deps.repos.activities.bindingOf('oc_grp1'))?.activityId).toBe(
      second.activityId,
    );
    expect(
      (await bot.bot.deps.repos.activities.findById(first.activityId))?.chatId,
    ).toBeUndefined();
    const audit = await bot.bot.deps.repos.activities.recentAudit(second.activityId, 5);
    expect(audit.map((a) => a.action)).toContain('rebound');
  });

  it('creates a group for the activity with the registrant, contact and an archivist', async () => {
    const { activityId, code } = await registerThroughCard(bot, { form: { contact: 'ou_leader' } });
    const answer = await tap(
      bot,
      'ou_org1',
      { action: 'activity.create_chat', activityId },
      { chatId: 'oc_p2p_org1' },
    );
    expect(answer.toast?.type).toBe('info');
    await bot.drain();
    const created = bot.sim.requestsTo('/open-apis/im/v1/chats', 'POST');
    expect(created).toHaveLength(1);
    const body = created[0]!.body as { name: string; user_id_list: string[] };
    expect(body.name).toContain(code);
    expect(body.user_id_list).toEqual(expect.arrayContaining(['ou_org1', 'ou_leader', 'ou_arch1']));
    const activity = await bot.bot.deps.repos.activities.findById(activityId);
    expect(activity?.chatId).toMatch(/^oc_/);
    expect(bot.sim.cardsTo(activity!.chatId!)).toHaveLength(1);
  });

  it('unbinds a group the bot was removed from and tells the contact', async () => {
    const { activityId, code } = await registerThroughCard(bot);
    await tap(bot, 'ou_org1', { action: 'activity.bind_chat', activityId });
    await bot.sendEvent(
      events.botDeleted(
        { chatId: 'oc_grp1', operatorOpenId: 'ou_org1', name: '校庆筹备群' },
        bot.ids,
      ),
    );
    await bot.drain();
    expect(await bot.bot.deps.repos.activities.bindingOf('oc_grp1')).toBeNull();
    expect((await bot.bot.deps.repos.activities.findById(activityId))?.chatId).toBeUndefined();
    const notice = json(bot.sim.cardsTo('ou_org1').at(-1)!.content);
    expect(notice).toContain(code);
    expect(notice).toContain('校庆筹备群');
  });

  it('answers "状态" in an unbound group with how to bind', async () => {
    await groupCommand(bot, 'status', { chatId: 'oc_new', messageId: 'om_unbound' });
    await bot.drain();
    expect(json(bot.sim.cardsTo('om_unbound')[0]!.content)).toContain('bind this group');
  });
});

describe('when the activity has ended', () => {
  it('shows it as ended, with the days left to hand over', async () => {
    const bot2 = await startTestBot({ now: '2026-03-02T02:00:00Z' });
    try {
      const { activityId } = await registerThroughCard(bot2);
      bot2.clock.set('2026-03-10T02:00:00Z');
      const card = json(
        (await tap(bot2, 'ou_org1', { action: 'activity.status', activityId })).card,
      );
      expect(card).toContain('已结束');
      expect(card).toContain('还剩 26 天');
      expect((await bot2.bot.deps.repos.activities.findById(activityId))?.state).toBe('ended');
      bot2.clock.set('2026-04-07T02:00:00Z');
      const late = json(
        (await tap(bot2, 'ou_org1', { action: 'activity.status', activityId })).card,
      );
      expect(late).toContain('已逾期 2 天');
      expect(late).toContain('overdue by 2 days');
    } finally {
      await bot2.close();
    }
  });
});
