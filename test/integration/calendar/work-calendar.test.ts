import { calendarCheckJob } from '../../../src/jobs/calendar-check';
import { deadlineRemindersJob } from '../../../src/jobs/deadline-reminders';
import { overdueDigestJob } from '../../../src/jobs/overdue-digest';
import { json, registerThroughCard } from '../../support/activity-flows';
import { freshMessages, runJobAt } from '../../support/job-flows';
import { startTestBot, type TestBot } from '../../support/test-bot';
import { COLLEGE_CALENDAR_FIXTURE } from '../../support/work-calendars';

/**
 * The jobs on the real calendar: nothing on 国庆 2026, the first workday after it carries what
 * accumulated, the 调休 Saturday is a workday; in December admins hear once that 2027 is unknown.
 */
let bot: TestBot;
const fresh = freshMessages(() => bot);
const cardsTo = (id: string) => fresh.cardsTo(id).map((m) => json(m.content));
/** 09:00 Shanghai on a day. */
const morning = (day: string) => `${day}T01:00:00Z`;

afterEach(async () => {
  bot.sim.assertNoUnmatched();
  await bot.close();
  fresh.reset();
});

describe('across 国庆 2026', () => {
  let code: string;
  beforeEach(async () => {
    bot = await startTestBot({ now: '2026-08-20T02:00:00Z' });
    // Ends 30 August → due 30 September, the day before the holiday.
    ({ code } = await registerThroughCard(bot, {
      form: {
        title: '新生开学典礼',
        start_at: '2026-08-30 09:00 +0800',
        end_at: '2026-08-30 17:00 +0800',
      },
    }));
    await bot.drain();
    fresh.forget();
  });

  it('sends no overdue digest during the holiday, then one each workday (the 调休 Saturday too)', async () => {
    for (const day of ['2026-10-01', '2026-10-03', '2026-10-07']) {
      const outcome = await runJobAt(bot, overdueDigestJob, morning(day));
      expect(outcome.status === 'ok' && outcome.result.summary).toContain('not a workday');
    }
    expect(cardsTo('ou_arch1')).toHaveLength(0);
    await runJobAt(bot, overdueDigestJob, morning('2026-10-08'));
    const first = cardsTo('ou_arch1');
    expect(first).toHaveLength(1);
    expect(first[0]).toContain(code);
    expect(first[0]).toContain('逾期 **8** 天');
    await runJobAt(bot, overdueDigestJob, morning('2026-10-10')); // Saturday, worked instead
    expect(cardsTo('ou_arch1')).toHaveLength(2);
    await runJobAt(bot, overdueDigestJob, morning('2026-10-11')); // an ordinary Sunday
    expect(cardsTo('ou_arch1')).toHaveLength(2);
  });

  it('reminds the contact on the first workday after the holiday, then on the 调休 Saturday', async () => {
    const overdue = () => cardsTo('ou_org1').filter((c) => c.includes('已逾期'));
    for (const day of ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-07']) {
      await runJobAt(bot, deadlineRemindersJob, `${day}T01:30:00Z`);
    }
    expect(overdue()).toHaveLength(0);
    await runJobAt(bot, deadlineRemindersJob, '2026-10-08T01:30:00Z');
    expect(overdue()).toHaveLength(1);
    expect(overdue()[0]).toContain('已逾期 8 天');
    await runJobAt(bot, deadlineRemindersJob, '2026-10-09T01:30:00Z');
    expect(overdue()).toHaveLength(1);
    await runJobAt(bot, deadlineRemindersJob, '2026-10-10T01:30:00Z');
    expect(overdue()).toHaveLength(2);
  });
});

describe('next year unknown', () => {
  const notice = () => cardsTo('ou_admin').filter((c) => c.includes('2027 年节假日安排尚未收录'));

  it('gives each admin one card in December and logs a warning', async () => {
    bot = await startTestBot({ now: '2026-11-30T02:00:00Z' });
    await runJobAt(bot, calendarCheckJob, '2026-11-30T02:00:00Z');
    expect(notice()).toHaveLength(0);
    const outcome = await runJobAt(bot, calendarCheckJob, '2026-12-01T02:00:00Z');
    expect(outcome.status === 'ok' && outcome.result.summary).toContain('2027');
    expect(notice()).toHaveLength(1);
    expect(notice()[0]).toContain('按 **周一至周五** 计算工作日');
    expect(notice()[0]).toContain('officialYears');
    expect(notice()[0]).toContain('Holidays of 2027 not known yet');
    await runJobAt(bot, calendarCheckJob, '2026-12-02T02:00:00Z');
    await runJobAt(bot, calendarCheckJob, '2026-12-20T02:00:00Z');
    expect(notice()).toHaveLength(1);
    expect(cardsTo('ou_arch1')).toHaveLength(0);
    expect(
      bot.logLines.some((l) => l.includes('calendar.year_unknown') && l.includes('2027')),
    ).toBe(true);
  });

  it('says nothing when the college file supplies the year', async () => {
    bot = await startTestBot({
      now: '2026-12-01T02:00:00Z',
      env: { COLLEGE_CALENDAR_FILE: COLLEGE_CALENDAR_FIXTURE },
    });
    await runJobAt(bot, calendarCheckJob, '2026-12-01T02:00:00Z');
    expect(notice()).toHaveLength(0);
    expect(bot.bot.deps.calendar.isWorkday('2027-02-08')).toBe(false);
  });
});
