import * as lark from '@larksuiteoapi/node-sdk';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeDeliveryAgents, deliver, events } from '../../../src/simulator';

const opts = { appId: 'cli_0123456789abcdef', verificationToken: 'vt-1' };
const ev = events.bindEvents(opts);

describe('event builders', () => {
  it('builds an @bot text message like the platform', () => {
    const env = ev.textMessage({
      chatId: 'oc_grp1',
      chatType: 'group',
      senderOpenId: 'ou_org1',
      text: '登记活动 校庆',
      mentionBot: true,
      createTime: 1735689600123,
    });
    expect(env.schema).toBe('2.0');
    expect(env.header).toMatchObject({
      event_type: 'im.message.receive_v1',
      token: 'vt-1',
      app_id: 'cli_0123456789abcdef',
      tenant_key: 'tnt_college',
      create_time: '1735689600123',
    });
    expect(env.header.event_id).toMatch(/^[0-9a-f-]{36}$/);
    const { message, sender } = env.event;
    expect(sender.sender_id).toEqual({
      open_id: 'ou_org1',
      union_id: 'on_org1',
      user_id: 'u_org1',
    });
    expect(message.message_id).toMatch(/^om_[0-9a-f]+$/);
    expect(JSON.parse(message.content)).toEqual({ text: '@_user_1 登记活动 校庆' });
    expect(message.mentions).toEqual([
      {
        key: '@_user_1',
        id: { open_id: 'ou_bot' },
        name: '活动归档助手',
        tenant_key: 'tnt_college',
      },
    ]);
  });

  it('builds membership, menu and card callbacks', () => {
    expect(ev.botAdded({ chatId: 'oc_1', operatorOpenId: 'ou_a', name: '群' }).event).toMatchObject(
      {
        chat_id: 'oc_1',
        operator_id: { open_id: 'ou_a' },
        name: '群',
      },
    );
    expect(ev.botDeleted({ chatId: 'oc_1', operatorOpenId: 'ou_a' }).header.event_type).toBe(
      'im.chat.member.bot.deleted_v1',
    );
    expect(ev.p2pChatEntered({ chatId: 'oc_p', operatorOpenId: 'ou_a' }).header.event_type).toBe(
      'im.chat.access_event.bot_p2p_chat_entered_v1',
    );
    expect(ev.botMenu({ operatorOpenId: 'ou_a', eventKey: 'help' }).event).toMatchObject({
      event_key: 'help',
      operator: { operator_id: { open_id: 'ou_a' } },
    });
    const click = ev.cardAction({
      operatorOpenId: 'ou_org1',
      value: { op: 'register_activity' },
      formValue: { activity_name: '2025 校庆' },
      name: 'btn_submit',
      openMessageId: 'om_card1',
      openChatId: 'oc_grp1',
      token: 'c-form-1',
    });
    expect(click.event).toEqual({
      operator: { open_id: 'ou_org1', union_id: 'on_org1', tenant_key: 'tnt_college' },
      token: 'c-form-1',
      action: {
        tag: 'button',
        value: { op: 'register_activity' },
        name: 'btn_submit',
        form_value: { activity_name: '2025 校庆' },
        timezone: 'Asia/Shanghai',
      },
      host: 'im_message',
      context: { open_message_id: 'om_card1', open_chat_id: 'oc_grp1' },
    });
  });
});

describe('the SDK EventDispatcher accepts what deliver() sends', () => {
  const received: Record<string, unknown>[] = [];
  let server: Server;
  let url: string;

  beforeAll(async () => {
    const dispatcher = new lark.EventDispatcher({
      encryptKey: 'ek-1',
      loggerLevel: lark.LoggerLevel.error,
      logger: { error: () => {}, warn: () => {}, info: () => {}, debug: () => {}, trace: () => {} },
    }).register({
      'im.message.receive_v1': (data) => {
        received.push(data as unknown as Record<string, unknown>);
        return 'ok';
      },
      'card.action.trigger': (data: Record<string, unknown>) => {
        received.push(data);
        return { toast: { type: 'success', content: '已提交' } };
      },
    });
    const handler = lark.adaptDefault('/feishu/events', dispatcher, { autoChallenge: true });
    server = createServer((req, res) => void handler(req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feishu/events`;
  });

  afterAll(async () => {
    closeDeliveryAgents();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  beforeEach(() => {
    received.length = 0;
  });

  it('decrypts, verifies and dispatches events and card callbacks', async () => {
    const msg = ev.textMessage({
      chatId: 'oc_1',
      chatType: 'p2p',
      senderOpenId: 'ou_a',
      text: 'hi',
    });
    const r1 = await deliver(url, msg, { encryptKey: 'ek-1' });
    expect(r1).toMatchObject({ status: 200, json: 'ok' });
    expect(received[0]).toMatchObject({ event_id: msg.header.event_id, token: 'vt-1' });
    const click = ev.cardAction({
      operatorOpenId: 'ou_a',
      value: { op: 'x' },
      openMessageId: 'om_1',
      openChatId: 'oc_1',
      token: 'c-1',
    });
    const r2 = await deliver(url, click, { encryptKey: 'ek-1' });
    expect(r2.json).toEqual({ toast: { type: 'success', content: '已提交' } });
    expect(received[1]).toMatchObject({ token: 'c-1', operator: { open_id: 'ou_a' } });
  });

  it('answers the challenge and drops a wrongly signed event', async () => {
    const challenge = await deliver(url, ev.urlVerification('chal-9'), { encryptKey: 'ek-1' });
    expect(challenge.json).toEqual({ challenge: 'chal-9' });
    const msg = ev.textMessage({
      chatId: 'oc_1',
      chatType: 'p2p',
      senderOpenId: 'ou_a',
      text: 'x',
    });
    await deliver(url, msg, { encryptKey: 'ek-1', signature: 'wrong' });
    expect(received).toHaveLength(0);
  });
});
