import { publicityRemindersJob } from '../../../src/jobs/publicity-reminders';
import { sampleJpeg } from '../../../src/simulator/sample-media';
import { json, privateCommand, registerThroughCard, tap } from '../../support/activity-flows';
import { startTestBot, type TestBot } from '../../support/test-bot';
import { boundActivity, dropImage, settle } from '../materials/intake-support';
import { material } from './support';

let bot: TestBot;

beforeEach(async () => {
  bot = await startTestBot({ now: '2026-03-05T02:00:00Z' });
});
afterEach(async () => {
  bot.sim.assertNoUnmatched();
  await bot.close();
});

const photo = (label: string) => sampleJpeg({ width: 2048, height: 1536, label });

/** ou_pub1 sends photos to the bot privately; returns the filing card and the batch. */
async function publicityDrop(labels: string[]) {
  for (const [i, label] of labels.entries()) {
    await dropImage(bot, `om_pub_${label}_${i}`, photo(label), {
      chatId: 'oc_p2p_pub1',
      chatType: 'p2p',
      sender: 'ou_pub1',
    });
  }
  await settle(bot);
  const filing = bot.sim
    .sentMessages()
    .filter((m) => JSON.stringify(m.content).includes('material.publicity.file'))
    .at(-1)!;
  const batchId = /"batchId":"([^"]+)"/.exec(JSON.stringify(filing.content))![1]!;
  const items = await bot.bot.deps.repos.curation.batchItems(batchId);
  return { filing, batchId, items };
}

describe('publicity drop-box', () => {
  it('answers the sender with a filing card; one tap files the whole batch', async () => {
    const { activityId, code } = await boundActivity(bot);
    const older = await registerThroughCard(bot, {
      form: {
        title: '去年的运动会',
        start_at: '2025-11-01 09:00 +0800',
        end_at: '2025-11-01 17:00 +0800',
      },
    });
    const { filing, batchId, items } = await publicityDrop(['x', 'y']);
    const card = JSON.stringify(filing.content);
    expect(filing.receiveId === 'ou_pub1' || filing.chatId === 'oc_p2p_pub1').toBe(true);
    expect(card).toContain('收到 **2** 项材料');
    expect(card).toContain(code);
    expect(card).not.toContain(older.code); // ended more than 60 days ago
    expect(items.every((m) => m.activityId === undefined && m.source === 'publicity')).toBe(true);

    const search = await tap(
      bot,
      'ou_pub1',
      { action: 'material.publicity.search', batchId },
      { messageId: filing.messageId, formValue: { q: '校庆' }, chatId: 'oc_p2p_pub1' },
    );
    expect(json(search.card)).toContain(code);

    const filed = await tap(
      bot,
      'ou_pub1',
      { action: 'material.publicity.file', batchId, activityId },
      { messageId: filing.messageId, chatId: 'oc_p2p_pub1' },
    );
    expect(filed.toast?.type).toBe('success');
    expect(json(filed.card)).toContain(`已归档 · ${code}`);
    expect(json(filed.card)).toContain('来源：宣传处');
    for (const item of items) {
      const m = await material(bot, item._id);
      expect(m).toMatchObject({ activityId, source: 'publicity' });
      expect(m.description?.photographer).toBe('ou_pub1');
    }
    const counts = await bot.bot.deps.repos.activities.countMaterials(activityId);
    expect(counts.byKind.photo).toBe(2);

    const again = await tap(
      bot,
      'ou_pub1',
      { action: 'material.publicity.file', batchId, activityId: older.activityId },
      { messageId: filing.messageId, chatId: 'oc_p2p_pub1' },
    );
    expect(again.toast?.i18n.zh_cn).toContain(`已归入 ${code}`);
  });

  it('drops content the activity already holds, with a note', async () => {
    const { activityId } = await boundActivity(bot);
    await dropImage(bot, 'om_group_same', photo('same'));
    await settle(bot);
    const { batchId, filing } = await publicityDrop(['same', 'new']);
    const filed = await tap(
      bot,
      'ou_pub1',
      { action: 'material.publicity.file', batchId, activityId },
      { messageId: filing.messageId, chatId: 'oc_p2p_pub1' },
    );
    expect(json(filed.card)).toContain('其中 1 项与该活动已有材料内容相同');
    const counts = await bot.bot.deps.repos.activities.countMaterials(activityId);
    expect(counts.byKind.photo).toBe(2); // the group's photo and the new one
  });

  it('reminds after 3 days on the next workday, once, and an archivist files it; others may not', async () => {
    const { activityId, code } = await boundActivity(bot);
    const { batchId, filing } = await publicityDrop(['late']);
    const run = (iso: string) =>
      publicityRemindersJob.run({
        now: new Date(iso),
        deps: bot.bot.deps,
        log: bot.bot.deps.log,
      });
    expect((await run('2026-03-07T02:00:00Z')).counts?.reminded).toBe(0);
    expect((await run('2026-03-08T03:00:00Z')).counts?.reminded).toBe(0); // 3 days, but a Sunday
    expect((await run('2026-03-09T01:00:00Z')).counts?.reminded).toBe(1); // Monday
    expect((await run('2026-03-09T04:00:00Z')).counts?.reminded).toBe(0);
    const reminder = bot.sim.cardsTo('ou_arch1').at(-1)!;
    expect(JSON.stringify(reminder.content)).toContain('待归档提醒');
    expect(
      bot.sim.cardsTo('ou_pub1').some((m) => JSON.stringify(m.content).includes('待归档提醒')),
    ).toBe(true);

    const stranger = await tap(bot, 'ou_org1', {
      action: 'material.publicity.file',
      batchId,
      activityId,
    });
    expect(stranger.toast?.type).toBe('error');
    expect(stranger.toast?.i18n.zh_cn).toContain('只有发送者或档案员');

    await privateCommand(bot, '待归档', 'ou_arch1', 'om_unfiled');
    await bot.drain();
    expect(JSON.stringify(bot.sim.cardsTo('om_unfiled')[0]!.content)).toContain(
      'material.publicity.open',
    );

    const filed = await tap(
      bot,
      'ou_arch1',
      { action: 'material.publicity.file', batchId, activityId },
      { messageId: reminder.messageId, chatId: 'oc_p2p_arch1' },
    );
    expect(filed.toast?.type).toBe('success');
    expect(json(filed.card)).toContain('由 王档案员 归档');
    // The sender's card shows the outcome too.
    expect(json(bot.sim.currentContent(filing.messageId))).toContain(`已归档 · ${code}`);
    const items = await bot.bot.deps.repos.curation.batchItems(batchId);
    expect(items.every((m) => m.activityId === activityId)).toBe(true);
  });
});
