import { events, rateLimitFault } from '../../../src/simulator';
import { startTestBot, type TestBot } from '../../support/test-bot';

let bot: TestBot;

beforeEach(async () => {
  bot = await startTestBot();
});
afterEach(async () => {
  bot.sim.assertNoUnmatched();
  await bot.close();
});

const botAdded = (chatId: string, eventId?: string) =>
  events.botAdded(
    { chatId, operatorOpenId: 'ou_org1', name: '校庆筹备群', ...(eventId ? { eventId } : {}) },
    bot.ids,
  );

describe('durable inbox', () => {
  it('handles an event delivered three times once', async () => {
    const envelope = botAdded('oc_grp1');
    for (let i = 0; i < 3; i++) expect((await bot.sendEvent(envelope)).status).toBe(200);
    await bot.drain();
    expect(bot.sim.cardsTo('oc_grp1')).toHaveLength(1);
    expect(await bot.bot.deps.repos.inbox.count({ type: 'im.chat.member.bot.added_v1' })).toBe(1);
  });

  it('ignores a redelivery that arrives after the event was handled', async () => {
    const envelope = botAdded('oc_late');
    await bot.sendEvent(envelope);
    await bot.drain();
    bot.clock.advance(15_000);
    expect((await bot.sendEvent(envelope)).status).toBe(200);
    expect(await bot.drain()).toBe(0);
    expect(bot.sim.cardsTo('oc_late')).toHaveLength(1);
    expect((await bot.bot.deps.repos.inbox.backlog(bot.clock.now())).unfinished).toBe(0);
  });

  it('dedupes a received message by message_id even under a new event_id', async () => {
    const first = events.textMessage(
      {
        messageId: 'om_same',
        chatId: 'oc_p2p',
        chatType: 'p2p',
        senderOpenId: 'ou_org1',
        text: '帮助',
      },
      bot.ids,
    );
    const again = { ...first, header: { ...first.header, event_id: 'evt_other' } };
    await bot.sendEvent(first);
    await bot.sendEvent(again);
    await bot.drain();
    expect(bot.sim.cardsTo('om_same')).toHaveLength(1);
  });

  it('stores the event before answering, so it survives a worker that has not run yet', async () => {
    await bot.sendEvent(botAdded('oc_later'));
    expect(await bot.bot.deps.repos.inbox.count({ status: 'pending' })).toBe(1);
    await bot.drain();
    expect(await bot.bot.deps.repos.inbox.count({ status: 'done' })).toBe(1);
  });

  it('runs a record again after a crash mid-handler, with no visible duplicate', async () => {
    const { inbox } = bot.bot.deps.repos;
    await bot.sendEvent(botAdded('oc_crash', 'evt_crash'));
    // A first process claims the record, posts the welcome card, and dies before marking it done.
    const claimed = await inbox.claim(bot.clock.now(), 60_000, 'dead-worker');
    expect(claimed?._id).toBe('evt:evt_crash');
    await bot.bot.deps.messenger.sendCard(
      { chatId: 'oc_crash' },
      { schema: '2.0', config: { update_multi: true }, body: { elements: [] } },
      `${claimed!._id}:welcome`,
    );
    expect(bot.sim.cardsTo('oc_crash')).toHaveLength(1);
    // Nothing runs while the dead worker's lease holds…
    expect(await bot.drain()).toBe(0);
    // …then the lease expires and another worker finishes the job without posting again.
    bot.clock.advance(61_000);
    expect(await bot.drain()).toBe(1);
    expect(bot.sim.cardsTo('oc_crash')).toHaveLength(1);
    expect((await inbox.get('evt:evt_crash'))?.status).toBe('done');
  });

  it('sends once when the platform answers 429 first', async () => {
    bot.sim.inject(rateLimitFault('/open-apis/im/v1/messages', 0));
    await bot.sendEvent(botAdded('oc_busy'));
    await bot.drain();
    expect(bot.sim.cardsTo('oc_busy')).toHaveLength(1);
    expect(bot.sim.requestsTo('/open-apis/im/v1/messages', 'POST')).toHaveLength(2);
  });

  it('retries a failing record with backoff, then keeps it as failed and alerts the archivists', async () => {
    bot.sim.inject({
      path: '/open-apis/im/v1/messages',
      method: 'POST',
      status: 500,
      times: 1000,
      body: { code: 1, msg: 'down' },
    });
    await bot.sendEvent(botAdded('oc_broken', 'evt_broken'));
    const maxAttempts = bot.config.inbox.maxAttempts;
    for (let i = 0; i < maxAttempts; i++) {
      await bot.drain();
      bot.clock.advance(60 * 60_000);
    }
    const record = await bot.bot.deps.repos.inbox.get('evt:evt_broken');
    expect(record?.status).toBe('failed');
    expect(record?.attempts).toBe(maxAttempts);
    expect(record?.lastError).toMatch(/server_error|500/);
    bot.sim.clearFaults();
    await bot.drain();
    const alerts = [...bot.sim.cardsTo('ou_arch1'), ...bot.sim.cardsTo('ou_arch2')];
    expect(alerts).toHaveLength(2);
    expect(JSON.stringify(alerts[0]!.content)).toContain('evt_broken');
  }, 120_000);
});
