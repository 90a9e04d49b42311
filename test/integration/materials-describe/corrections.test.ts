import { sampleJpeg } from '../../../src/simulator/sample-media';
import { groupCommand, json, tap } from '../../support/activity-flows';
import { startTestBot, type TestBot } from '../../support/test-bot';
import { boundActivity, drop } from '../materials/intake-support';
import { answersTo, material, replyText, seedBatch } from './support';

let bot: TestBot;

beforeEach(async () => {
  bot = await startTestBot({ now: '2026-03-05T02:00:00Z' });
});
afterEach(async () => {
  bot.sim.assertNoUnmatched();
  await bot.close();
});

async function withItems() {
  const reg = await boundActivity(bot);
  const ids = await seedBatch(bot, {
    batchId: 'b_fix',
    activityId: reg.activityId,
    items: [
      { kind: 'photo', fileName: 'blurred.jpg', sender: 'ou_up' },
      { kind: 'photo', fileName: 'good.jpg', sender: 'ou_up' },
    ],
  });
  return { ...reg, ids };
}

describe('removing and replacing items', () => {
  it('lists the items with remove buttons; the uploader removes one with a reason, logged', async () => {
    const { activityId, ids } = await withItems();
    await groupCommand(bot, '材料', { messageId: 'om_list' });
    await bot.drain();
    const list = answersTo(bot, 'om_list')[0]!;
    expect(list).toContain('blurred.jpg');
    expect(list).toContain('material.remove.open');

    const form = await tap(bot, 'ou_up', { action: 'material.remove.open', materialId: ids[0] });
    expect(json(form.card)).toContain('删除原因');
    const empty = await tap(
      bot,
      'ou_up',
      { action: 'material.remove.submit', materialId: ids[0] },
      { formValue: { reason: ' ' } },
    );
    expect(empty.toast?.type).toBe('error');
    const done = await tap(
      bot,
      'ou_up',
      { action: 'material.remove.submit', materialId: ids[0] },
      { formValue: { reason: '照片模糊' }, messageId: 'om_removed_card' },
    );
    expect(done.toast?.type).toBe('success');
    const removed = await material(bot, ids[0]!);
    expect(removed).toMatchObject({ removedBy: 'ou_up', removeReason: '照片模糊', blobId: ids[0] });
    expect((await bot.bot.deps.repos.activities.countMaterials(activityId)).byKind.photo).toBe(1);
    const audit = await bot.bot.deps.repos.activities.recentAudit(activityId, 3);
    expect(audit[0]).toMatchObject({
      action: 'material.removed',
      actor: 'ou_up',
      reason: '照片模糊',
    });
  });

  it('a stranger cannot remove an item and is told who may', async () => {
    const { ids } = await withItems();
    const answer = await tap(bot, 'ou_stranger', {
      action: 'material.remove.open',
      materialId: ids[0],
    });
    expect(answer.toast?.type).toBe('error');
    expect(answer.toast?.i18n.zh_cn).toContain('只有上传者');
    expect(answer.toast?.i18n.zh_cn).toContain('张老师'); // the contact
    const submit = await tap(
      bot,
      'ou_stranger',
      { action: 'material.remove.submit', materialId: ids[0] },
      { formValue: { reason: 'x' } },
    );
    expect(submit.toast?.type).toBe('error');
    expect((await material(bot, ids[0]!)).removedAt).toBeUndefined();
  });

  it('a new photo replied to the removal confirmation replaces the item and keeps its description', async () => {
    const { activityId, ids } = await withItems();
    await bot.bot.deps.repos.curation.saveDescriptions(
      [{ id: ids[0]!, description: { people: '张三', event: '开幕' }, described: false }],
      bot.clock.now(),
    );
    await groupCommand(bot, '材料', { messageId: 'om_list2' });
    await bot.drain();
    const removedCard = bot.sim.cardsTo('om_list2')[0]!.messageId;
    await tap(
      bot,
      'ou_up',
      { action: 'material.remove.submit', materialId: ids[0] },
      { formValue: { reason: '照片模糊' }, messageId: removedCard },
    );
    await drop(
      bot,
      {
        messageId: 'om_better',
        messageType: 'image',
        content: { image_key: 'img_better' },
        parentId: removedCard,
        sender: 'ou_up',
      },
      { img_better: { bytes: sampleJpeg({ width: 2048, height: 1536, label: 'better' }) } },
    );
    await bot.drain();
    expect(answersTo(bot, 'om_better')[0]).toContain('已由新文件替换');
    expect(json(bot.sim.currentContent(removedCard))).toContain('已由新文件替换');
    const old = await material(bot, ids[0]!);
    expect(old.replacedBy).toBeDefined();
    const replacement = await material(bot, old.replacedBy!);
    expect(replacement).toMatchObject({ activityId, batchId: 'b_fix', sender: 'ou_up' });
    expect(replacement.description).toMatchObject({ people: '张三', event: '开幕' });
    const audit = await bot.bot.deps.repos.activities.recentAudit(activityId, 3);
    expect(audit[0]!.action).toBe('material.replaced');
  });
});

describe('after acceptance', () => {
  it('nothing changes: remove, describe, register and file are refused with a clear message', async () => {
    const { activityId, ids } = await withItems();
    await bot.bot.deps.repos.activities.update(
      activityId,
      ['collecting', 'registered', 'ended'],
      { state: 'accepted' },
      [],
      bot.clock.now(),
    );
    const remove = await tap(bot, 'ou_org1', {
      action: 'material.remove.open',
      materialId: ids[0],
    });
    expect(remove.toast?.type).toBe('error');
    expect(remove.toast?.i18n.zh_cn).toContain('已验收归档');
    expect(remove.toast?.i18n.en_us).toContain('accepted');

    const describe = await tap(bot, 'ou_org1', {
      action: 'material.describe.open',
      activityId,
      batchId: 'b_fix',
    });
    expect(describe.toast?.i18n.zh_cn).toContain('已验收归档');
    const submit = await tap(
      bot,
      'ou_org1',
      { action: 'material.describe.submit', activityId, batchId: 'b_fix', page: 1, items: ids },
      { formValue: { people_0: '张三' } },
    );
    expect(submit.toast?.type).toBe('error');

    const cardId = bot.sim.addMessage({ chatId: 'oc_grp1', msgType: 'interactive', content: {} });
    await bot.bot.deps.repos.curation.rememberCard(
      { _id: cardId, kind: 'batch', batchId: 'b_fix', activityId },
      bot.clock.now(),
    );
    await replyText(bot, cardId, '人物：张三', { messageId: 'om_late_reply' });
    await groupCommand(bot, '登记实物', { messageId: 'om_late_item' });
    await groupCommand(bot, '材料', { messageId: 'om_late_list' });
    await bot.drain();
    expect(answersTo(bot, 'om_late_reply')[0]).toContain('已验收归档');
    expect(answersTo(bot, 'om_late_item')[0]).toContain('已验收归档');
    const list = answersTo(bot, 'om_late_list')[0]!;
    expect(list).not.toContain('material.remove.open');
    expect(list).toContain('不能再修改');

    const physical = await tap(
      bot,
      'ou_org1',
      { action: 'material.physical.submit', activityId, formId: 'late' },
      {
        formValue: { name: 'x', type: '奖杯', quantity: '1', description: 'x', location: 'x' },
      },
    );
    expect(physical.toast?.i18n.zh_cn).toContain('已验收归档');
    for (const id of ids) {
      const m = await material(bot, id);
      expect(m.removedAt).toBeUndefined();
      expect(m.description).toBeUndefined();
    }
    expect(await bot.bot.deps.repos.curation.findById('p:late')).toBeNull();
  });
});
