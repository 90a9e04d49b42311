import type * as lark from '@larksuiteoapi/node-sdk';
import { AxiosError } from 'axios';
import { createHash } from 'node:crypto';
import { FeishuSimulator, rateLimitFault, sdkClientFor } from '../../../src/simulator';

const card = (title: string) =>
  JSON.stringify({
    schema: '2.0',
    config: { update_multi: true },
    header: { title: { tag: 'plain_text', content: title } },
    body: { elements: [] },
  });

async function sha256Of(stream: NodeJS.ReadableStream): Promise<{ hex: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { hex: hash.digest('hex'), bytes };
}

async function rejection(promise: Promise<unknown>): Promise<AxiosError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(AxiosError);
    return err as AxiosError;
  }
  throw new Error('expected the call to reject');
}

describe('FeishuSimulator driven by the real node-sdk Client', () => {
  const sim = new FeishuSimulator({ botOpenId: 'ou_bot' });
  let base: string;
  let client: lark.Client;

  beforeAll(async () => {
    base = await sim.start();
  });
  afterAll(() => sim.stop());
  beforeEach(() => {
    ({ client } = sdkClientFor(base, { appId: sim.appId, appSecret: sim.appSecret }));
  });
  afterEach(() => {
    sim.assertNoUnmatched();
    sim.clearFaults();
    sim.clear();
  });

  it('fetches a tenant token once and authenticates every call with it', async () => {
    const info: { bot: { open_id: string; app_name: string } } = await client.request({
      method: 'GET',
      url: '/open-apis/bot/v3/info',
    });
    expect(info.bot).toMatchObject({ open_id: 'ou_bot', app_name: '活动归档助手' });
    await client.request({ method: 'GET', url: '/open-apis/bot/v3/info' });
    const [token, first, second] = sim.requests;
    expect(sim.requests).toHaveLength(3);
    expect(token).toMatchObject({
      method: 'POST',
      path: '/open-apis/auth/v3/tenant_access_token/internal',
      body: { app_id: sim.appId, app_secret: sim.appSecret },
    });
    expect(first!.headers.authorization).toMatch(/^Bearer t-sim-\d+$/);
    expect(second!.headers.authorization).toBe(first!.headers.authorization);
    expect(first!.headers['user-agent']).toMatch(/^oapi-node-sdk\/1\.74\.0/);
  });

  it('sends a card once per uuid, replies, and patches it', async () => {
    const send = () =>
      client.im.message.create({
        params: { receive_id_type: 'chat_id' },
        data: { receive_id: 'oc_grp1', msg_type: 'interactive', content: card('v1'), uuid: 'u-1' },
      });
    const a = await send();
    const b = await send();
    expect(a.code).toBe(0);
    expect(a.data?.message_id).toMatch(/^om_sim_\d+$/);
    expect(b.data?.message_id).toBe(a.data?.message_id);
    const cards = sim.cardsTo('oc_grp1');
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ receiveIdType: 'chat_id', uuid: 'u-1', chatId: 'oc_grp1' });
    expect(sim.requestsTo('/open-apis/im/v1/messages')[0]!.query).toEqual({
      receive_id_type: 'chat_id',
    });

    const id = a.data!.message_id!;
    const reply = await client.im.message.reply({
      path: { message_id: id },
      data: { msg_type: 'text', content: JSON.stringify({ text: '收到' }) },
    });
    expect(reply.data?.parent_id).toBe(id);
    expect(sim.sentMessages().at(-1)).toMatchObject({ replyTo: id, content: { text: '收到' } });

    const patched = await client.im.message.patch({
      path: { message_id: id },
      data: { content: card('v2') },
    });
    expect(patched.code).toBe(0);
    expect(sim.lastCard()?.updates).toHaveLength(1);
    expect(sim.currentContent(id)).toMatchObject({ header: { title: { content: 'v2' } } });

    sim.setNow(Date.now() + 15 * 24 * 3600 * 1000);
    try {
      const late = await rejection(
        client.im.message.patch({ path: { message_id: id }, data: { content: card('v3') } }),
      );
      expect(late.response?.status).toBe(400);
      expect(late.response?.data).toMatchObject({ code: 230031 });
    } finally {
      sim.setNow(Date.now());
    }
  });

  it('rejects oversized cards and unknown receive_id_type', async () => {
    const big = JSON.stringify({ schema: '2.0', body: { elements: [], pad: 'x'.repeat(31_000) } });
    const tooBig = await rejection(
      client.im.message.create({
        params: { receive_id_type: 'open_id' },
        data: { receive_id: 'ou_a', msg_type: 'interactive', content: big },
      }),
    );
    expect(tooBig.response?.data).toMatchObject({ code: 230025 });
    const badType = await rejection(
      client.im.message.create({
        params: { receive_id_type: 'phone' as 'open_id' },
        data: { receive_id: 'x', msg_type: 'text', content: '{"text":"hi"}' },
      }),
    );
    expect(badType.response?.data).toMatchObject({ code: 99992402 });
    expect(sim.sentMessages().filter((m) => m.receiveId === 'ou_a')).toHaveLength(0);
  });

  it('streams a 5 MB generated resource with the expected sha256', async () => {
    sim.putResource('om_img1', 'file_v3_vid', { size: 5 * 1024 * 1024, contentType: 'video/mp4' });
    const res = await client.im.messageResource.get({
      path: { message_id: 'om_img1', file_key: 'file_v3_vid' },
      params: { type: 'file' },
    });
    expect(res.headers['content-type']).toBe('video/mp4');
    expect(res.headers['content-length']).toBe(String(5 * 1024 * 1024));
    const got = await sha256Of(res.getReadableStream());
    expect(got.bytes).toBe(5 * 1024 * 1024);
    expect(got.hex).toBe(await sim.expectedSha256('om_img1', 'file_v3_vid'));

    const missing = await rejection(
      client.im.messageResource.get({
        path: { message_id: 'om_img1', file_key: 'nope' },
        params: { type: 'image' },
      }),
    );
    expect(missing.response?.status).toBe(400); // body is a stream here, as the SDK documents
  });

  it('uploads a file and an image (multipart)', async () => {
    const file = await client.im.file.create({
      data: { file_type: 'xls', file_name: '台账.xlsx', file: Buffer.from('PK\u0003\u0004 sheet') },
    });
    expect(file?.file_key).toMatch(/^file_sim_/);
    const image = await client.im.image.create({
      data: { image_type: 'message', image: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) },
    });
    expect(image?.image_key).toMatch(/^img_sim_/);
    const [f, i] = sim.uploadedFiles();
    expect(f).toMatchObject({ kind: 'file', fileName: '台账.xlsx', fileType: 'xls' });
    expect(f!.bytes.toString()).toBe('PK\u0003\u0004 sheet');
    expect(i!.bytes).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
  });

  it('creates a chat, adds members and pages through them', async () => {
    sim.addUser('ou_a', '张三');
    const created = await client.im.chat.create({
      params: { user_id_type: 'open_id', uuid: 'chat-u1' },
      data: { name: '校庆归档', user_id_list: ['ou_a', 'ou_b'] },
    });
    const again = await client.im.chat.create({
      params: { user_id_type: 'open_id', uuid: 'chat-u1' },
      data: { name: '校庆归档', user_id_list: ['ou_a', 'ou_b'] },
    });
    const chatId = created.data!.chat_id!;
    expect(chatId).toMatch(/^oc_sim_/);
    expect(again.data?.chat_id).toBe(chatId);
    const added = await client.im.chatMembers.create({
      path: { chat_id: chatId },
      params: { member_id_type: 'open_id' },
      data: { id_list: ['ou_c', 'bad-id'] },
    });
    expect(added.data?.invalid_id_list).toEqual(['bad-id']);
    const page1 = await client.im.chatMembers.get({
      path: { chat_id: chatId },
      params: { member_id_type: 'open_id', page_size: 2 },
    });
    expect(page1.data).toMatchObject({ has_more: true, member_total: 3 });
    expect(page1.data?.items?.[0]).toMatchObject({ member_id: 'ou_a', name: '张三' });
    const page2 = await client.im.chatMembers.get({
      path: { chat_id: chatId },
      params: { member_id_type: 'open_id', page_size: 2, page_token: page1.data!.page_token! },
    });
    expect(page2.data?.items?.map((m) => m.member_id)).toEqual(['ou_c']);
    const info = await client.im.chat.get({ path: { chat_id: chatId } });
    expect(info.data).toMatchObject({ name: '校庆归档', user_count: '3' });
    const user = await client.contact.user.get({
      path: { user_id: 'ou_a' },
      params: { user_id_type: 'open_id' },
    });
    expect(user.data?.user?.name).toBe('张三');
  });

  it('returns merge_forward children with upper_message_id', async () => {
    const [c1] = sim.addMergeForward(
      'om_mf1',
      [
        { msgType: 'image', content: { image_key: 'img_v3_x' } },
        { msgType: 'text', content: { text: 'hi' } },
      ],
      'oc_grp1',
    );
    const res = await client.im.message.get({ path: { message_id: 'om_mf1' } });
    const items = res.data?.items ?? [];
    expect(items.map((m) => m.msg_type)).toEqual(['merge_forward', 'image', 'text']);
    expect(items[1]).toMatchObject({ message_id: c1, upper_message_id: 'om_mf1' });
  });

  it('applies delayed card updates bound to a callback token', async () => {
    const sent = await client.im.message.create({
      params: { receive_id_type: 'open_id' },
      data: { receive_id: 'ou_leader', msg_type: 'interactive', content: card('待审批') },
    });
    const token = sim.issueCardToken(sent.data!.message_id!);
    const update = () =>
      client.request({
        method: 'POST',
        url: '/open-apis/interactive/v1/card/update',
        data: { token, card: JSON.parse(card('已批准')) },
      });
    await update();
    await update();
    expect(sim.currentContent(sent.data!.message_id!)).toMatchObject({
      header: { title: { content: '已批准' } },
    });
    const third = await rejection(update());
    expect(third.response?.status).toBe(400);
  });

  it('surfaces an injected 429 as an AxiosError with the reset header, then recovers', async () => {
    sim.inject(rateLimitFault('/open-apis/im/v1/messages', 1));
    const send = () =>
      client.im.message.create({
        params: { receive_id_type: 'open_id' },
        data: { receive_id: 'ou_a', msg_type: 'text', content: '{"text":"hi"}' },
      });
    const err = await rejection(send());
    expect(err.response?.status).toBe(429);
    expect(err.response?.headers['x-ogw-ratelimit-reset']).toBe('1');
    expect(err.response?.data).toMatchObject({ code: 99991400 });
    expect((await send()).code).toBe(0);
    expect(sim.pendingFaults()).toBe(0);
  });

  it('delays, 500s and drops connections on request', async () => {
    sim.inject({ path: '/open-apis/bot/v3/info', delayMs: 150 });
    const started = Date.now();
    await client.request({ method: 'GET', url: '/open-apis/bot/v3/info' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    sim.inject({ method: 'GET', path: /bot\/v3/, status: 500, body: { code: 1, msg: 'boom' } });
    expect(
      (await rejection(client.request({ method: 'GET', url: '/open-apis/bot/v3/info' }))).response
        ?.status,
    ).toBe(500);
    sim.injectNetworkError({ path: '/open-apis/bot/v3/info' });
    const dropped = await rejection(
      client.request({ method: 'GET', url: '/open-apis/bot/v3/info' }),
    );
    expect(dropped.response).toBeUndefined();
    expect(dropped.code).toBe('ECONNRESET');
  });

  it('records unknown routes as unmatched', async () => {
    const err = await rejection(client.request({ method: 'GET', url: '/open-apis/nope/v1/x' }));
    expect(err.response?.status).toBe(404);
    expect(sim.unmatched.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /open-apis/nope/v1/x']);
    expect(() => sim.assertNoUnmatched()).toThrow(/GET \/open-apis\/nope\/v1\/x/);
    sim.clear();
  });

  it('refuses a wrong app secret at the token endpoint', async () => {
    const bad = sdkClientFor(base, { appId: sim.appId, appSecret: 'wrong' });
    const err = await rejection(
      bad.client.request({ method: 'GET', url: '/open-apis/bot/v3/info' }),
    );
    expect(err.response?.status).toBe(400);
    expect(err.response?.data).toEqual({ code: 10014, msg: 'app secret invalid' });
    expect(sim.requests.map((r) => r.path)).toEqual([
      '/open-apis/auth/v3/tenant_access_token/internal',
    ]);
    expect(bad.logs.some((l) => l.level === 'error')).toBe(true);
  });

  it('answers 401 once the cached token is no longer valid (the SDK does not refresh)', async () => {
    await client.request({ method: 'GET', url: '/open-apis/bot/v3/info' }); // caches a token
    sim.revokeTokens();
    const err = await rejection(client.request({ method: 'GET', url: '/open-apis/bot/v3/info' }));
    expect(err.response?.status).toBe(401);
    expect(err.response?.data).toMatchObject({ code: 99991663 });
  });
});
