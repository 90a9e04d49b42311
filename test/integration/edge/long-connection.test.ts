import { buildLongConnectionDispatcher } from '../../../src/feishu/long-connection';
import { events } from '../../../src/simulator';
import { startTestBot, type TestBot } from '../../support/test-bot';

/**
 * Long-connection mode hands the SDK's dispatcher plaintext, flattened payloads; this drives that
 * dispatcher directly (a fake WebSocket server would need the SDK's protobuf framing).
 */
describe('long-connection dispatcher', () => {
  let bot: TestBot;

  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => {
    await bot.close();
  });

  it('feeds events to the same inbox, once per event', async () => {
    const dispatcher = buildLongConnectionDispatcher(bot.bot.deps);
    const envelope = events.botAdded({ chatId: 'oc_ws', operatorOpenId: 'ou_org1' }, bot.ids);
    await dispatcher.invoke(envelope, { needCheck: false });
    await dispatcher.invoke(envelope, { needCheck: false });
    await bot.drain();
    expect(bot.sim.cardsTo('oc_ws')).toHaveLength(1);
    expect((await bot.bot.deps.repos.inbox.get(`evt:${envelope.header.event_id}`))?.status).toBe(
      'done',
    );
  });

  it('answers card callbacks with the same handlers as the webhook', async () => {
    const dispatcher = buildLongConnectionDispatcher(bot.bot.deps);
    const envelope = events.cardAction(
      {
        operatorOpenId: 'ou_arch1',
        value: { action: 'help.show' },
        openMessageId: 'om_x',
        openChatId: 'oc_x',
      },
      bot.ids,
    );
    const answer = (await dispatcher.invoke(envelope, { needCheck: false })) as {
      card?: { data: unknown };
    };
    expect(JSON.stringify(answer.card?.data)).toContain('档案员');
  });
});
