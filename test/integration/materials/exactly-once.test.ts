import { BLOB_CHUNK_BYTES, UPLOAD_STALE_MS } from '../../../src/db/material-blob-repo';
import { events } from '../../../src/simulator';
import { RESOURCE_LIMIT_BYTES } from '../../../src/simulator';
import { mp4Head, sampleJpeg, samplePdf } from '../../../src/simulator/sample-media';
import { groupCommand, json } from '../../support/activity-flows';
import { startTestBot, type TestBot } from '../../support/test-bot';
import {
  ackCards,
  blobSha256,
  boundActivity,
  drop,
  dropImage,
  materialsOf,
  settle,
} from './intake-support';

let bot: TestBot;

beforeEach(async () => {
  bot = await startTestBot({ now: '2026-03-05T02:00:00Z' });
});
afterEach(async () => {
  bot.sim.assertNoUnmatched();
  await bot.close();
});

const photo = (label: string) =>
  sampleJpeg({ width: 2048, height: 1536, takenAt: '2026:03:05 10:15:30', label });
const MB = 1024 * 1024;

describe('each resource is stored exactly once', () => {
  it('a redelivered event stores once and answers once', async () => {
    const { activityId } = await boundActivity(bot);
    const envelope = events.messageReceived(
      {
        messageId: 'om_twice',
        chatId: 'oc_grp1',
        chatType: 'group',
        senderOpenId: 'ou_org1',
        messageType: 'image',
        content: { image_key: 'img_twice' },
      },
      bot.ids,
    );
    bot.sim.putResource('om_twice', 'img_twice', { bytes: photo('twice') });
    await bot.sendEvent(envelope);
    await bot.sendEvent(envelope);
    await settle(bot);
    await bot.sendEvent(envelope); // hours later, after Feishu's "successful resend"
    await settle(bot);
    expect(await materialsOf(bot, activityId)).toHaveLength(1);
    expect(bot.sim.requestsTo(/\/resources\//)).toHaveLength(1);
    expect(ackCards(bot)).toHaveLength(1);
  });

  it('a retry after a crash mid-download removes the chunks left behind', async () => {
    const { activityId } = await boundActivity(bot);
    const id = 'f:om_crash:file_crash';
    // What a process killed while writing chunks 5–7 of this file leaves: chunks, no files document.
    const writer = await bot.bot.deps.repos.materials.blobs.open(id, bot.clock);
    await writer.write(Buffer.alloc(6 * MB + 5, 1));
    await writer.settle();
    const leftover = await bot.bot.deps.repos.materials.blobs.census();
    expect(leftover.files).toEqual([]);
    expect(leftover.chunks).toBeGreaterThan(0);
    bot.clock.advance(UPLOAD_STALE_MS); // the crashed run's lease has long run out

    const size = 2 * MB + 10;
    await drop(
      bot,
      { messageId: 'om_crash', messageType: 'media', content: { file_key: 'file_crash' } },
      { file_crash: { size, head: mp4Head(size) } },
    );
    await settle(bot);
    const [item] = await materialsOf(bot, activityId);
    expect(item).toMatchObject({ _id: id, status: 'stored', size });
    expect(await blobSha256(bot, id)).toBe(await bot.sim.expectedSha256('om_crash', 'file_crash'));
    expect(await bot.bot.deps.repos.materials.blobs.census()).toEqual({
      files: [id],
      chunks: Math.ceil(size / BLOB_CHUNK_BYTES),
      uploads: 0,
    });
  });

  it('a run whose inbox lease ran out while it still writes is not disturbed by the next run', async () => {
    const { activityId } = await boundActivity(bot);
    const id = 'f:om_slow:file_slow';
    const live = await bot.bot.deps.repos.materials.blobs.open(id, bot.clock); // still writing
    await live.write(Buffer.alloc(3 * MB, 2));
    await live.settle();
    const size = MB;
    await drop(
      bot,
      { messageId: 'om_slow', messageType: 'media', content: { file_key: 'file_slow' } },
      { file_slow: { size, head: mp4Head(size) } },
    );
    await bot.drain();
    expect(await materialsOf(bot, activityId)).toEqual([]);
    const untouched = await bot.bot.deps.repos.materials.blobs.census();
    expect(untouched.chunks).toBeGreaterThan(0); // the live run's chunks were left alone
    // That run died without finishing: once its marker is stale, the retry takes over.
    bot.clock.advance(UPLOAD_STALE_MS + 10_000);
    await settle(bot);
    const [item] = await materialsOf(bot, activityId);
    expect(item).toMatchObject({ _id: id, status: 'stored', size });
    expect(await blobSha256(bot, id)).toBe(item!.sha256);
    expect(await bot.bot.deps.repos.materials.blobs.census()).toEqual({
      files: [id],
      chunks: Math.ceil(size / BLOB_CHUNK_BYTES),
      uploads: 0,
    });
  });

  it('a complete blob without its item (crash before the item was written) is replaced, not doubled', async () => {
    const { activityId } = await boundActivity(bot);
    const id = 'f:om_half:img_om_half';
    const writer = await bot.bot.deps.repos.materials.blobs.open(id, bot.clock);
    await writer.write(photo('half'));
    await writer.close('img_om_half', {}, bot.clock.now());
    bot.clock.advance(UPLOAD_STALE_MS);
    await dropImage(bot, 'om_half', photo('half'));
    await settle(bot);
    expect((await materialsOf(bot, activityId)).map((m) => m._id)).toEqual([id]);
    expect(await bot.bot.deps.repos.materials.blobs.census()).toEqual({
      files: [id],
      chunks: 1,
      uploads: 0,
    });
    expect(ackCards(bot)).toHaveLength(1);
  });

  it('a connection that breaks off mid-file is retried; nothing partial stays', async () => {
    const { activityId } = await boundActivity(bot);
    const size = 3 * MB;
    await drop(
      bot,
      {
        messageId: 'om_break',
        messageType: 'file',
        content: { file_key: 'file_b', file_name: 'v.mp4' },
      },
      { file_b: { size, head: mp4Head(size), breakOff: { afterBytes: 1.5 * MB, times: 2 } } },
    );
    await settle(bot);
    const [item] = await materialsOf(bot, activityId);
    expect(item).toMatchObject({ status: 'stored', size, kind: 'video' });
    expect(bot.sim.requestsTo(/\/resources\//)).toHaveLength(3);
    expect(await bot.bot.deps.repos.materials.blobs.census()).toEqual({
      files: ['f:om_break:file_b'],
      chunks: Math.ceil(size / BLOB_CHUNK_BYTES),
      uploads: 0,
    });
  });

  it('a crash between storing and acknowledging sends the card once, on the retry', async () => {
    const { activityId } = await boundActivity(bot);
    await dropImage(bot, 'om_ack', photo('ack'));
    await bot.drain();
    bot.sim.inject({ method: 'POST', path: /\/reply$/, status: 500, times: 4 });
    bot.clock.advance(21_000);
    await bot.drain(); // the acknowledgement task fails and is put back
    expect(ackCards(bot)).toHaveLength(0);
    bot.clock.advance(60_000);
    await bot.drain();
    bot.clock.advance(60_000);
    await bot.drain();
    expect(ackCards(bot)).toHaveLength(1);
    expect(await materialsOf(bot, activityId)).toHaveLength(1);
  });
});

describe('the same content twice, and what cannot be stored', () => {
  it('keeps one copy of the same photo and says where the first one is', async () => {
    const { activityId } = await boundActivity(bot);
    const same = photo('same');
    await dropImage(bot, 'om_first', same);
    await settle(bot);
    await dropImage(bot, 'om_again', same);
    await settle(bot);
    const items = await materialsOf(bot, activityId);
    expect(items.map((m) => m._id)).toEqual(['f:om_first:img_om_first']);
    const cards = ackCards(bot);
    expect(cards).toHaveLength(2);
    expect(cards[1]).toContain('与 2026-03-05 10:00 归档的「照片」内容相同');
    expect(cards[1]).toContain('same content as “Photo”, archived 2026-03-05 10:00');
    expect(cards[1]).toContain('本批已存档 **0** 项，重复 **1** 项');
    expect(await bot.bot.deps.repos.materials.blobs.census()).toEqual({
      files: ['f:om_first:img_om_first'],
      chunks: 1,
      uploads: 0,
    });
  });

  it('answers a file over the 100 MB download limit with a clear reason and a visible entry', async () => {
    const { activityId } = await boundActivity(bot);
    await drop(
      bot,
      {
        messageId: 'om_huge',
        messageType: 'file',
        content: { file_key: 'file_huge', file_name: '全程录像.mp4' },
      },
      { file_huge: { size: RESOURCE_LIMIT_BYTES + 1 } },
    );
    await settle(bot);
    const [item] = await materialsOf(bot, activityId);
    expect(item).toMatchObject({
      status: 'failed',
      failReason: 'intake.fail.too_large',
      fileName: '全程录像.mp4',
    });
    const [card] = ackCards(bot);
    expect(card).toContain('全程录像.mp4：超过飞书 100 MB 的下载上限');
    expect(card).toContain('材料未能全部存档');
    expect(await bot.bot.deps.repos.materials.blobs.census()).toEqual({
      files: [],
      chunks: 0,
      uploads: 0,
    });
    await groupCommand(bot, '状态', { messageId: 'om_status' });
    await bot.drain();
    expect(json(bot.sim.cardsTo('om_status')[0]!.content)).toContain('文件 0 · 照片 0');
  });

  it('records a download that keeps failing, and a reply-to-collect later stores it', async () => {
    const { activityId } = await boundActivity(bot);
    bot.sim.inject({ method: 'GET', path: /\/resources\//, status: 500, times: 4 });
    await drop(
      bot,
      {
        messageId: 'om_flaky',
        messageType: 'file',
        content: { file_key: 'file_f', file_name: '纪要.pdf' },
      },
      { file_f: { bytes: samplePdf('minutes') } },
    );
    await settle(bot);
    expect((await materialsOf(bot, activityId))[0]).toMatchObject({
      status: 'failed',
      failReason: 'intake.fail.download_failed',
    });
    expect(ackCards(bot)[0]).toContain('纪要.pdf：下载失败（已多次重试）');

    await bot.sendEvent(
      events.textMessage(
        {
          chatId: 'oc_grp1',
          chatType: 'group',
          senderOpenId: 'ou_org1',
          text: '归档',
          mentionBot: true,
          botOpenId: bot.sim.botOpenId,
          parentId: 'om_flaky',
        },
        bot.ids,
      ),
    );
    await settle(bot);
    expect((await materialsOf(bot, activityId)).map((m) => [m._id, m.status])).toEqual([
      ['f:om_flaky:file_f', 'stored'],
    ]);
    expect(ackCards(bot)[1]).toContain('本批已存档 **1** 项');
  });

  it('refuses an empty file and a damaged image, with reasons', async () => {
    const { activityId } = await boundActivity(bot);
    await drop(
      bot,
      {
        messageId: 'om_empty',
        messageType: 'file',
        content: { file_key: 'file_e', file_name: '空白.docx' },
      },
      { file_e: { bytes: Buffer.alloc(0) } },
    );
    await dropImage(bot, 'om_broken', photo('broken').subarray(0, 30));
    await settle(bot);
    const reasons = (await materialsOf(bot, activityId)).map((m) => [m.status, m.failReason]);
    expect(reasons).toEqual(
      expect.arrayContaining([
        ['failed', 'intake.reject.empty'],
        ['failed', 'intake.reject.unreadable_image'],
      ]),
    );
    const [card] = ackCards(bot);
    expect(card).toContain('空白.docx：文件是空的');
    expect(card).toContain('图片已损坏，无法读取');
    expect(await bot.bot.deps.repos.materials.blobs.census()).toEqual({
      files: [],
      chunks: 0,
      uploads: 0,
    });
  });
});
