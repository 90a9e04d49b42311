import { extensionFollowupJob } from '../../../src/jobs/extension-followup';
import { deadlineRemindersJob } from '../../../src/jobs/deadline-reminders';
import type { Job } from '../../../src/jobs/types';
import { formatInTz } from '../../../src/domain/deadline';
import { groupCommand, json, registerThroughCard, tap } from '../../support/activity-flows';
import { startTestBot, type TestBot } from '../../support/test-bot';
import { freshMessages, runJobAt } from '../../support/job-flows';

/**
 * The activity ends 5 March 2026 (Shanghai), so its handover is due 5 April. The contact ou_org1
 * asks for 20 April; 李副院长 (ou_leader) leads 教务处 (jwc) and alone decides.
 */
let bot: TestBot;
let activityId: string;

const TZ = 'Asia/Shanghai';
const form = { new_date: '2026-04-20 +0800', reason: '宣传报道尚未刊发' };
const open = (who = 'ou_org1') => tap(bot, who, { action: 'extension.open', activityId });
const submit = (who = 'ou_org1', formValue: Record<string, unknown> = form) =>
  tap(bot, who, { action: 'extension.submit', activityId }, { formValue });
const decide = (who: string, decision: 'approve' | 'reject', comment?: string) =>
  tap(
    bot,
    who,
    { action: 'extension.decide', requestId: `ext:${activityId}:1`, decision },
    { formValue: comment ? { comment } : {}, chatId: `oc_p2p_${who}` },
  );
const activity = async () => (await bot.bot.deps.repos.activities.findById(activityId))!;
const deadlineDay = async () => formatInTz((await activity()).effectiveDeadline, TZ, 'YYYY-MM-DD');
const run = (job: Job, iso: string) => runJobAt(bot, job, iso);
const fresh = freshMessages(() => bot);
const { forget, cardsTo } = fresh;
const decisionsStored = async () =>
  (await bot.bot.deps.repos.extensions.findById(`ext:${activityId}:1`))?.status;

beforeEach(async () => {
  fresh.reset();
  bot = await startTestBot({ now: '2026-03-02T02:00:00Z' }); // Monday 10:00 Shanghai
  activityId = (await registerThroughCard(bot)).activityId;
  await tap(bot, 'ou_org1', { action: 'activity.bind_chat', activityId });
  forget();
});
afterEach(async () => {
  bot.sim.assertNoUnmatched();
  await bot.close();
});

describe('requesting an extension', () => {
  it('offers the button to the contact only, and the form shows who decides', async () => {
    const mine = await tap(bot, 'ou_org1', { action: 'activity.status', activityId });
    expect(json(mine.card)).toContain('extension.open');
    const theirs = await tap(bot, 'ou_pub1', { action: 'activity.status', activityId });
    expect(json(theirs.card)).not.toContain('extension.open');
    const formCard = json((await open()).card);
    expect(formCard).toContain('date_picker');
    expect(formCard).toContain('李副院长');
    expect(formCard).toContain('2026-04-05');
    const stranger = await open('ou_pub1');
    expect(stranger.toast?.type).toBe('error');
    expect(stranger.card).toBeUndefined();
  });

  it('refuses a blank reason or an earlier date, and stores nothing', async () => {
    const blank = await submit('ou_org1', { new_date: '2026-04-20 +0800', reason: '  ' });
    expect(blank.toast?.type).toBe('error');
    expect(json(blank.card)).toContain('请填写延期理由');
    const earlier = await submit('ou_org1', { new_date: '2026-04-01 +0800', reason: '来不及' });
    expect(json(earlier.card)).toContain('请选择晚于当前截止日期');
    expect(json(earlier.card)).toContain('来不及'); // what was typed stays
    await bot.drain();
    expect(await decisionsStored()).toBeUndefined();
    expect(cardsTo('ou_leader')).toHaveLength(0);
  });

  it('sends one card to the leader in charge, even when the form is submitted twice', async () => {
    const [first, second] = await Promise.all([submit(), submit()]);
    expect(first.toast?.type).toBe('success');
    expect(second.toast?.type).toBe('success');
    expect(first.toast?.content).toContain('李副院长');
    await bot.drain();
    const cards = cardsTo('ou_leader');
    expect(cards).toHaveLength(1);
    const card = json(cards[0]!.content);
    for (const text of [
      '宣传报道尚未刊发',
      '2026-04-05',
      '2026-04-20',
      '教务处',
      '张老师',
      '批准',
      '驳回',
    ])
      expect(card).toContain(text);
    expect(card).toContain('"decision":"approve"');
    expect(await decisionsStored()).toBe('pending');
    const status = json(
      (await tap(bot, 'ou_org1', { action: 'activity.status', activityId })).card,
    );
    expect(status).toContain('延期申请审批中');
    expect(status).not.toContain('extension.open');
  });

  it('opens the form with `延期` in the bound group, and refuses a stranger', async () => {
    await groupCommand(bot, '@_user_1 延期');
    await groupCommand(bot, '@_user_1 延期', { sender: 'ou_pub1' });
    await bot.drain();
    const replies = cardsTo('oc_grp1').map((m) => json(m.content));
    expect(replies).toHaveLength(2);
    expect(replies.filter((r) => r.includes('extension.submit'))).toHaveLength(1);
    expect(replies.filter((r) => r.includes('你没有权限'))).toHaveLength(1);
  });
});

describe('deciding an extension', () => {
  beforeEach(async () => {
    await submit();
    await bot.drain();
    forget();
  });

  it('refuses anyone but the leader in charge, naming who may decide', async () => {
    for (const who of ['ou_arch1', 'ou_admin', 'ou_org1']) {
      const answer = await decide(who, 'approve');
      expect(answer.toast?.type).toBe('error');
      expect(answer.toast?.content).toContain('只有 李副院长 可以审批');
      expect(answer.card).toBeUndefined();
    }
    expect(await decisionsStored()).toBe('pending');
    expect(await deadlineDay()).toBe('2026-04-05');
  });

  it('approves with one tap: the card updates, the deadline moves, requester and group are told', async () => {
    const answer = await decide('ou_leader', 'approve');
    expect(answer.toast?.type).toBe('success');
    expect(json(answer.card)).toContain('已于');
    expect(json(answer.card)).not.toContain('extension.decide');
    expect(await deadlineDay()).toBe('2026-04-20');
    await bot.drain();
    const toRequester = cardsTo('ou_org1').map((m) => json(m.content));
    const toGroup = cardsTo('oc_grp1').map((m) => json(m.content));
    expect(toRequester).toHaveLength(1);
    expect(toRequester[0]).toContain('延至 **2026-04-20**');
    expect(toGroup).toHaveLength(1);
    const status = json(
      (await tap(bot, 'ou_org1', { action: 'activity.status', activityId })).card,
    );
    expect(status).toContain('2026-04-20');
    const again = await decide('ou_leader', 'reject');
    expect(again.toast?.content).toContain('李副院长 已经批准');
    expect(await deadlineDay()).toBe('2026-04-20');
  });

  it('rejects with a comment; the deadline stays', async () => {
    const answer = await decide('ou_leader', 'reject', '请按期移交');
    expect(answer.toast?.type).toBe('success');
    expect(json(answer.card)).toContain('请按期移交');
    await bot.drain();
    const toRequester = json(cardsTo('ou_org1')[0]?.content);
    expect(toRequester).toContain('驳回');
    expect(toRequester).toContain('请按期移交');
    expect(await deadlineDay()).toBe('2026-04-05');
    const status = json(
      (await tap(bot, 'ou_org1', { action: 'activity.status', activityId })).card,
    );
    expect(status).toContain('延期申请被驳回');
  });

  it('two taps racing give exactly one decision', async () => {
    const answers = await Promise.all([
      decide('ou_leader', 'approve'),
      decide('ou_leader', 'reject'),
      decide('ou_leader', 'approve'),
    ]);
    expect(answers.filter((a) => a.toast?.type === 'success')).toHaveLength(1);
    const status = await decisionsStored();
    const expected = status === 'approved' ? '2026-04-20' : '2026-04-05';
    expect(await deadlineDay()).toBe(expected);
    await bot.drain();
    expect(cardsTo('ou_org1')).toHaveLength(1);
    const audit = await bot.bot.deps.repos.activities.recentAudit(activityId, 10);
    expect(
      audit.filter((e) => e.action.startsWith('extension.') && e.action !== 'extension.requested'),
    ).toHaveLength(1);
  });

  it('reminders follow the new deadline', async () => {
    await decide('ou_leader', 'approve');
    await bot.drain();
    forget();
    await run(deadlineRemindersJob, '2026-04-05T02:00:00Z'); // the old due day: nothing
    expect(cardsTo('ou_org1')).toHaveLength(0);
    await run(deadlineRemindersJob, '2026-04-13T01:05:00Z'); // 7 days before 20 April
    const cards = cardsTo('ou_org1').map((m) => json(m.content));
    expect(cards).toHaveLength(1);
    expect(cards[0]).toContain('还剩 **7 天**');
    expect(cards[0]).toContain('2026-04-20');
  });
});

describe('a pending request', () => {
  beforeEach(async () => {
    await submit();
    await bot.drain();
    forget();
  });

  it('is reminded to the leader after 2 workdays, once, and re-sent before its card expires', async () => {
    await run(extensionFollowupJob, '2026-03-03T02:00:00Z'); // Tuesday: 1 workday
    expect(cardsTo('ou_leader')).toHaveLength(0);
    await run(extensionFollowupJob, '2026-03-04T02:00:00Z'); // Wednesday: 2 workdays
    const reminders = cardsTo('ou_leader').map((m) => json(m.content));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toContain('已等待 2 个工作日');
    expect(reminders[0]).toContain('extension.decide');
    await run(extensionFollowupJob, '2026-03-05T02:00:00Z');
    expect(cardsTo('ou_leader')).toHaveLength(1);
    await run(extensionFollowupJob, '2026-03-18T03:00:00Z'); // 14 days after the reminder card, minus an hour
    expect(cardsTo('ou_leader')).toHaveLength(2);
    await run(extensionFollowupJob, '2026-03-18T04:00:00Z');
    expect(cardsTo('ou_leader')).toHaveLength(2);
  });

  it('does not stop the reminders, and the overdue reminder says a request is pending', async () => {
    await run(deadlineRemindersJob, '2026-04-07T01:30:00Z'); // first workday after 清明
    const card = json(cardsTo('ou_org1')[0]?.content);
    expect(card).toContain('已逾期 2 天');
    expect(card).toContain('延期申请正在等待审批');
    expect(card).not.toContain('extension.open');
  });
});

describe('a unit without a leader in charge', () => {
  it('sends the request to every archivist; one decides, the other is told who did', async () => {
    const reg = await registerThroughCard(bot, {
      operator: 'ou_pub1',
      chatId: 'oc_grp2',
      form: { unit: 'xcb', contact: 'ou_pub1', co_units: [] },
    });
    activityId = reg.activityId;
    await submit('ou_pub1');
    await bot.drain();
    const cards = ['ou_arch1', 'ou_arch2'].map((a) => json(cardsTo(a)[0]?.content));
    for (const c of cards) expect(c).toContain('由档案员代为审批');
    const leader = await decide('ou_leader', 'approve');
    expect(leader.toast?.content).toContain('档案员');
    expect((await decide('ou_arch2', 'approve')).toast?.type).toBe('success');
    const late = await decide('ou_arch1', 'reject');
    expect(late.toast?.type).toBe('info');
    expect(late.toast?.content).toContain('已经批准');
    await bot.drain();
    // Both archivists' cards now show the decision (the tapped one by the answer, both by PATCH).
    for (const archivist of ['ou_arch1', 'ou_arch2']) {
      const messageId = cardsTo(archivist)[0]!.messageId;
      const shown = json(bot.sim.currentContent(messageId));
      expect(shown).toContain('已于');
      expect(shown).not.toContain('extension.decide');
    }
    expect(await deadlineDay()).toBe('2026-04-20');
  });
});
