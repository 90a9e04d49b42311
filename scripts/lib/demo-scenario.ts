import type { LocalStack } from '../../src/app/local-stack';
import type { FixedClock } from '../../src/lib/clock';
import type { events as Events } from '../../src/simulator';
import type { DemoTranscript } from './demo-kit';
import { demoDeadlines } from './demo-deadlines';
import { demoBackup } from './demo-backup';
import { demoHandover } from './demo-handover';
import { demoMaterialsIntake } from './demo-materials-intake';
import { demoMaterialsDescribe } from './demo-materials-describe';

export interface ScenarioContext {
  stack: LocalStack;
  transcript: DemoTranscript;
  clock: FixedClock;
  events: typeof Events;
}

/** The scripted scenario; each feature adds its part of the story here. */
export async function runScenario({
  stack,
  transcript,
  clock,
  events,
}: ScenarioContext): Promise<void> {
  const ids = stack.ids;
  const bot = stack.sim.botOpenId;

  const added = events.botAdded(
    { chatId: 'oc_anniv', operatorOpenId: 'ou_zhang', name: '校庆筹备群' },
    ids,
  );
  await transcript.step('张老师', 'adds the bot to the group 「校庆筹备群」', () =>
    stack.sendEvent(added),
  );
  await transcript.step(
    'Feishu',
    'redelivers that event twice (at-least-once delivery): nothing new appears',
    async () => {
      await stack.sendEvent(added);
      return stack.sendEvent(added);
    },
  );
  await transcript.step('张老师', 'types "@活动归档助手 帮助" in the group', () =>
    stack.sendEvent(
      events.textMessage(
        {
          chatId: 'oc_anniv',
          chatType: 'group',
          senderOpenId: 'ou_zhang',
          text: '帮助',
          mentionBot: true,
          botOpenId: bot,
        },
        ids,
      ),
    ),
  );
  await transcript.step('王档案员', 'writes "help" to the bot in a private chat', () =>
    stack.sendEvent(
      events.textMessage(
        { chatId: 'oc_p2p_wang', chatType: 'p2p', senderOpenId: 'ou_wang', text: 'help' },
        ids,
      ),
    ),
  );

  // ── Activities: register by card, bind the group, status ──
  await transcript.step('张老师', 'types "@活动归档助手 登记" in the group', () =>
    stack.sendEvent(
      events.textMessage(
        {
          chatId: 'oc_anniv',
          chatType: 'group',
          senderOpenId: 'ou_zhang',
          text: '登记',
          mentionBot: true,
          botOpenId: bot,
        },
        ids,
      ),
    ),
  );
  const formCard = stack.sim.sentMessages().at(-1)!;
  const draftId = /"draftId":"([^"]+)"/.exec(JSON.stringify(formCard.content))?.[1] ?? 'demo';
  const submit = (formValue: Record<string, unknown>) =>
    stack.sendCard(
      events.cardAction(
        {
          operatorOpenId: 'ou_zhang',
          value: { action: 'activity.register.submit', draftId, chatType: 'group' },
          formValue,
          openMessageId: formCard.messageId,
          openChatId: 'oc_anniv',
        },
        ids,
      ),
    );
  const form = {
    title: '建校六十周年庆典',
    category: '5',
    unit: 'jwc',
    co_units: ['xcb'],
    start_at: '2026-03-06 09:00 +0800',
    end_at: '2026-03-06 17:30 +0800',
    location: '学院礼堂',
    summary: '庆典大会、校史展、校友座谈',
    contact: 'ou_zhang',
  };
  await transcript.step('张老师', 'submits the form with the end before the start', () =>
    submit({ ...form, end_at: '2026-03-05 17:30 +0800' }),
  );
  await transcript.step('张老师', 'fixes the end time and submits again', () => submit(form));
  await transcript.step('张老师', 'taps submit once more (a double tap): still one activity', () =>
    submit(form),
  );
  const activity = (await stack.bot.deps.repos.activities.list({ q: '建校六十周年' }, 1, 1))
    .items[0]!;
  await transcript.step('张老师', 'taps "绑定本群" on the confirmation card', () =>
    stack.sendCard(
      events.cardAction(
        {
          operatorOpenId: 'ou_zhang',
          value: { action: 'activity.bind_chat', activityId: activity._id },
          openMessageId: formCard.messageId,
          openChatId: 'oc_anniv',
        },
        ids,
      ),
    ),
  );
  await transcript.step('访客', 'taps "取消活动" on the card (not theirs)', () =>
    stack.sendCard(
      events.cardAction(
        {
          operatorOpenId: 'ou_guest',
          value: { action: 'activity.cancel.submit', activityId: activity._id },
          formValue: { reason: '不想办了' },
          openMessageId: formCard.messageId,
          openChatId: 'oc_anniv',
        },
        ids,
      ),
    ),
  );
  await transcript.step('张老师', 'types "@活动归档助手 状态" in the group', () =>
    stack.sendEvent(
      events.textMessage(
        {
          chatId: 'oc_anniv',
          chatType: 'group',
          senderOpenId: 'ou_zhang',
          text: '状态',
          mentionBot: true,
          botOpenId: bot,
        },
        ids,
      ),
    ),
  );
  await transcript.step('王档案员', 'writes "全部活动" to the bot', () =>
    stack.sendEvent(
      events.textMessage(
        { chatId: 'oc_p2p_wang', chatType: 'p2p', senderOpenId: 'ou_wang', text: '全部活动' },
        ids,
      ),
    ),
  );

  // ── Materials: photos and a document dropped into the group, one card per batch ──
  await demoMaterialsIntake({ stack, transcript, clock, events });
  await demoMaterialsDescribe({ stack, transcript, clock, events });

  // ── Deadlines: reminders, an extension decided by the leader, the overdue digest ──
  await demoDeadlines({ stack, transcript, clock, events });

  // ── Backup: a full backup to two targets, verified, the keeper's card, the register ──
  await demoBackup({ stack, transcript, clock, events });

  // ── Handover: refused by the pre-check, fixed, returned once, accepted with archive numbers; assessment ──
  await demoHandover({ stack, transcript, clock, events });
}
