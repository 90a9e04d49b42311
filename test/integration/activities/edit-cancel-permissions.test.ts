import { json, registerThroughCard, tap } from '../../support/activity-flows';
import { startTestBot, type TestBot } from '../../support/test-bot';

let bot: TestBot;

beforeEach(async () => {
  bot = await startTestBot({ now: '2026-03-02T02:00:00Z' });
});
afterEach(async () => {
  bot.sim.assertNoUnmatched();
  await bot.close();
});

describe('edit, cancel, restore and who may', () => {
  it('refuses a stranger who tries to edit or cancel, changing nothing', async () => {
    const { activityId } = await registerThroughCard(bot);
    for (const action of [
      'activity.edit.open',
      'activity.edit.submit',
      'activity.cancel.open',
      'activity.cancel.submit',
      'activity.bind_chat',
    ]) {
      const answer = await tap(
        bot,
        'ou_stranger',
        { action, activityId },
        { formValue: { title: 'hijacked', reason: 'x' } },
      );
      expect(answer.toast?.type).toBe('error');
      expect(answer.toast?.i18n.zh_cn).toContain('没有权限');
      expect(answer.toast?.i18n.en_us).toContain('not allowed');
    }
    const activity = await bot.bot.deps.repos.activities.findById(activityId);
    expect(activity?.title).toBe('2026 年校庆典礼');
    expect(activity?.state).toBe('registered');
  });

  it('lets the contact change the end, recomputing the deadline, and logs before/after', async () => {
    const { activityId } = await registerThroughCard(bot, { form: { contact: 'ou_leader' } });
    const answer = await tap(
      bot,
      'ou_leader',
      { action: 'activity.edit.submit', activityId },
      { formValue: { end_at: '2026-03-31 18:00 +0800', title: '校庆典礼（改）' } },
    );
    expect(answer.toast?.type).toBe('success');
    const activity = await bot.bot.deps.repos.activities.findById(activityId);
    expect(activity?.title).toBe('校庆典礼（改）');
    expect(activity?.deadline.toISOString()).toBe('2026-04-30T15:59:59.999Z'); // 31 March → 30 April
    const [entry] = await bot.bot.deps.repos.activities.recentAudit(activityId, 1);
    expect(entry?.actor).toBe('ou_leader');
    expect(entry?.changes.map((c) => c.field)).toEqual(expect.arrayContaining(['title', 'end_at']));
    expect(json(answer.card)).toContain('修改了');
  });

  it('shows edit errors on the form and stores nothing', async () => {
    const { activityId } = await registerThroughCard(bot);
    const answer = await tap(
      bot,
      'ou_org1',
      { action: 'activity.edit.submit', activityId },
      { formValue: { end_at: '2026-03-01 08:00 +0800' } },
    );
    expect(answer.toast?.type).toBe('error');
    expect((await bot.bot.deps.repos.activities.findById(activityId))?.endAt.toISOString()).toBe(
      '2026-03-05T09:30:00.000Z',
    );
  });

  it('needs a reason to cancel; an archivist can restore; the organizer cannot', async () => {
    const { activityId } = await registerThroughCard(bot);
    const noReason = await tap(
      bot,
      'ou_org1',
      { action: 'activity.cancel.submit', activityId },
      { formValue: { reason: '  ' } },
    );
    expect(noReason.toast?.type).toBe('error');
    expect((await bot.bot.deps.repos.activities.findById(activityId))?.state).toBe('registered');

    const cancelled = await tap(
      bot,
      'ou_org1',
      { action: 'activity.cancel.submit', activityId },
      { formValue: { reason: '活动延期举办' } },
    );
    expect(cancelled.toast?.type).toBe('success');
    expect(json(cancelled.card)).toContain('活动延期举办');
    expect((await bot.bot.deps.repos.activities.findById(activityId))?.state).toBe('cancelled');

    const byOrganizer = await tap(bot, 'ou_org1', { action: 'activity.restore', activityId });
    expect(byOrganizer.toast?.type).toBe('error');
    expect(byOrganizer.toast?.i18n.en_us).toContain('Only archivists');

    const again = await tap(
      bot,
      'ou_org1',
      { action: 'activity.cancel.submit', activityId },
      { formValue: { reason: 'twice' } },
    );
    expect(again.toast?.type).toBe('error');

    const restored = await tap(bot, 'ou_arch1', { action: 'activity.restore', activityId });
    expect(restored.toast?.type).toBe('success');
    expect((await bot.bot.deps.repos.activities.findById(activityId))?.state).toBe('registered');
    const actions = (await bot.bot.deps.repos.activities.recentAudit(activityId, 10)).map(
      (a) => a.action,
    );
    expect(actions.slice(0, 2)).toEqual(['restored', 'cancelled']);
  });

  it('shows only the buttons the viewer may use', async () => {
    const { activityId } = await registerThroughCard(bot);
    const asOwner = json(
      (await tap(bot, 'ou_org1', { action: 'activity.status', activityId })).card,
    );
    const asStranger = json(
      (await tap(bot, 'ou_stranger', { action: 'activity.status', activityId })).card,
    );
    expect(asOwner).toContain('activity.edit.open');
    expect(asOwner).toContain('activity.cancel.open');
    expect(asStranger).not.toContain('activity.edit.open');
    expect(asStranger).not.toContain('activity.cancel.open');
    expect(asStranger).not.toContain('activity.bind_chat');
  });
});
