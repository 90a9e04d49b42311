import { events } from '../../../src/simulator';
import { startTestBot, type TestBot } from '../../support/test-bot';

let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot.close();
});
afterEach(() => bot.sim.assertNoUnmatched());

interface CardJson {
  schema: string;
  header?: { title: { content: string; i18n_content: { zh_cn: string; en_us: string } } };
  body: { elements: unknown[] };
}

const cardOf = (content: unknown) => content as CardJson;
const text = (content: unknown) => JSON.stringify(content);

describe('first conversation', () => {
  it('posts a welcome card in both languages when added to a group', async () => {
    await bot.sendEvent(
      events.botAdded(
        { chatId: 'oc_welcome', operatorOpenId: 'ou_org1', name: '校庆筹备群' },
        bot.ids,
      ),
    );
    await bot.drain();
    const [welcome] = bot.sim.cardsTo('oc_welcome');
    const card = cardOf(welcome!.content);
    expect(card.schema).toBe('2.0');
    expect(card.header!.title.i18n_content.zh_cn).toContain('活动归档助手');
    expect(card.header!.title.i18n_content.en_us).toContain('Activity Archive Bot');
    expect(text(card)).toContain('一个月内');
    expect(text(card)).toContain('within one month');
    expect(text(card)).toContain('help.show');
  });

  it('answers help in a private chat with the reader’s roles', async () => {
    await bot.sendEvent(
      events.textMessage(
        {
          messageId: 'om_help1',
          chatId: 'oc_p2p_arch',
          chatType: 'p2p',
          senderOpenId: 'ou_arch1',
          text: '帮助',
        },
        bot.ids,
      ),
    );
    await bot.drain();
    const [reply] = bot.sim.cardsTo('om_help1');
    const card = cardOf(reply!.content);
    expect(card.header!.title.i18n_content.zh_cn).toContain('帮助');
    expect(card.header!.title.i18n_content.en_us).toContain('Help');
    expect(text(card)).toContain('档案员');
    expect(text(card)).toContain('archivist');
  });

  it('answers help with an @mention in a group, and ignores group chatter without one', async () => {
    await bot.sendEvent(
      events.textMessage(
        {
          messageId: 'om_g1',
          chatId: 'oc_grp',
          chatType: 'group',
          senderOpenId: 'ou_org1',
          text: 'help',
          mentionBot: true,
          botOpenId: bot.sim.botOpenId,
        },
        bot.ids,
      ),
    );
    await bot.sendEvent(
      events.textMessage(
        {
          messageId: 'om_g2',
          chatId: 'oc_grp',
          chatType: 'group',
          senderOpenId: 'ou_org1',
          text: '大家好',
        },
        bot.ids,
      ),
    );
    await bot.drain();
    expect(bot.sim.cardsTo('om_g1')).toHaveLength(1);
    expect(bot.sim.cardsTo('om_g2')).toHaveLength(0);
    expect(text(bot.sim.cardsTo('om_g1')[0]!.content)).toContain('教务处');
  });

  it('answers unknown text in a private chat with the help card', async () => {
    await bot.sendEvent(
      events.textMessage(
        {
          messageId: 'om_what',
          chatId: 'oc_p2p_x',
          chatType: 'p2p',
          senderOpenId: 'ou_stranger',
          text: '你好呀',
        },
        bot.ids,
      ),
    );
    await bot.drain();
    const card = cardOf(bot.sim.cardsTo('om_what')[0]!.content);
    expect(card.header!.title.i18n_content.zh_cn).toContain('帮助');
    expect(text(card)).toContain('普通用户');
  });

  it('shows the help card when the button on the welcome card is tapped', async () => {
    const res = await bot.sendCard(
      events.cardAction(
        {
          operatorOpenId: 'ou_leader',
          value: { action: 'help.show' },
          openMessageId: 'om_card',
          openChatId: 'oc_grp',
        },
        bot.ids,
      ),
    );
    expect(res.status).toBe(200);
    const body = res.json as { card: { type: string; data: CardJson } };
    expect(body.card.type).toBe('raw');
    expect(text(body.card.data)).toContain('分管领导（教务处）');
  });

  it('answers an unknown button with an error toast in both languages', async () => {
    const res = await bot.sendCard(
      events.cardAction(
        {
          operatorOpenId: 'ou_org1',
          value: { action: 'nope' },
          openMessageId: 'om_card',
          openChatId: 'oc_grp',
        },
        bot.ids,
      ),
    );
    expect(res.status).toBe(200);
    const body = res.json as { toast: { type: string; i18n: { zh_cn: string; en_us: string } } };
    expect(body.toast.type).toBe('error');
    expect(body.toast.i18n.zh_cn).toContain('失效');
    expect(body.toast.i18n.en_us).toContain('no longer valid');
  });
});
