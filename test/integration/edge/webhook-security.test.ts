import { randomBytes } from 'node:crypto';
import { encryptEvent, signBody } from '../../../src/feishu/crypto';
import { events, postRaw, prepareDelivery } from '../../../src/simulator';
import { LOCAL_CREDENTIALS } from '../../../src/app/local-stack';
import { startTestBot, type TestBot } from '../../support/test-bot';

let bot: TestBot;
const inboxCount = () => bot.bot.deps.repos.inbox.count();

beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot.close();
});
afterEach(() => bot.sim.assertNoUnmatched());

const groupText = (text: string) =>
  events.textMessage(
    { chatId: 'oc_grp1', chatType: 'group', senderOpenId: 'ou_org1', text, mentionBot: true },
    bot.ids,
  );

describe('URL verification', () => {
  it('answers a plain challenge without a signature', async () => {
    const res = await bot.sendEvent(events.urlVerification('chal-plain', bot.ids), {
      plain: true,
      signature: 'none',
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ challenge: 'chal-plain' });
  });

  it('answers an encrypted challenge on both endpoints', async () => {
    for (const send of [bot.sendEvent, bot.sendCard]) {
      const res = await send(events.urlVerification('chal-enc', bot.ids), { signature: 'none' });
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ challenge: 'chal-enc' });
    }
  });

  it('refuses a challenge carrying another app token', async () => {
    const res = await bot.sendEvent(
      { type: 'url_verification', challenge: 'x', token: 'someone-else' },
      { plain: true, signature: 'none' },
    );
    expect(res.status).toBe(401);
  });
});

describe('authenticity', () => {
  it('refuses a wrong signature with 401 and stores nothing', async () => {
    const before = await inboxCount();
    const res = await bot.sendEvent(groupText('帮助'), { signature: 'wrong' });
    expect(res.status).toBe(401);
    expect(await inboxCount()).toBe(before);
  });

  it('refuses a missing signature with 401 and stores nothing', async () => {
    const before = await inboxCount();
    const res = await bot.sendEvent(groupText('帮助'), { signature: 'none' });
    expect(res.status).toBe(401);
    expect(await inboxCount()).toBe(before);
  });

  it('refuses a body signed with another key', async () => {
    const envelope = groupText('help');
    const body = JSON.stringify({
      encrypt: encryptEvent(JSON.stringify(envelope), LOCAL_CREDENTIALS.encryptKey),
    });
    const ts = String(Math.floor(Date.now() / 1000));
    const res = await postRaw(`${bot.url}/feishu/events`, body, {
      'content-type': 'application/json',
      'x-lark-request-timestamp': ts,
      'x-lark-request-nonce': 'n1',
      'x-lark-signature': signBody(ts, 'n1', 'another-key', body),
    });
    expect(res.status).toBe(401);
  });

  it('refuses a correctly signed event whose verification token is wrong', async () => {
    const before = await inboxCount();
    const envelope = events.botAdded(
      { chatId: 'oc_x', operatorOpenId: 'ou_org1' },
      { ...bot.ids, verificationToken: 'not-ours' },
    );
    const res = await bot.sendEvent(envelope);
    expect(res.status).toBe(401);
    expect(await inboxCount()).toBe(before);
  });
});

describe('malformed input', () => {
  const signed = (body: string) => {
    const ts = String(Math.floor(Date.now() / 1000));
    return {
      'content-type': 'application/json',
      'x-lark-request-timestamp': ts,
      'x-lark-request-nonce': 'nonce',
      'x-lark-signature': signBody(ts, 'nonce', LOCAL_CREDENTIALS.encryptKey, body),
    };
  };

  it('answers 400 to malformed JSON and to an undecryptable body', async () => {
    expect(
      (await postRaw(`${bot.url}/feishu/events`, '{"encrypt":', signed('{"encrypt":'))).status,
    ).toBe(400);
    const garbage = JSON.stringify({ encrypt: randomBytes(48).toString('base64') });
    expect((await postRaw(`${bot.url}/feishu/events`, garbage, signed(garbage))).status).toBe(400);
    const notEvent = JSON.stringify({
      encrypt: encryptEvent('{"hello":"world"}', LOCAL_CREDENTIALS.encryptKey),
    });
    expect((await postRaw(`${bot.url}/feishu/events`, notEvent, signed(notEvent))).status).toBe(
      400,
    );
  });

  it('answers 413 to a body over 1 MiB', async () => {
    const big = JSON.stringify({ encrypt: 'A'.repeat(1024 * 1024 + 10) });
    const res = await postRaw(`${bot.url}/feishu/events`, big, signed('x'));
    expect(res.status).toBe(413);
  });

  it('answers only 4xx to 1,000 random malformed bodies, writes nothing and stays up', async () => {
    const before = await inboxCount();
    const makers: (() => { body: string; headers: Record<string, string> })[] = [
      () => ({
        body: randomBytes(1 + Math.floor(Math.random() * 200)).toString('latin1'),
        headers: { 'content-type': 'application/json' },
      }),
      () => {
        const body = randomBytes(1 + Math.floor(Math.random() * 200)).toString('base64');
        return { body, headers: signed(body) };
      },
      () => {
        const body = JSON.stringify({
          encrypt: randomBytes(16 * (2 + Math.floor(Math.random() * 8))).toString('base64'),
        });
        return { body, headers: signed(body) };
      },
      () => {
        const body = JSON.stringify([1, 2, { schema: '2.0' }]);
        return { body, headers: signed(body) };
      },
      () => {
        const { body, headers } = prepareDelivery(
          { schema: '2.0', header: { event_id: 1 }, event: 'nope' },
          { encryptKey: LOCAL_CREDENTIALS.encryptKey },
        );
        return { body, headers };
      },
      () => {
        const { body, headers } = prepareDelivery(groupText('help'), {
          encryptKey: LOCAL_CREDENTIALS.encryptKey,
          signature: 'wrong',
        });
        return { body, headers };
      },
    ];
    const statuses = new Set<number>();
    for (let i = 0; i < 1000; i += 50) {
      const batch = Array.from({ length: 50 }, (_, j) => {
        const { body, headers } = makers[(i + j) % makers.length]!();
        return postRaw(`${bot.url}/feishu/${(i + j) % 2 ? 'events' : 'cards'}`, body, headers).then(
          (r) => r.status,
        );
      });
      for (const status of await Promise.all(batch)) statuses.add(status);
    }
    for (const status of statuses) {
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
    }
    expect(await inboxCount()).toBe(before);
    const health = await fetch(`${bot.url}/healthz`);
    expect(health.status).toBe(200);
  });
});
