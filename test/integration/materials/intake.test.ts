import { events } from '../../../src/simulator';
import {
  mp4Head,
  sampleJpeg,
  samplePdf,
  samplePng,
  sampleWav,
} from '../../../src/simulator/sample-media';
import { groupCommand, json, tap } from '../../support/activity-flows';
import { startTestBot, type TestBot } from '../../support/test-bot';
import {
  ackCards,
  blobSha256,
  boundActivity,
  drop,
  dropImage,
  intakeNotices,
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

/** Items ordered by where their message id or file key appears in `keys` (messages run concurrently). */
const inOrder = <T extends { messageId?: string; fileKey?: string }>(
  items: T[],
  keys: string[],
) => {
  const at = (m: T) => Math.max(keys.indexOf(m.messageId ?? ''), keys.indexOf(m.fileKey ?? ''));
  return [...items].sort((a, b) => at(a) - at(b));
};

const photo = (label: string, width = 2048, height = 1536) =>
  sampleJpeg({ width, height, takenAt: '2026:03:05 10:15:30', label });

describe('photos, files, audio, video and posts dropped into the bound group', () => {
  it('stores every kind once, identified from the bytes, and answers the batch with one card', async () => {
    const { activityId, code } = await boundActivity(bot);
    const pdf = samplePdf('Opening speech');
    const videoSize = 3 * 1024 * 1024 + 17;
    await dropImage(bot, 'om_img', photo('a'));
    await drop(
      bot,
      {
        messageId: 'om_file',
        messageType: 'file',
        content: { file_key: 'file_doc', file_name: '开幕式讲话.pdf' },
      },
      { file_doc: { bytes: pdf, contentType: 'application/octet-stream' } },
    );
    await drop(
      bot,
      {
        messageId: 'om_audio',
        messageType: 'audio',
        content: { file_key: 'file_voice', duration: 1000 },
      },
      { file_voice: { bytes: sampleWav(1) } },
    );
    await drop(
      bot,
      {
        messageId: 'om_video',
        messageType: 'media',
        content: {
          file_key: 'file_vid',
          image_key: 'img_cover',
          file_name: '剪彩.mp4',
          duration: 63000,
        },
      },
      { file_vid: { size: videoSize, head: mp4Head(videoSize) } },
    );
    await bot.drain();
    expect(ackCards(bot)).toHaveLength(0); // the sender may still be sending
    await settle(bot);

    const items = inOrder(await materialsOf(bot, activityId), [
      'om_img',
      'om_file',
      'om_audio',
      'om_video',
    ]);
    expect(items.map((m) => [m.kind, m.mime, m.status])).toEqual([
      ['photo', 'image/jpeg', 'stored'],
      ['document', 'application/pdf', 'stored'],
      ['audio', 'audio/vnd.wave', 'stored'],
      ['video', 'video/mp4', 'stored'],
    ]);
    for (const m of items) {
      expect(m.sha256).toBe(await bot.sim.expectedSha256(m.messageId!, m.fileKey!));
      expect(await blobSha256(bot, m.blobId!)).toBe(m.sha256); // the original bytes, untouched
      expect(m).toMatchObject({ sender: 'ou_org1', source: 'group', described: false });
    }
    const [img, doc, , video] = items;
    expect(img).toMatchObject({ _id: 'f:om_img:img_om_img', image: { width: 2048, height: 1536 } });
    expect(img!.exifTakenAt?.toISOString()).toBe('2026-03-05T02:15:30.000Z');
    expect(doc!.fileName).toBe('开幕式讲话.pdf');
    expect(video).toMatchObject({ size: videoSize, fileName: '剪彩.mp4' });
    // The cover image of the video is not an item.
    expect(bot.sim.requestsTo(/img_cover/)).toHaveLength(0);

    const cards = ackCards(bot);
    expect(cards).toHaveLength(1);
    expect(cards[0]).toContain(code);
    expect(cards[0]).toContain('本批已存档 **4** 项');
    expect(cards[0]).toContain('This batch: **4** stored');
    expect(cards[0]).toContain('开幕式讲话.pdf');
    expect(cards[0]).toContain('照片 1');
    expect(cards[0]).toContain('material.describe.open');
    expect(cards[0]).toContain(items[0]!.batchId!);
    expect(new Set(items.map((m) => m.batchId)).size).toBe(1);
    // The card answers the batch's first message.
    expect(bot.sim.cardsTo('om_img').map((m) => JSON.stringify(m.content))).toEqual(cards);

    await groupCommand(bot, '状态', { messageId: 'om_status' });
    await bot.drain();
    const status = json(bot.sim.cardsTo('om_status')[0]!.content);
    expect(status).toContain('文件 1 · 照片 1 · 音频 1 · 视频 1');
    expect(status).toContain('4 项缺少说明');
  });

  it('collects every image and video of a post (plain and locale-wrapped) and warns about small photos', async () => {
    const { activityId } = await boundActivity(bot);
    await drop(
      bot,
      {
        messageId: 'om_post',
        messageType: 'post',
        content: {
          title: '奠基仪式现场',
          content: [
            [{ tag: 'text', text: '时间：3月5日 地点：新校区', style: [] }],
            [
              { tag: 'img', image_key: 'img_p1' },
              { tag: 'img', image_key: 'img_p2' },
            ],
            [{ tag: 'media', file_key: 'file_p3', image_key: 'img_p3_cover' }],
            [{ tag: 'img', image_key: 'img_p1' }],
          ],
        },
      },
      {
        img_p1: { bytes: photo('p1') },
        img_p2: { bytes: samplePng(800, 600) },
        file_p3: { size: 4096, head: mp4Head(4096) },
      },
    );
    await drop(
      bot,
      {
        messageId: 'om_post2',
        messageType: 'post',
        content: { zh_cn: { title: '', content: [[{ tag: 'img', image_key: 'img_q1' }]] } },
      },
      { img_q1: { bytes: photo('q1', 1280, 720) } },
    );
    await settle(bot);
    const items = inOrder(await materialsOf(bot, activityId), [
      'img_p1',
      'img_p2',
      'file_p3',
      'img_q1',
    ]);
    expect(items.map((m) => m.fileKey)).toEqual(['img_p1', 'img_p2', 'file_p3', 'img_q1']);
    expect(items.map((m) => m.warnings)).toEqual([
      [],
      ['intake.warn.photo_format', 'intake.warn.low_resolution'],
      [],
      ['intake.warn.low_resolution'],
    ]);
    const [card] = ackCards(bot);
    expect(ackCards(bot)).toHaveLength(1);
    expect(card).toContain('本批已存档 **4** 项');
    expect(card).toContain('照片 2：照片格式为 PNG');
    expect(card).toContain('1280×720（0.9 百万像素），低于档案标准要求的 300 万像素');
    expect(card).toContain('1280×720 (0.9 MP), below the 3 megapixels');
  });
});

describe('reply-to-collect and merged forwards', () => {
  it('"@bot 归档" in reply to a photo collects the photo it replies to', async () => {
    const { activityId } = await boundActivity(bot);
    // Without the group-message permission the bot never saw the photo itself.
    bot.sim.addMessage({
      messageId: 'om_photo_unseen',
      chatId: 'oc_grp1',
      msgType: 'image',
      content: { image_key: 'img_unseen' },
      senderOpenId: 'ou_pub1',
    });
    bot.sim.putResource('om_photo_unseen', 'img_unseen', { bytes: photo('unseen') });
    await bot.sendEvent(
      events.textMessage(
        {
          messageId: 'om_archive_cmd',
          chatId: 'oc_grp1',
          chatType: 'group',
          senderOpenId: 'ou_org1',
          text: '归档',
          mentionBot: true,
          botOpenId: bot.sim.botOpenId,
          parentId: 'om_photo_unseen',
        },
        bot.ids,
      ),
    );
    await settle(bot);
    const items = await materialsOf(bot, activityId);
    expect(items.map((m) => [m._id, m.status])).toEqual([
      ['f:om_photo_unseen:img_unseen', 'stored'],
    ]);
    expect(bot.sim.cardsTo('om_archive_cmd').map((m) => JSON.stringify(m.content))).toEqual(
      ackCards(bot),
    );
    expect(ackCards(bot)[0]).toContain('本批已存档 **1** 项');

    // Asking again for the same photo stores nothing new and says so.
    await groupCommand(bot, 'archive', { messageId: 'om_archive_again' });
    await bot.sendEvent(
      events.textMessage(
        {
          messageId: 'om_archive_cmd2',
          chatId: 'oc_grp1',
          chatType: 'group',
          senderOpenId: 'ou_org1',
          text: 'archive',
          mentionBot: true,
          botOpenId: bot.sim.botOpenId,
          parentId: 'om_photo_unseen',
        },
        bot.ids,
      ),
    );
    await settle(bot);
    expect(await materialsOf(bot, activityId)).toHaveLength(1);
    expect(intakeNotices(bot).some((n) => n.includes('请「回复」要归档的图片或文件消息'))).toBe(
      true,
    );
    expect(ackCards(bot).at(-1)).toContain('这条消息的内容已经存档');
  });

  it('"归档" in reply to a text says there is nothing to archive', async () => {
    await boundActivity(bot);
    bot.sim.addMessage({
      messageId: 'om_text',
      chatId: 'oc_grp1',
      msgType: 'text',
      content: { text: 'hi' },
    });
    await bot.sendEvent(
      events.textMessage(
        {
          chatId: 'oc_grp1',
          chatType: 'group',
          senderOpenId: 'ou_org1',
          text: '归档',
          mentionBot: true,
          botOpenId: bot.sim.botOpenId,
          parentId: 'om_text',
        },
        bot.ids,
      ),
    );
    await settle(bot);
    expect(intakeNotices(bot).join()).toContain('没有可归档的图片、文件或音视频');
    expect(ackCards(bot)).toHaveLength(0);
  });

  it('opens a merged forward and collects each image, file and video inside it', async () => {
    const { activityId } = await boundActivity(bot);
    const [c1, c2, c3, c4] = bot.sim.addMergeForward(
      'om_fwd',
      [
        {
          messageId: 'om_c1',
          msgType: 'image',
          content: { image_key: 'img_c1' },
          senderOpenId: 'ou_x',
        },
        { messageId: 'om_c2', msgType: 'text', content: { text: '照片如下' } },
        {
          messageId: 'om_c3',
          msgType: 'file',
          content: { file_key: 'file_c3', file_name: '方案.pdf' },
        },
        {
          messageId: 'om_c4',
          msgType: 'media',
          content: { file_key: 'file_c4', file_name: 'v.mp4' },
        },
      ],
      'oc_other',
    );
    bot.sim.putResource(c1!, 'img_c1', { bytes: photo('c1') });
    bot.sim.putResource(c3!, 'file_c3', { bytes: samplePdf('plan') });
    bot.sim.putResource(c4!, 'file_c4', { size: 8192, head: mp4Head(8192) });
    expect(c2).toBe('om_c2');
    await drop(bot, {
      messageId: 'om_fwd',
      messageType: 'merge_forward',
      content: { content: 'Merged and Forwarded Message' },
    });
    await settle(bot);
    const items = await materialsOf(bot, activityId);
    expect(items.map((m) => [m._id, m.kind, m.sender])).toEqual([
      ['f:om_c1:img_c1', 'photo', 'ou_org1'],
      ['f:om_c3:file_c3', 'document', 'ou_org1'],
      ['f:om_c4:file_c4', 'video', 'ou_org1'],
    ]);
    expect(ackCards(bot)).toHaveLength(1);
    expect(ackCards(bot)[0]).toContain('本批已存档 **3** 项');
  });
});

describe('private chats', () => {
  it('files a contact’s photos under their one open activity', async () => {
    const { activityId } = await boundActivity(bot);
    await dropImage(bot, 'om_p2p_img', photo('p2p'), { chatId: 'oc_p2p_org1', chatType: 'p2p' });
    await settle(bot);
    expect((await materialsOf(bot, activityId)).map((m) => m.source)).toEqual(['private']);
    expect(ackCards(bot)).toHaveLength(1);
  });

  it('keeps the publicity office’s batch unfiled, answered once for the batch', async () => {
    await boundActivity(bot);
    for (const id of ['om_pub1', 'om_pub2']) {
      await dropImage(bot, id, photo(id), {
        chatId: 'oc_p2p_pub1',
        chatType: 'p2p',
        sender: 'ou_pub1',
      });
    }
    await settle(bot);
    const a = await bot.bot.deps.repos.materials.findById('f:om_pub1:img_om_pub1');
    const b = await bot.bot.deps.repos.materials.findById('f:om_pub2:img_om_pub2');
    expect(a).toMatchObject({ source: 'publicity', status: 'stored', sender: 'ou_pub1' });
    expect(a!.activityId).toBeUndefined();
    expect(b!.batchId).toBe(a!.batchId);
    // One answer for the batch: the drop-box's filing card (publicity-hook.ts) replies to its first photo.
    const answers = bot.sim.cardsTo('om_pub1');
    expect(answers).toHaveLength(1);
    expect(bot.sim.cardsTo('om_pub2')).toHaveLength(0);
    expect(JSON.stringify(answers[0]!.content)).not.toContain('material.describe.open');
  });

  it('asks someone without an open activity to use the group, once for a burst of photos', async () => {
    for (const id of ['om_s1', 'om_s2', 'om_s3']) {
      await dropImage(bot, id, photo(id), {
        chatId: 'oc_p2p_stranger',
        chatType: 'p2p',
        sender: 'ou_stranger',
      });
    }
    await settle(bot);
    expect(intakeNotices(bot)).toHaveLength(1);
    expect(intakeNotices(bot)[0]).toContain('没有找到你负责的进行中活动');
    expect(ackCards(bot)).toHaveLength(0);
  });

  it('stays silent about photos in a group bound to nothing', async () => {
    await dropImage(bot, 'om_unbound', photo('u'), { chatId: 'oc_random' });
    await settle(bot);
    expect(bot.sim.sentMessages()).toHaveLength(0);
    expect(bot.sim.requestsTo(/resources/)).toHaveLength(0);
  });

  it('refuses materials for an accepted or cancelled activity', async () => {
    const { activityId, code } = await boundActivity(bot);
    await tap(
      bot,
      'ou_org1',
      { action: 'activity.cancel.submit', activityId },
      { formValue: { reason: '改期' } },
    );
    await dropImage(bot, 'om_late', photo('late'));
    await settle(bot);
    expect(intakeNotices(bot).join()).toContain(`活动 ${code} 已验收或已取消`);
    expect(await materialsOf(bot, activityId)).toHaveLength(0);
  });
});
