import { tap } from '../../support/activity-flows';
import {
  cardTexts,
  setupActivity,
  tapDecision,
  tapSubmit,
  versionsOf,
} from '../../support/handover-flows';
import { addCompleteSet } from '../../support/material-fixtures';
import { startTestBot, type TestBot } from '../../support/test-bot';

const ARCHIVE_NO = /^Z001-(WS|ZP|LX|SW)·2026-(Y|D30|D10)-JWC-\d{4}$/;

describe('accepting and returning a handover', () => {
  let bot: TestBot;

  beforeEach(async () => {
    bot = await startTestBot({ now: '2026-03-02T02:00:00Z' });
  });
  afterEach(async () => {
    bot.sim.assertNoUnmatched();
    await bot.close();
  });

  const repos = () => bot.bot.deps.repos;
  const activity = async (id: string) => (await repos().activities.findById(id))!;

  async function submitted(): Promise<{ activityId: string; code: string; submissionId: string }> {
    const a = await setupActivity(bot);
    bot.clock.set('2026-03-20T02:00:00Z');
    await addCompleteSet(repos().handover.connection, a.activityId);
    await tapSubmit(bot, a.activityId);
    const [v] = await versionsOf(bot, a.activityId);
    return { ...a, submissionId: v!._id };
  }

  it('only archivists decide: the organizer and others are refused and nothing changes', async () => {
    const { activityId, submissionId } = await submitted();
    for (const who of ['ou_org1', 'ou_leader', 'ou_pub1']) {
      const answer = await tapDecision(bot, who, submissionId, 'accept');
      expect(answer.toast).toMatchObject({ type: 'error' });
      expect(answer.toast?.i18n.zh_cn).toContain('档案员');
    }
    expect(await repos().handover.decision(submissionId)).toBeNull();
    expect((await activity(activityId)).state).toBe('handover_submitted');
  });

  it('a return needs a reason; then the organizer gets the reason and may resubmit', async () => {
    const { activityId, code, submissionId } = await submitted();
    const noReason = await tapDecision(bot, 'ou_arch1', submissionId, 'return', { reason: ' ' });
    expect(noReason.toast?.i18n.zh_cn).toBe('退回须填写原因');
    expect(await repos().handover.decision(submissionId)).toBeNull();

    bot.clock.set('2026-03-21T02:00:00Z');
    const answer = await tapDecision(bot, 'ou_arch1', submissionId, 'return', {
      reason: '第 2 张照片缺少人物说明',
      minor: 'yes',
    });
    expect(answer.toast).toMatchObject({ type: 'success' });
    expect(JSON.stringify(answer.card)).toContain('第 2 张照片缺少人物说明');
    expect(JSON.stringify(answer.card)).not.toContain('"handover.accept"');
    await bot.drain();
    expect((await activity(activityId)).state).toBe('returned');
    const notice = JSON.stringify(bot.sim.cardsTo('oc_grp1').at(-1)?.content);
    expect(notice).toContain(`移交被退回 · ${code}`);
    expect(notice).toContain('第 2 张照片缺少人物说明');
    expect(notice).toContain('轻微问题');
    expect(notice).toContain('"handover.submit"');

    // Resubmitted after the deadline: a minor return keeps the first submission's time.
    bot.clock.set('2026-04-10T02:00:00Z');
    await tapSubmit(bot, activityId);
    const versions = await versionsOf(bot, activityId);
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'returned'],
      [2, 'submitted'],
    ]);
    const review = cardTexts(bot, 'ou_arch1').at(-1)!;
    expect(review).toContain('第 2 版');
    expect(review).toContain(
      '按期移交（按首次提交时间 2026-03-20 10:00 认定：此前退回为轻微问题）',
    );
    expect(versions[0]!.list.blobId).not.toBe(versions[1]!.list.blobId);
  });

  it('two archivists tapping at once: exactly one decision wins', async () => {
    const { activityId, submissionId } = await submitted();
    const [a, b] = await Promise.all([
      tapDecision(bot, 'ou_arch1', submissionId, 'accept'),
      tapDecision(bot, 'ou_arch2', submissionId, 'return', { reason: '材料不全' }),
    ]);
    const toasts = [a, b].map((x) => x.toast?.type).sort();
    expect(toasts).toEqual(['info', 'success']);
    const loser = a.toast?.type === 'info' ? a : b;
    expect(loser.toast?.i18n.zh_cn).toMatch(/^已由 .+ 处理过了$/);
    const decision = await repos().handover.decision(submissionId);
    const state = (await activity(activityId)).state;
    expect(state).toBe(decision!.kind === 'accept' ? 'accepted' : 'returned');
    const [v] = await versionsOf(bot, activityId);
    expect(v!.status).toBe(decision!.kind === 'accept' ? 'accepted' : 'returned');
    const audit = await repos().activities.recentAudit(activityId, 10);
    expect(audit.filter((e) => /handover_(accepted|returned)/.test(e.action))).toHaveLength(1);
  });

  it('acceptance assigns archive numbers, regenerates the list, records who and the digest', async () => {
    const { activityId, code, submissionId } = await submitted();
    bot.clock.set('2026-03-25T02:00:00Z');
    const answer = await tapDecision(bot, 'ou_arch1', submissionId, 'accept', { retention: 'D30' });
    expect(answer.toast?.i18n.zh_cn).toBe('已验收通过，正在编制档号');
    expect((await activity(activityId)).state).toBe('accepted');
    await bot.drain();

    const items = await repos().handover.liveMaterials(activityId);
    const numbers = items.map((m) => m.archiveNo!);
    expect(numbers.every((n) => ARCHIVE_NO.test(n))).toBe(true);
    expect(new Set(numbers).size).toBe(items.length);
    expect(numbers.filter((n) => n.includes('-ZP·')).sort()).toEqual([
      'Z001-ZP·2026-D30-JWC-0001',
      'Z001-ZP·2026-D30-JWC-0002',
    ]);
    expect(numbers.filter((n) => n.includes('-WS·')).sort()).toEqual([
      'Z001-WS·2026-D30-JWC-0001',
      'Z001-WS·2026-D30-JWC-0002',
      'Z001-WS·2026-D30-JWC-0003',
    ]);
    const [v] = await versionsOf(bot, activityId);
    expect(v).toMatchObject({
      status: 'accepted',
      decidedBy: 'ou_arch1',
      decidedAt: new Date('2026-03-25T02:00:00Z'),
      retention: 'D30',
    });
    expect(v!.acceptedList?.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(v!.acceptedList?.digest).not.toBe(v!.list.digest);
    expect(v!.acceptedList?.fileName).toBe(`移交清册-${code}-v1-验收.xlsx`);
    const audit = await repos().activities.recentAudit(activityId, 10);
    const numbered = audit.find((e) => e.action === 'archive_numbers_assigned');
    expect(numbered?.changes).toEqual(
      expect.arrayContaining([{ field: 'listDigest', after: v!.acceptedList!.digest }]),
    );
    // The organizer is told, with the numbers and what is still to bring.
    const notice = JSON.stringify(bot.sim.cardsTo('oc_grp1').at(-1)?.content);
    expect(notice).toContain(`移交已验收 · ${code}`);
    expect(notice).toContain('Z001-');
    expect(notice).toContain('尚待送交原件');
    // The archivists' review card now shows the decision and the numbers.
    const reviewId = v!.reviewMessageIds[0]!;
    const current = JSON.stringify(bot.sim.currentContent(reviewId));
    expect(current).toContain('档号：Z001-');
    expect(current).not.toContain('"handover.accept"');
  });

  it('after acceptance the materials are read-only: no new handover, no edits', async () => {
    const { activityId, submissionId } = await submitted();
    await tapDecision(bot, 'ou_arch1', submissionId, 'accept');
    await bot.drain();
    await tapSubmit(bot, activityId);
    expect(JSON.stringify(bot.sim.cardsTo('oc_grp1').at(-1)?.content)).toContain(
      '当前状态为「已验收归档」',
    );
    expect(await versionsOf(bot, activityId)).toHaveLength(1);
    const edit = await tap(
      bot,
      'ou_org1',
      { action: 'activity.edit.submit', activityId },
      {
        formValue: { title: '改名' },
      },
    );
    expect(edit.toast?.type).toBe('error');
    expect((await activity(activityId)).title).not.toBe('改名');
    const again = await tapDecision(bot, 'ou_arch2', submissionId, 'return', { reason: 'x' });
    expect(again.toast?.type).toBe('info');
    expect((await activity(activityId)).state).toBe('accepted');
  });

  it('archivists mark originals received one by one; the status card shows what is still to arrive', async () => {
    const { activityId, submissionId } = await submitted();
    await tapDecision(bot, 'ou_arch1', submissionId, 'accept');
    await bot.drain();
    const open = await tap(bot, 'ou_arch1', { action: 'handover.originals', activityId });
    const card = JSON.stringify(open.card);
    expect(card).toContain('实物「建校六十周年纪念牌匾」×1');
    expect(card).toContain('纸质原件');
    const physical = (await repos().handover.liveMaterials(activityId)).find(
      (m) => m.kind === 'physical',
    )!;
    const organizer = await tap(bot, 'ou_org1', {
      action: 'handover.receive',
      activityId,
      materialId: physical._id,
    });
    expect(organizer.toast?.type).toBe('error');
    const received = await tap(bot, 'ou_arch1', {
      action: 'handover.receive',
      activityId,
      materialId: physical._id,
    });
    expect(received.toast?.i18n.zh_cn).toBe('已确认接收');
    expect(JSON.stringify(received.card)).toContain('✅ 已接收');
    const twice = await tap(bot, 'ou_arch1', {
      action: 'handover.receive',
      activityId,
      materialId: physical._id,
    });
    expect(twice.toast?.i18n.zh_cn).toBe('此前已确认接收');
    const stored = await repos().handover.material(physical._id);
    expect(stored?.physical?.receivedBy).toBe('ou_arch1');
    const status = await tap(bot, 'ou_org1', { action: 'activity.status', activityId });
    const text = JSON.stringify(status.card);
    expect(text).toContain('待送交原件 2 件');
    expect(text).not.toContain('纪念牌匾');
  });
});
