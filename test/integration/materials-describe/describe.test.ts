import { sampleJpeg, samplePdf } from '../../../src/simulator/sample-media';
import { groupCommand, json, tap } from '../../support/activity-flows';
import { startTestBot, type TestBot } from '../../support/test-bot';
import { boundActivity, drop, dropImage, settle } from '../materials/intake-support';
import { answersTo, material, replyText, seedBatch } from './support';

let bot: TestBot;

beforeEach(async () => {
  bot = await startTestBot({ now: '2026-03-05T02:00:00Z' });
});
afterEach(async () => {
  bot.sim.assertNoUnmatched();
  await bot.close();
});

/** Every callback payload with this action inside a card. */
function actionsIn(card: unknown, action: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.action === action) out.push(o);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

/** Two photos (one with EXIF), a PDF, dropped in the group and acknowledged. */
async function dropBatch() {
  const reg = await boundActivity(bot);
  await dropImage(
    bot,
    'om_p1',
    sampleJpeg({ width: 2048, height: 1536, takenAt: '2026:03:05 10:15:30', label: 'a' }),
  );
  await dropImage(bot, 'om_p2', sampleJpeg({ width: 2048, height: 1536, label: 'b' }));
  await drop(
    bot,
    {
      messageId: 'om_doc',
      messageType: 'file',
      content: { file_key: 'file_doc', file_name: '开幕式讲话.pdf' },
    },
    { file_doc: { bytes: samplePdf('Opening speech') } },
  );
  await settle(bot);
  const ack = bot.sim
    .sentMessages()
    .find((m) => JSON.stringify(m.content).includes('material.describe.open'))!;
  const items = await bot.bot.deps.repos.materials.listByActivity(reg.activityId);
  return { ...reg, ackId: ack.messageId, batchId: items[0]!.batchId!, items };
}

describe('from photo drop to described', () => {
  it('opens the batch form from the acknowledgement with defaults, and one submit describes all', async () => {
    const { activityId, batchId, ackId, items, code } = await dropBatch();
    expect(items).toHaveLength(3);
    const form = await tap(
      bot,
      'ou_org1',
      { action: 'material.describe.open', activityId, batchId },
      { messageId: ackId },
    );
    const shown = json(form.card);
    expect(shown).toContain(`补充说明 · ${code}`);
    expect(shown).toContain('学院礼堂'); // place from the activity
    expect(shown).toContain('张老师'); // photographer defaults to the sender
    expect(shown).toContain('拍摄于 2026-03-05 10:15'); // the photo's EXIF time
    expect(shown).toContain('"initial_datetime":"2026-03-05 09:00"'); // no EXIF: the activity's start
    expect(shown).toContain('开幕式讲话'); // document title from the file name
    expect(shown).toContain('Describe materials');

    const submit = actionsIn(form.card!.data, 'material.describe.submit')[0]!;
    const ids = submit.items as string[];
    const formValue: Record<string, unknown> = {
      event: '建校六十周年庆典',
      place: '学院礼堂',
      taken_at: '2026-03-05 09:30 +0800',
      photographer: '张老师',
      doc_type: '讲话',
      doc_date: '2026-03-05 +0800',
    };
    for (const [i, id] of ids.entries()) {
      const m = items.find((x) => x._id === id)!;
      if (m.kind === 'photo') formValue[`people_${i}`] = `嘉宾${i}`;
      else Object.assign(formValue, { [`title_${i}`]: '院长开幕式讲话', [`pages_${i}`]: '1' });
    }
    const done = await tap(bot, 'ou_org1', submit, { messageId: ackId, formValue });
    expect(done.toast?.type).toBe('success');
    expect(done.toast?.i18n.zh_cn).toContain('均已说明');
    expect(json(done.card)).toContain('说明已完成');

    const withExif = items.find((m) => m.exifTakenAt)!;
    const photo = await material(bot, withExif._id);
    expect(photo.described).toBe(true);
    expect(photo.description?.takenAt).toEqual(withExif.exifTakenAt); // EXIF wins
    const other = await material(bot, items.find((m) => m.kind === 'photo' && !m.exifTakenAt)!._id);
    expect(other.description?.takenAt).toEqual(new Date('2026-03-05T01:30:00Z'));
    const doc = await material(bot, items.find((m) => m.kind === 'document')!._id);
    expect(doc.description).toMatchObject({ title: '院长开幕式讲话', docType: '讲话', pages: 1 });
    expect(doc.described).toBe(true);

    await groupCommand(bot, '状态', { messageId: 'om_status' });
    await bot.drain();
    expect(answersTo(bot, 'om_status')[0]).not.toContain('缺少说明');
  });

  it('describes by a `字段：值` reply to the acknowledgement, and says what it could not read', async () => {
    const { ackId, items } = await dropBatch();
    const photos = items.filter((m) => m.kind === 'photo');
    await replyText(bot, ackId, '人物：张三、李四\n#3 类型：讲话\n#3 页数：2\n天气：晴', {
      messageId: 'om_reply',
    });
    await bot.drain();
    const answer = answersTo(bot, 'om_reply')[0]!;
    expect(answer).toContain('已更新说明');
    expect(answer).toContain('不认识字段「天气」');
    expect(answer).toContain('unknown field');
    for (const p of photos) {
      const m = await material(bot, p._id);
      // 人物 given; time, place, event and photographer come from the defaults.
      expect(m.description).toMatchObject({
        people: '张三、李四',
        place: '学院礼堂',
        photographer: '张老师',
      });
      expect(m.described).toBe(true);
    }
    const doc = await material(bot, items.find((m) => m.kind === 'document')!._id);
    expect(doc.description).toMatchObject({ docType: '讲话', pages: 2, title: '开幕式讲话' });
    expect(doc.described).toBe(true);
    expect(answer).toContain('均已说明');
  });

  it('answers a reply without any field with how to write one, and changes nothing', async () => {
    const { ackId, items } = await dropBatch();
    await replyText(bot, ackId, '拍得不错', { messageId: 'om_thanks' });
    await bot.drain();
    expect(answersTo(bot, 'om_thanks')[0]).toContain('字段：值');
    expect((await material(bot, items[0]!._id)).described).toBe(false);
  });

  it('reads a reply sent without @mention (apps allowed to read every group message)', async () => {
    const { ackId, items } = await dropBatch();
    const { events } = await import('../../../src/simulator');
    await bot.sendEvent(
      events.textMessage(
        {
          chatId: 'oc_grp1',
          chatType: 'group',
          senderOpenId: 'ou_org1',
          text: '人物：王五',
          parentId: ackId,
          messageId: 'om_plain',
        },
        bot.ids,
      ),
    );
    await bot.drain();
    expect(answersTo(bot, 'om_plain')[0]).toContain('已更新说明');
    const photo = items.find((m) => m.kind === 'photo')!;
    expect((await material(bot, photo._id)).description?.people).toBe('王五');
  });
});

describe('batch description', () => {
  it('applies shared fields to the whole batch, people per item, and pages through 12 photos', async () => {
    const { activityId } = await boundActivity(bot);
    const ids = await seedBatch(bot, {
      batchId: 'b_big',
      activityId,
      items: Array.from({ length: 12 }, (_, i) => ({
        kind: 'photo' as const,
        fileName: `IMG_${i + 1}.jpg`,
      })),
    });
    const first = await tap(bot, 'ou_org1', {
      action: 'material.describe.open',
      activityId,
      batchId: 'b_big',
    });
    const page1 = json(first.card);
    expect(page1).toContain('第 1/2 页');
    expect(page1).toContain('IMG_10.jpg');
    expect(page1).not.toContain('IMG_11.jpg');
    const submit = actionsIn(first.card!.data, 'material.describe.submit')[0]!;
    const answer = await tap(bot, 'ou_org1', submit, {
      formValue: {
        event: '开幕式',
        place: '礼堂',
        taken_at: '2026-03-05 09:30 +0800',
        photographer: '李摄影',
        people_0: '院长',
        people_all: '全体师生',
      },
    });
    expect(answer.toast?.type).toBe('success');
    const m0 = await material(bot, ids[0]!);
    expect(m0.description).toMatchObject({
      people: '院长',
      event: '开幕式',
      photographer: '李摄影',
    });
    const m11 = await material(bot, ids[11]!);
    expect(m11.description).toMatchObject({ people: '全体师生', place: '礼堂' });
    expect(m11.described).toBe(true);
  });

  it('keeps a batch partly undescribed and moves to the next page; the status card counts them', async () => {
    const { activityId } = await boundActivity(bot);
    const ids = await seedBatch(bot, {
      batchId: 'b_part',
      activityId,
      items: Array.from({ length: 11 }, (_, i) => ({
        kind: 'photo' as const,
        fileName: `P${i}.jpg`,
      })),
    });
    const first = await tap(bot, 'ou_org1', {
      action: 'material.describe.open',
      activityId,
      batchId: 'b_part',
    });
    const submit = actionsIn(first.card!.data, 'material.describe.submit')[0]!;
    const answer = await tap(bot, 'ou_org1', submit, {
      formValue: { event: 'e', place: 'p', photographer: 'x', people_0: '张三' },
    });
    expect(answer.toast?.i18n.zh_cn).toContain('还有 10 项待补充');
    expect(json(answer.card)).toContain('第 2/2 页');
    expect((await material(bot, ids[0]!)).described).toBe(true);
    expect((await material(bot, ids[1]!)).described).toBe(false);
    await groupCommand(bot, '状态', { messageId: 'om_st' });
    await bot.drain();
    expect(answersTo(bot, 'om_st')[0]).toContain('10 项缺少说明');
  });

  it('shows a bad date under its field and stores nothing', async () => {
    const { activityId } = await boundActivity(bot);
    const ids = await seedBatch(bot, {
      batchId: 'b_bad',
      activityId,
      items: [{ kind: 'photo' }],
    });
    const first = await tap(bot, 'ou_org1', {
      action: 'material.describe.page',
      activityId,
      batchId: 'b_bad',
      page: 1,
    });
    const submit = actionsIn(first.card!.data, 'material.describe.submit')[0]!;
    const answer = await tap(bot, 'ou_org1', submit, {
      formValue: { taken_at: 'yesterday', people_0: '张三' },
    });
    expect(answer.toast?.type).toBe('error');
    expect(json(answer.card)).toContain('日期格式不正确');
    expect(json(answer.card)).toContain('张三'); // what was typed comes back
    expect((await material(bot, ids[0]!)).description).toBeUndefined();
  });
});
