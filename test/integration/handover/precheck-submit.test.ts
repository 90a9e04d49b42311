import { groupCommand, tap } from '../../support/activity-flows';
import {
  cardTexts,
  setupActivity,
  tapSubmit,
  uploaded,
  versionsOf,
} from '../../support/handover-flows';
import { addCompleteSet, addMaterial, dropBlob, tamperBlob } from '../../support/material-fixtures';
import { plainZip, sampleFiles } from '../../support/sample-files';
import { startTestBot, type TestBot } from '../../support/test-bot';

describe('handover pre-check and submission', () => {
  let bot: TestBot;

  beforeEach(async () => {
    bot = await startTestBot({ now: '2026-03-02T02:00:00Z' });
  });
  afterEach(async () => {
    bot.sim.assertNoUnmatched();
    await bot.close();
  });

  const conn = () => bot.bot.deps.repos.handover.connection;
  const lastCardTo = (chat: string) => JSON.stringify(bot.sim.cardsTo(chat).at(-1)?.content ?? {});

  it('lists every blocking problem item by item and submits nothing', async () => {
    const { activityId } = await setupActivity(bot);
    bot.clock.set('2026-03-10T02:00:00Z');
    const c = conn();
    await addCompleteSet(c, activityId);
    const undescribed = await addMaterial(c, activityId, {
      kind: 'photo',
      fileName: '合影.jpg',
      described: false,
      description: { place: '礼堂' },
    });
    const changed = await addMaterial(c, activityId, { kind: 'photo', fileName: '改过.jpg' });
    await tamperBlob(c, changed.blobId!, 30);
    const lost = await addMaterial(c, activityId, { kind: 'document', fileName: '丢失.pdf' });
    await dropBlob(c, lost.blobId!);
    await addMaterial(c, activityId, {
      kind: 'document',
      file: { name: '全部照片.zip', mime: 'application/zip', bytes: plainZip() },
    });
    const cut = sampleFiles.pdf.bytes.subarray(0, sampleFiles.pdf.bytes.length - 8);
    await addMaterial(c, activityId, {
      kind: 'document',
      file: { name: '残缺.pdf', mime: 'application/pdf', bytes: cut },
      description: {
        title: '残缺文件',
        docType: '文件',
        docDate: new Date('2026-03-01'),
        pages: 1,
      },
    });
    const encrypted = Buffer.from('%PDF-1.4\ntrailer<</Encrypt 5 0 R>>\n%%EOF\n', 'latin1');
    await addMaterial(c, activityId, {
      kind: 'document',
      file: { name: '加密.pdf', mime: 'application/pdf', bytes: encrypted },
      description: {
        title: '加密文件',
        docType: '文件',
        docDate: new Date('2026-03-01'),
        pages: 1,
      },
    });
    await addMaterial(c, activityId, {
      kind: 'video',
      status: 'failed',
      failReason: 'too_large',
      fileName: '全程录像.mp4',
    });

    const answer = await tapSubmit(bot, activityId);
    expect(answer.toast?.i18n.zh_cn).toBe('正在检查全部材料，结果稍后发送');
    const card = lastCardTo('oc_grp1');
    expect(card).toContain('移交前检查');
    expect(card).toContain('有 **7** 个问题必须先处理');
    expect(card).toContain('「合影.jpg」缺少说明：时间、人物、事由、摄影者');
    expect(card).toContain('「改过.jpg」SHA-256 与收集时不符');
    expect(card).toContain('「丢失.pdf」的文件在存储中找不到');
    expect(card).toContain('「全部照片.zip」的格式 zip 不符合归档要求');
    expect(card).toContain('「残缺.pdf」文件不完整');
    expect(card).toContain('「加密.pdf」已加密');
    expect(card).toContain('「全程录像.mp4」未能保存');
    expect(card).toContain('四性检测：真实性 ❌ · 完整性 ❌ · 可用性 ❌ · 安全性 ❌');
    expect(card).toContain('重新检查');
    expect(undescribed.described).toBe(false);
    expect(await versionsOf(bot, activityId)).toEqual([]);
    expect((await bot.bot.deps.repos.activities.findById(activityId))?.state).toBe('collecting');
    expect(bot.sim.cardsTo('ou_arch1')).toHaveLength(0);
    expect(uploaded(bot, /移交清册/)).toHaveLength(0);
  });

  it('warns about checklist gaps and submits only when the organizer confirms', async () => {
    const { activityId, code } = await setupActivity(bot);
    bot.clock.set('2026-03-10T02:00:00Z');
    await addMaterial(conn(), activityId, { kind: 'photo' });
    await addMaterial(conn(), activityId, { kind: 'physical' });

    await tapSubmit(bot, activityId);
    let card = lastCardTo('oc_grp1');
    expect(card).toContain('检查通过，但请留意以下');
    expect(card).toContain('清单缺项：活动方案');
    expect(card).toContain('实物「建校六十周年纪念牌匾」×1 须送交综合档案室');
    expect(card).toContain('仍然提交');
    expect(await versionsOf(bot, activityId)).toEqual([]);

    await tapSubmit(bot, activityId, { confirm: true });
    card = lastCardTo('oc_grp1');
    expect(card).toContain('已提交移交（第 1 版）');
    const [v1] = await versionsOf(bot, activityId);
    expect(v1).toMatchObject({ version: 1, status: 'submitted', checklistGaps: 3, retention: 'Y' });
    expect((await bot.bot.deps.repos.activities.findById(activityId))?.state).toBe(
      'handover_submitted',
    );
    // The list went into the group and to each archivist with the review card.
    const files = bot.sim.sentMessages().filter((m) => m.msgType === 'file');
    expect(files.map((m) => m.chatId ?? m.receiveId).sort()).toEqual(
      ['oc_grp1', 'oc_p2p_arch1', 'oc_p2p_arch2'].sort(),
    );
    expect(uploaded(bot, new RegExp(`移交清册-${code}-v1\\.xlsx`)).length).toBeGreaterThan(0);
    for (const a of ['ou_arch1', 'ou_arch2']) {
      const review = cardTexts(bot, a).at(-1)!;
      expect(review).toContain(`移交待验收 · ${code}`);
      expect(review).toContain('按期移交');
      expect(review).toContain(v1!.list.digest);
      expect(review).toContain('"handover.accept"');
    }
    expect(v1!.reviewMessageIds).toHaveLength(2);
    const audit = await bot.bot.deps.repos.activities.recentAudit(activityId, 5);
    expect(audit[0]).toMatchObject({ action: 'handover_submitted', actor: 'ou_org1' });
  });

  it('a double tap submits once; a submitted handover cannot be submitted again', async () => {
    const { activityId } = await setupActivity(bot);
    await addCompleteSet(conn(), activityId);
    await Promise.all([tapSubmit(bot, activityId), tapSubmit(bot, activityId)]);
    await bot.drain();
    expect(await versionsOf(bot, activityId)).toHaveLength(1);
    await tapSubmit(bot, activityId);
    expect(lastCardTo('oc_grp1')).toContain('当前状态为「已提交移交」，不能提交移交');
    expect(await versionsOf(bot, activityId)).toHaveLength(1);
  });

  it('refuses people who do not manage the activity', async () => {
    const { activityId } = await setupActivity(bot);
    const answer = await tap(bot, 'ou_pub1', { action: 'handover.submit', activityId });
    expect(answer.toast?.type).toBe('error');
    await bot.drain();
    expect(await versionsOf(bot, activityId)).toEqual([]);
  });

  it('"@bot 移交" in the bound group runs the same check and submits', async () => {
    const { activityId } = await setupActivity(bot);
    await addCompleteSet(conn(), activityId);
    await groupCommand(bot, '移交');
    await bot.drain();
    expect(lastCardTo('oc_grp1')).toContain('已提交移交（第 1 版）');
    expect(await versionsOf(bot, activityId)).toHaveLength(1);
  });

  it('the status card offers "submit handover" to the organizer', async () => {
    const { activityId } = await setupActivity(bot);
    const answer = await tap(bot, 'ou_org1', { action: 'activity.status', activityId });
    expect(JSON.stringify(answer.card)).toContain('"handover.submit"');
    const stranger = await tap(bot, 'ou_pub1', { action: 'activity.status', activityId });
    expect(JSON.stringify(stranger.card)).not.toContain('"handover.submit"');
  });
});
