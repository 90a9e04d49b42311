import { AESCipher } from '@larksuiteoapi/node-sdk';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decryptEvent, isSignatureValid, signBody } from '../../../src/feishu/crypto';
import {
  closeDeliveryAgents,
  deliver,
  prepareDelivery,
  signAndEncrypt,
} from '../../../src/simulator/deliver';
import { events } from '../../../src/simulator';

const FIXTURE_PLAIN =
  '{"challenge":"chal-123","token":"fixture-verification-token","type":"url_verification"}';
const FIXTURE_ENCRYPT =
  'AAAAAAAAAAAAAAAAAAAAAFUM9AkZFRWni7jB+pHLlal5iqbHmHkyxlOzanVL0FjrdcfaWmCxRvdqhkgGtVaw1ovLG1QD2cHmOSUtQnGDeG0UaofcTsj4uz86X+nnA5oheRWB+9kLUEW/1H6HwdVKCA==';
const opts = { appId: 'cli_0123456789abcdef', verificationToken: 'fixture-verification-token' };

describe('crypto test vectors', () => {
  it('decrypts the official docs vector', () => {
    expect(decryptEvent('P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=', 'test key')).toBe(
      'hello world',
    );
  });

  it('reproduces the §12 row 9 fixture (zero IV) and its signature', () => {
    const challenge = events.urlVerification('chal-123', opts);
    expect(JSON.stringify(challenge)).toBe(FIXTURE_PLAIN);
    const signed = signAndEncrypt(challenge, {
      encryptKey: 'fixture-encrypt-key',
      iv: Buffer.alloc(16),
      timestamp: '1735689600',
      nonce: 'fixture-nonce',
    });
    expect(signed.body).toBe(`{"encrypt":"${FIXTURE_ENCRYPT}"}`);
    expect(signed.headers['x-lark-signature']).toBe(
      'c93295f07ef238d56c1cdf8a13445632a450bfa576e6ec4ea421a81f55e3d8d4',
    );
    expect(signed.headers).toMatchObject({
      'content-type': 'application/json',
      'x-lark-request-timestamp': '1735689600',
      'x-lark-request-nonce': 'fixture-nonce',
    });
  });

  it('round-trips a random-IV envelope, and the SDK AESCipher decrypts it', () => {
    const env = events.textMessage(
      {
        chatId: 'oc_grp1',
        chatType: 'group',
        senderOpenId: 'ou_org1',
        text: '登记活动 校庆',
        mentionBot: true,
      },
      opts,
    );
    const signed = signAndEncrypt(env, { encryptKey: 'k-秘密' });
    const { encrypt } = JSON.parse(signed.body) as { encrypt: string };
    expect(JSON.parse(decryptEvent(encrypt, 'k-秘密'))).toEqual(env);
    expect(JSON.parse(new AESCipher('k-秘密').decrypt(encrypt))).toEqual(env);
    const h = signed.headers;
    const ok = isSignatureValid(
      {
        timestamp: h['x-lark-request-timestamp'],
        nonce: h['x-lark-request-nonce'],
        signature: h['x-lark-signature'],
      },
      'k-秘密',
      Buffer.from(signed.body),
    );
    expect(ok).toBe(true);
  });
});

describe('prepareDelivery', () => {
  it('does not sign url_verification (Feishu never does)', () => {
    const req = prepareDelivery(events.urlVerification('c', opts), { encryptKey: 'k' });
    expect(req.headers['x-lark-signature']).toBeUndefined();
    expect(Object.keys(JSON.parse(req.body))).toEqual(['encrypt']);
  });

  it('sends plain and signed, or with a wrong signature, on request', () => {
    const env = events.botMenu({ operatorOpenId: 'ou_a', eventKey: 'help' }, opts);
    const plain = prepareDelivery(env, {
      encryptKey: 'k',
      plain: true,
      timestamp: '1',
      nonce: 'n',
    });
    expect(JSON.parse(plain.body)).toEqual(env);
    expect(plain.headers['x-lark-signature']).toBe(signBody('1', 'n', 'k', plain.body));
    const wrong = prepareDelivery(env, { encryptKey: 'k', signature: 'wrong' });
    const expected = signBody(
      wrong.headers['x-lark-request-timestamp']!,
      wrong.headers['x-lark-request-nonce']!,
      'k',
      wrong.body,
    );
    expect(wrong.headers['x-lark-signature']).toHaveLength(64);
    expect(wrong.headers['x-lark-signature']).not.toBe(expected);
    const unkeyed = prepareDelivery(env);
    expect(unkeyed.headers['x-lark-signature']).toBeUndefined();
    expect(unkeyed.body).toBe(JSON.stringify(env));
  });
});

describe('deliver', () => {
  let server: Server;
  let url: string;
  const seen: { headers: Record<string, unknown>; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ headers: req.headers, body: Buffer.concat(chunks).toString() });
        res.setHeader('content-type', 'application/json');
        res.end('{"toast":{"type":"success","content":"ok"}}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feishu/cards`;
  });

  afterAll(async () => {
    closeDeliveryAgents();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('POSTs the exact signed body and parses the answer', async () => {
    const env = events.cardAction(
      {
        operatorOpenId: 'ou_leader',
        value: { op: 'approve_extension', req: 'ext_42' },
        openMessageId: 'om_card_ext42',
        openChatId: 'oc_p2p_leader',
      },
      opts,
    );
    const res = await deliver(url, env, { encryptKey: 'fixture-encrypt-key' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ toast: { type: 'success', content: 'ok' } });
    expect(res.ms).toBeGreaterThanOrEqual(0);
    const got = seen[seen.length - 1]!;
    const valid = isSignatureValid(
      {
        timestamp: got.headers['x-lark-request-timestamp'] as string,
        nonce: got.headers['x-lark-request-nonce'] as string,
        signature: got.headers['x-lark-signature'] as string,
      },
      'fixture-encrypt-key',
      Buffer.from(got.body),
    );
    expect(valid).toBe(true);
    const decrypted = JSON.parse(decryptEvent(JSON.parse(got.body).encrypt, 'fixture-encrypt-key'));
    expect(decrypted.header.event_type).toBe('card.action.trigger');
    expect(decrypted.event.token).toMatch(/^c-/);
    expect(decrypted.event.action).toMatchObject({ tag: 'button', timezone: 'Asia/Shanghai' });
  });
});
