import { deadlineRemindersJob } from '../../../src/jobs/deadline-reminders';
import { overdueDigestJob } from '../../../src/jobs/overdue-digest';
import type { Job } from '../../../src/jobs/types';
import { json, registerThroughCard, tap } from '../../support/activity-flows';
import { startTestBot, type TestBot } from '../../support/test-bot';
import { freshMessages, runJobAt } from '../../support/job-flows';

/** Three activities of 教务处: A due 5 April, B due 10 April, C due 1 April but already handed over. */
let bot: TestBot;
let a: { activityId: string; code: string };
let b: { activityId: string; code: string };
let c: { activityId: string; code: string };
const fresh = freshMessages(() => bot);
const { forget } = fresh;
const cardsTo = (id: string) => fresh.cardsTo(id).map((m) => json(m.content));
const run = (job: Job, iso: string) => runJobAt(bot, job, iso);
const ended = (day: string) => ({
  start_at: `2026-03-${day} 09:00 +0800`,
  end_at: `2026-03-${day} 17:00 +0800`,
});

beforeEach(async () => {
  fresh.reset();
  bot = await startTestBot({ now: '2026-03-02T02:00:00Z' });
  a = await registerThroughCard(bot, { form: { ...ended('05'), title: '校庆典礼' } });
  b = await registerThroughCard(bot, { form: { ...ended('10'), title: '技能大赛' } });
  c = await registerThroughCard(bot, { form: { ...ended('01'), title: '开学典礼' } });
  await bot.bot.deps.repos.activities.update(
    c.activityId,
    ['registered', 'collecting'],
    { state: 'handover_submitted' },
    [],
    bot.clock.now(),
  );
  await tap(
    bot,
    'ou_org1',
    { action: 'extension.submit', activityId: b.activityId },
    { formValue: { new_date: '2026-05-10 +0800', reason: '等待报道刊发' } },
  );
  await bot.drain();
  forget();
});
afterEach(async () => {
  bot.sim.assertNoUnmatched();
  await bot.close();
});

describe('the daily overdue digest', () => {
  it('lists what is overdue, most overdue first, once a day, to each archivist', async () => {
    await run(overdueDigestJob, '2026-04-15T01:00:00Z');
    for (const archivist of ['ou_arch1', 'ou_arch2']) {
      const cards = cardsTo(archivist);
      expect(cards).toHaveLength(1);
      const card = cards[0]!;
      expect(card).toContain('共 **2** 个活动逾期未移交');
      expect(card.indexOf(a.code)).toBeGreaterThan(-1);
      expect(card.indexOf(a.code)).toBeLessThan(card.indexOf(b.code));
      expect(card).not.toContain(c.code);
      expect(card).toContain('逾期 **10** 天');
      expect(card).toContain('逾期 **5** 天');
      expect(card).toContain('教务处');
      expect(card).toContain('张老师');
      const rowB = card.slice(card.indexOf(b.code), card.indexOf(b.code) + 200);
      expect(rowB).toContain('延期审批中');
      expect(card).toContain('deadline.remind_now');
    }
    await run(overdueDigestJob, '2026-04-15T03:00:00Z');
    expect(cardsTo('ou_arch1')).toHaveLength(1);
    await run(overdueDigestJob, '2026-04-16T01:00:00Z');
    expect(cardsTo('ou_arch1')).toHaveLength(2);
  });

  it('sends nothing when nothing is overdue', async () => {
    const result = await run(overdueDigestJob, '2026-04-02T01:00:00Z');
    expect(result.status).toBe('ok');
    expect(cardsTo('ou_arch1')).toHaveLength(0);
  });

  it('lets an archivist remind the contact now, once a day, and nobody else', async () => {
    bot.clock.set('2026-04-15T02:00:00Z');
    const first = await tap(bot, 'ou_arch1', {
      action: 'deadline.remind_now',
      activityId: a.activityId,
    });
    expect(first.toast?.content).toContain('已提醒 张老师');
    const reminders = cardsTo('ou_org1');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toContain('已逾期 10 天');
    const second = await tap(bot, 'ou_arch2', {
      action: 'deadline.remind_now',
      activityId: a.activityId,
    });
    expect(second.toast?.content).toContain('今天已经提醒过');
    const stranger = await tap(bot, 'ou_pub1', {
      action: 'deadline.remind_now',
      activityId: a.activityId,
    });
    expect(stranger.toast?.type).toBe('error');
    expect(cardsTo('ou_org1')).toHaveLength(1);
  });
});

describe('escalation to the leader in charge', () => {
  it('comes at 7 days overdue, then weekly, on workdays only', async () => {
    await run(deadlineRemindersJob, '2026-04-11T01:30:00Z'); // A 6 days overdue
    expect(cardsTo('ou_leader').filter((x) => x.includes('逾期督办'))).toHaveLength(0);
    await run(deadlineRemindersJob, '2026-04-12T01:30:00Z'); // 7 days, but a Sunday
    expect(cardsTo('ou_leader').filter((x) => x.includes('逾期督办'))).toHaveLength(0);
    await run(deadlineRemindersJob, '2026-04-13T01:30:00Z'); // Monday
    let escalations = cardsTo('ou_leader').filter((x) => x.includes('逾期督办'));
    expect(escalations).toHaveLength(1);
    expect(escalations[0]).toContain(a.code);
    expect(escalations[0]).toContain('已逾期 **8** 天');
    await run(deadlineRemindersJob, '2026-04-13T05:30:00Z');
    await run(deadlineRemindersJob, '2026-04-19T01:30:00Z'); // 14 days, a Sunday again
    escalations = cardsTo('ou_leader').filter((x) => x.includes('逾期督办'));
    expect(escalations).toHaveLength(1);
    await run(deadlineRemindersJob, '2026-04-20T01:30:00Z');
    escalations = cardsTo('ou_leader').filter((x) => x.includes(`逾期督办 · ${a.code}`));
    expect(escalations).toHaveLength(2);
    expect(escalations[1]).toContain('已逾期 **15** 天');
  });

  it('never reaches a handed-over activity', async () => {
    await run(deadlineRemindersJob, '2026-04-20T01:30:00Z');
    const all = [...cardsTo('ou_leader'), ...cardsTo('ou_org1')];
    expect(all.some((x) => x.includes(c.code))).toBe(false);
    expect(all.some((x) => x.includes(a.code))).toBe(true);
  });
});
