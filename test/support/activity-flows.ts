import { events } from '../../src/simulator';
import type { TestBot } from './test-bot';

export interface CardAnswer {
  toast?: { type: string; content: string; i18n: { zh_cn: string; en_us: string } };
  card?: { type: 'raw'; data: Record<string, unknown> };
}

/** A valid registration form as the card sends it (Feishu picker formats). */
export const validForm = (over: Record<string, unknown> = {}) => ({
  title: '2026 年校庆典礼',
  category: '5',
  unit: 'jwc',
  co_units: ['xcb'],
  start_at: '2026-03-05 09:00 +0800',
  end_at: '2026-03-05 17:30 +0800',
  location: '学院礼堂',
  summary: '建校 60 周年庆典',
  contact: 'ou_org1',
  ...over,
});

/** Taps a button (or submits a form) on a card, as Feishu delivers it. */
export async function tap(
  bot: TestBot,
  operatorOpenId: string,
  value: Record<string, unknown>,
  opts: { formValue?: Record<string, unknown>; chatId?: string; messageId?: string } = {},
): Promise<CardAnswer> {
  const res = await bot.sendCard(
    events.cardAction(
      {
        operatorOpenId,
        value,
        ...(opts.formValue ? { formValue: opts.formValue } : {}),
        openMessageId: opts.messageId ?? 'om_card',
        openChatId: opts.chatId ?? 'oc_grp1',
      },
      bot.ids,
    ),
  );
  if (res.status !== 200) throw new Error(`card callback answered ${res.status}: ${res.body}`);
  return res.json as CardAnswer;
}

/** Registers an activity through the form callback; returns its id and code. */
export async function registerThroughCard(
  bot: TestBot,
  opts: {
    draftId?: string;
    operator?: string;
    chatId?: string;
    form?: Record<string, unknown>;
  } = {},
): Promise<{ answer: CardAnswer; activityId: string; code: string }> {
  const draftId = opts.draftId ?? `d${Math.random().toString(36).slice(2, 10)}`;
  const answer = await tap(
    bot,
    opts.operator ?? 'ou_org1',
    { action: 'activity.register.submit', draftId, chatType: 'group' },
    { formValue: validForm(opts.form), chatId: opts.chatId ?? 'oc_grp1' },
  );
  const code = /HD-\d{4}-\d{4,}/.exec(JSON.stringify(answer.card ?? {}))?.[0] ?? '';
  return { answer, activityId: `act_${draftId}`, code };
}

/** Sends a text in a group with @bot. */
export function groupCommand(
  bot: TestBot,
  text: string,
  opts: { chatId?: string; sender?: string; messageId?: string } = {},
) {
  return bot.sendEvent(
    events.textMessage(
      {
        chatId: opts.chatId ?? 'oc_grp1',
        chatType: 'group',
        senderOpenId: opts.sender ?? 'ou_org1',
        text,
        mentionBot: true,
        botOpenId: bot.sim.botOpenId,
        ...(opts.messageId ? { messageId: opts.messageId } : {}),
      },
      bot.ids,
    ),
  );
}

/** Sends a text in a private chat. */
export function privateCommand(bot: TestBot, text: string, sender: string, messageId?: string) {
  return bot.sendEvent(
    events.textMessage(
      {
        chatId: `oc_p2p_${sender}`,
        chatType: 'p2p',
        senderOpenId: sender,
        text,
        ...(messageId ? { messageId } : {}),
      },
      bot.ids,
    ),
  );
}

export const json = (x: unknown) => JSON.stringify(x);
