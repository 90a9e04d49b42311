import { json, privateCommand, registerThroughCard, tap } from '../../support/activity-flows';
import { startTestBot, type TestBot } from '../../support/test-bot';

let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({ now: '2026-03-02T02:00:00Z' });
  for (let i = 1; i <= 12; i++) {
    await registerThroughCard(bot, { draftId: `mine${i}`, form: { title: `教务活动 ${i}` } });
  }
  await registerThroughCard(bot, {
    draftId: 'other',
    operator: 'ou_pub1',
    form: { title: '宣传片首映', unit: 'xcb', co_units: [], contact: 'ou_pub1', category: '8' },
  });
  await registerThroughCard(bot, {
    draftId: 'old',
    form: {
      title: '去年的会议',
      start_at: '2025-12-01 09:00 +0800',
      end_at: '2025-12-01 12:00 +0800',
      category: '4',
    },
  });
});
afterAll(async () => {
  await bot.close();
});

describe('activity lists', () => {
  it('lists my activities, ten per page, with paging', async () => {
    await privateCommand(bot, '我的活动', 'ou_org1', 'om_mine');
    await bot.drain();
    const first = json(bot.sim.cardsTo('om_mine')[0]!.content);
    expect(first).toContain('13'); // 12 this year + 1 from 2025
    expect(first).not.toContain('宣传片首映');
    expect(first).toContain('"page":2');
    const second = json(
      (await tap(bot, 'ou_org1', { action: 'activity.list', scope: 'mine', page: 2 })).card,
    );
    expect(second).toContain('"page":1');
    expect((second.match(/HD-20\d\d-\d{4}/g) ?? []).length).toBeGreaterThanOrEqual(3);
  });

  it('refuses "all activities" to a non-archivist', async () => {
    const answer = await tap(bot, 'ou_org1', { action: 'activity.list', scope: 'all', page: 1 });
    expect(answer.toast?.type).toBe('error');
  });

  it('filters all activities by unit, category, year, overdue and search', async () => {
    const filter = async (formValue: Record<string, unknown>) =>
      json((await tap(bot, 'ou_arch1', { action: 'activity.list.filter' }, { formValue })).card);
    const byUnit = await filter({ unit: 'xcb' });
    expect(byUnit).toContain('宣传片首映');
    expect(byUnit).not.toContain('教务活动 1');
    expect(await filter({ year: '2025' })).toContain('去年的会议');
    expect(await filter({ year: '2025' })).not.toContain('宣传片首映');
    const overdue = await filter({ overdue: 'yes' });
    expect(overdue).toContain('去年的会议');
    expect(overdue).not.toContain('教务活动');
    const onTime = await filter({ overdue: 'no' });
    expect(onTime).toContain('教务活动');
    expect(onTime).not.toContain('去年的会议');
    expect(await filter({ q: '首映' })).toContain('宣传片首映');
    expect(await filter({ q: 'HD-2025' })).toContain('去年的会议');
    expect(await filter({ category: '8' })).toContain('宣传片首映');
  });

  it('answers the archivists’ text command with the list and a search', async () => {
    await privateCommand(bot, '全部活动 首映', 'ou_arch1', 'om_all');
    await bot.drain();
    const card = json(bot.sim.cardsTo('om_all')[0]!.content);
    expect(card).toContain('宣传片首映');
    expect(card).not.toContain('教务活动 1"');
  });
});
