import { deadlineRemindersJob } from '../../../src/jobs/deadline-reminders';
import { runJob } from '../../../src/jobs/runner';
import { startLocalStack } from '../../../src/app/local-stack';
import { reminderScheduleJob } from '../../../src/jobs/reminder-schedule';
import { json, registerThroughCard, tap } from '../../support/activity-flows';
import { startTestBot, type TestBot } from '../../support/test-bot';

/** The activity ends 5 March 2026 17:30 Shanghai, so it is due Sunday 5 April 2026, end of day. */
let bot: TestBot;
let activityId: string;
let slot = 0;

const runAt = async (iso: string) => {
  bot.clock.set(iso);
  slot += 1;
  const result = await runJob(deadlineRemindersJob, {
    now: bot.clock.now(),
    deps: bot.bot.deps,
    slot: `test-${slot}`,
  });
  await bot.drain(); // the job queues; the worker sends
  return result;
};
const cards = () =>
  [...bot.sim.cardsTo('ou_org1'), ...bot.sim.cardsTo('oc_grp1')].map((m) => json(m.content));

beforeEach(async () => {
  bot = await startTestBot({ now: '2026-03-02T02:00:00Z' });
  activityId = (await registerThroughCard(bot)).activityId;
  await tap(bot, 'ou_org1', { action: 'activity.bind_chat', activityId });
  bot.sim.clear();
});
afterEach(async () => {
  bot.sim.assertNoUnmatched();
  await bot.close();
});

describe('deadline reminders', () => {
  it('reminds the contact and the group 7 days before, once', async () => {
    expect((await runAt('2026-03-29T00:30:00Z')).status).toBe('ok'); // 08:30 Shanghai: not yet
    expect(cards()).toHaveLength(0);
    await runAt('2026-03-29T01:05:00Z'); // 09:05 Shanghai
    expect(bot.sim.cardsTo('ou_org1')).toHaveLength(1);
    expect(bot.sim.cardsTo('oc_grp1')).toHaveLength(1);
    expect(cards()[0]).toContain('还剩 **7 天**');
    expect(cards()[0]).toContain('7 days** left');
    expect(cards()[0]).toContain('活动照片'); // a required item still missing
    expect(cards()[0]).toContain('activity.status');
    await runAt('2026-03-29T03:00:00Z');
    await Promise.all([runAt('2026-03-29T04:00:00Z'), runAt('2026-03-29T04:00:00Z')]);
    expect(cards()).toHaveLength(2);
  });

  it('holds reminders in quiet hours and sends them in the morning', async () => {
    await runAt('2026-03-29T13:30:00Z'); // 21:30 Shanghai: T-7 was due at 09:00 but the bot was down
    expect(cards()).toHaveLength(0);
    await runAt('2026-03-30T00:15:00Z'); // 08:15 the next morning
    expect(cards()).toHaveLength(2);
    expect(cards()[0]).toContain('还剩 **6 天**');
  });

  it('catches up after downtime with the latest reminder only', async () => {
    await runAt('2026-04-05T02:00:00Z'); // the due day, 10:00 Shanghai, nothing sent before
    expect(cards()).toHaveLength(2);
    expect(cards()[0]).toContain('今天');
    expect(cards()[0]).not.toContain('还剩');
    await runAt('2026-04-05T03:00:00Z');
    expect(cards()).toHaveLength(2);
  });

  it('keeps reminding every 2 workdays while overdue, counting no day of 清明 (4–6 April)', async () => {
    await runAt('2026-04-06T01:30:00Z'); // Monday after a Sunday deadline, but a public holiday
    expect(cards()).toHaveLength(0);
    await runAt('2026-04-07T01:30:00Z'); // Tuesday, the first workday after the deadline
    expect(cards()).toHaveLength(2);
    expect(cards()[0]).toContain('已逾期 2 天');
    await runAt('2026-04-08T01:30:00Z');
    expect(cards()).toHaveLength(2);
    await runAt('2026-04-09T01:30:00Z');
    expect(cards()).toHaveLength(4);
    expect(cards().at(-1)).toContain('已逾期 4 天');
  });

  it('stays silent once the handover is submitted or the activity cancelled', async () => {
    await bot.bot.deps.repos.activities.update(
      activityId,
      ['collecting'],
      { state: 'handover_submitted' },
      [],
      bot.clock.now(),
    );
    await runAt('2026-03-29T01:05:00Z');
    await runAt('2026-04-06T01:30:00Z');
    expect(cards()).toHaveLength(0);
  });

  it('drops a queued reminder when the handover is submitted before it goes out', async () => {
    bot.clock.set('2026-03-29T01:05:00Z');
    await runJob(deadlineRemindersJob, { now: bot.clock.now(), deps: bot.bot.deps, slot: 'q' });
    await bot.bot.deps.repos.activities.update(
      activityId,
      ['collecting'],
      { state: 'handover_submitted' },
      [],
      bot.clock.now(),
    );
    await bot.drain();
    expect(cards()).toHaveLength(0);
  });

  it("restores a lost watch-list entry with the next day's repair", async () => {
    await runAt('2026-03-28T01:05:00Z'); // the day's first pass repairs the list: the activity joins
    await bot.connection.collection('reminder_window').deleteMany({});
    await runAt('2026-03-28T05:00:00Z');
    expect(cards()).toHaveLength(0);
    bot.clock.set('2026-03-28T19:30:00Z'); // 03:30 the next morning
    await runJob(reminderScheduleJob, { now: bot.clock.now(), deps: bot.bot.deps, slot: 'repair' });
    await runAt('2026-03-29T01:05:00Z');
    expect(cards()).toHaveLength(2);
    expect(cards()[0]).toContain('还剩 **7 天**');
  });

  it('sends nothing twice after a restart (a new process on the same database)', async () => {
    await runAt('2026-03-29T01:05:00Z');
    expect(cards()).toHaveLength(2);
    const restarted = await startLocalStack({ connection: bot.connection, clock: bot.clock });
    try {
      await runJob(deadlineRemindersJob, {
        now: bot.clock.now(),
        deps: restarted.bot.deps,
        slot: 'after-restart',
      });
      await restarted.bot.worker.drain();
      expect(restarted.sim.sentMessages()).toHaveLength(0);
    } finally {
      await restarted.close();
    }
  });
});

describe('deadline reminders with quiet weekends configured', () => {
  it('holds a Sunday reminder until Monday morning', async () => {
    await bot.close();
    bot = await startTestBot({
      now: '2026-03-02T02:00:00Z',
      env: { REMINDER_WEEKENDS_QUIET: 'true', REMINDER_QUIET_HOURS: '20:00-07:30' },
    });
    activityId = (await registerThroughCard(bot)).activityId;
    await tap(bot, 'ou_org1', { action: 'activity.bind_chat', activityId });
    bot.sim.clear();
    await runAt('2026-03-29T01:05:00Z'); // Sunday 09:05: T-7 is due but weekends are quiet
    expect(cards()).toHaveLength(0);
    await runAt('2026-03-29T23:15:00Z'); // Monday 07:15: still quiet (until 07:30)
    expect(cards()).toHaveLength(0);
    await runAt('2026-03-29T23:45:00Z'); // Monday 07:45
    expect(cards()).toHaveLength(2);
    expect(cards()[0]).toContain('还剩 **6 天**');
  });
});
