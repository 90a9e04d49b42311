import { deadlineRemindersJob } from '../../src/jobs/deadline-reminders';
import { overdueDigestJob } from '../../src/jobs/overdue-digest';
import { runJob } from '../../src/jobs/runner';
import type { ScenarioContext } from './demo-scenario';

/**
 * Deadlines: the clock moves on, reminders arrive, the organizer asks for more time, a stranger's tap
 * is refused, the leader approves with one tap; another activity is overdue and the archive room's
 * morning digest shows it, with a one-tap reminder to its contact.
 */
export async function demoDeadlines({ stack, transcript, clock, events }: ScenarioContext) {
  const ids = stack.ids;
  const deps = stack.bot.deps;
  const tap = (
    operator: string,
    value: Record<string, unknown>,
    opts: { chatId: string; form?: Record<string, unknown> },
  ) =>
    stack.sendCard(
      events.cardAction(
        {
          operatorOpenId: operator,
          value,
          ...(opts.form ? { formValue: opts.form } : {}),
          openMessageId: stack.sim.lastCard()?.messageId ?? 'om_demo',
          openChatId: opts.chatId,
        },
        ids,
      ),
    );
  const run = (job: typeof deadlineRemindersJob, slot: string) =>
    runJob(job, { now: clock.now(), deps, slot });

  const anniversary = (await deps.repos.activities.list({ q: '建校六十周年' }, 1, 1)).items[0]!;

  // An activity registered late, already past its deadline: 招生就业处 has no leader in charge.
  clock.set('2026-03-02T02:00:00Z');
  await transcript.step(
    '周老师',
    'registers "春季招生宣讲会" (ended 10 February) in a private chat',
    () =>
      tap(
        'ou_zhou',
        { action: 'activity.register.submit', draftId: 'demo-zhou', chatType: 'p2p' },
        {
          chatId: 'oc_p2p_zhou',
          form: {
            title: '春季招生宣讲会',
            category: '2',
            unit: 'zsb',
            start_at: '2026-02-10 14:00 +0800',
            end_at: '2026-02-10 16:00 +0800',
            location: '报告厅',
            contact: 'ou_zhou',
          },
        },
      ),
  );

  clock.set('2026-03-30T01:05:00Z');
  await transcript.step(
    'the clock',
    'moves to 30 March 09:05 (7 days before the anniversary deadline); the reminder job runs',
    () => run(deadlineRemindersJob, 'demo-1').then(() => undefined),
  );
  clock.set('2026-03-30T03:00:00Z');
  await transcript.step(
    'the clock',
    'moves on two hours; the job runs again and sends nothing new',
    () => run(deadlineRemindersJob, 'demo-2').then(() => undefined),
  );

  await transcript.step('张老师', 'taps "申请延期" on the reminder', () =>
    tap(
      'ou_zhang',
      { action: 'extension.open', activityId: anniversary._id },
      { chatId: 'oc_p2p_zhang' },
    ),
  );
  await transcript.step('张老师', 'asks for 30 April: the press report is not out yet', () =>
    tap(
      'ou_zhang',
      { action: 'extension.submit', activityId: anniversary._id },
      {
        chatId: 'oc_p2p_zhang',
        form: { new_date: '2026-04-30 +0800', reason: '校报专题报道 4 月下旬刊发，需一并归档' },
      },
    ),
  );
  const requestId = `ext:${anniversary._id}:1`;
  await transcript.step('访客', 'taps "批准" on a forwarded copy of the card', () =>
    tap(
      'ou_guest',
      { action: 'extension.decide', requestId, decision: 'approve' },
      { chatId: 'oc_p2p_guest' },
    ),
  );
  await transcript.step('李副院长', 'taps "批准" on the card in his private chat', () =>
    tap(
      'ou_vp_li',
      { action: 'extension.decide', requestId, decision: 'approve' },
      { chatId: 'oc_p2p_vp_li', form: { comment: '同意，报道刊发后一周内移交' } },
    ),
  );

  clock.set('2026-03-31T01:00:00Z');
  await transcript.step(
    'the clock',
    'moves to 31 March 09:00; the overdue digest goes to the archive room',
    () => run(overdueDigestJob, 'demo-3').then(() => undefined),
  );
  const overdue = (await deps.repos.activities.list({ q: '春季招生宣讲会' }, 1, 1)).items[0]!;
  await transcript.step('王档案员', 'taps "立即提醒" next to 春季招生宣讲会', () =>
    tap(
      'ou_wang',
      { action: 'deadline.remind_now', activityId: overdue._id },
      { chatId: 'oc_archive_room' },
    ),
  );
}
