import type { LocalStack } from '../../src/app/local-stack';
import type { FixedClock } from '../../src/lib/clock';
import type { events as Events } from '../../src/simulator';
import type { DemoTranscript } from './demo-kit';

export interface ScenarioContext {
  stack: LocalStack;
  transcript: DemoTranscript;
  clock: FixedClock;
  events: typeof Events;
}

/** The scripted scenario; each feature adds its part of the story here. */
export async function runScenario({ stack, transcript, events }: ScenarioContext): Promise<void> {
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
}
