import { sampleJpeg } from '../../src/simulator/sample-media';
import type { ScenarioContext } from './demo-scenario';

/** Every callback payload with this action inside a card. */
function actionIn(card: unknown, action: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const walk = (v: unknown) => {
    if (found) return;
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.action === action) found = o;
      else Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/**
 * Descriptions, physical items, links and the publicity drop-box in the demo, after intake's part:
 * 张老师 describes the batch with one form (shared fields for all, people per photo) and corrects one
 * photo by replying `#1 人物：…`; registers the anniversary plaque and a press report; 陈宣传 of the
 * publicity office sends two photos privately and files them to the activity with one tap.
 */
export async function demoMaterialsDescribe(
  { stack, transcript, clock, events }: ScenarioContext,
  chatId = 'oc_anniv',
): Promise<void> {
  const ids = stack.ids;
  const bot = stack.sim.botOpenId;
  const sent = () => stack.sim.sentMessages();
  const lastWith = (action: string) =>
    [...sent()].reverse().find((m) => actionIn(m.content, action));
  const tap = (
    operator: string,
    value: Record<string, unknown>,
    messageId: string,
    formValue?: Record<string, unknown>,
    openChatId = chatId,
  ) =>
    stack.sendCard(
      events.cardAction(
        {
          operatorOpenId: operator,
          value,
          ...(formValue ? { formValue } : {}),
          openMessageId: messageId,
          openChatId,
        },
        ids,
      ),
    );
  const say = (text: string, opts: { parentId?: string; messageId?: string } = {}) =>
    stack.sendEvent(
      events.textMessage(
        {
          chatId,
          chatType: 'group',
          senderOpenId: 'ou_zhang',
          text,
          mentionBot: true,
          botOpenId: bot,
          ...opts,
        },
        ids,
      ),
    );

  // ── describe the batch ──
  const ack = lastWith('material.describe.open');
  if (!ack) return;
  const open = actionIn(ack.content, 'material.describe.open')!;
  const opened = await transcript.step('张老师', 'taps "补充说明" on the acknowledgement', () =>
    tap('ou_zhang', open, ack.messageId),
  );
  const form = (opened?.json as { card?: { data?: unknown } } | undefined)?.card?.data;
  const submit = actionIn(form, 'material.describe.submit');
  if (submit) {
    const itemIds = submit.items as string[];
    const formValue: Record<string, unknown> = {
      event: '建校六十周年庆典大会',
      place: '学院礼堂',
      taken_at: '2026-03-06 09:30 +0800',
      photographer: '张老师',
      people_all: '全体师生代表',
      doc_type: '讲话',
      doc_date: '2026-03-06 +0800',
    };
    for (const [i, id] of itemIds.entries()) {
      const m = await stack.bot.deps.repos.materials.findById(id);
      if (m?.kind === 'document') Object.assign(formValue, { [`pages_${i}`]: '1' });
      if (i === 0) formValue.people_0 = '校长、党委书记、省教育厅领导';
    }
    await transcript.step(
      '张老师',
      'fills the shared fields once (event, place, photographer), people for the first photo, type and pages for the speech, and saves',
      () => tap('ou_zhang', submit, ack.messageId, formValue),
    );
  }
  await transcript.step(
    '张老师',
    'replies to the card with "#2 人物：剪彩嘉宾（左起）王主任、刘董事长"',
    () => say('#2 人物：剪彩嘉宾（左起）王主任、刘董事长', { parentId: ack.messageId }),
  );

  // ── a physical item and a link ──
  await transcript.step('张老师', 'types "@活动归档助手 登记实物"', () => say('登记实物'));
  const physicalForm = lastWith('material.physical.submit');
  if (physicalForm) {
    const value = actionIn(physicalForm.content, 'material.physical.submit')!;
    await transcript.step('张老师', 'registers the plaque the province gave', () =>
      tap('ou_zhang', value, physicalForm.messageId, {
        name: '建校六十周年纪念牌匾',
        type: '牌匾',
        quantity: '1',
        description: '铜质，60×40 cm，省教育厅赠',
        location: '校史馆二楼展柜',
      }),
    );
    stack.sim.putResource('om_demo_plaque', 'img_demo_plaque', {
      bytes: sampleJpeg({ width: 4000, height: 3000, label: 'plaque' }),
    });
    await transcript.step('张老师', 'replies to that card with a photo of the plaque', () =>
      stack.sendEvent(
        events.messageReceived(
          {
            messageId: 'om_demo_plaque',
            chatId,
            chatType: 'group',
            senderOpenId: 'ou_zhang',
            messageType: 'image',
            content: { image_key: 'img_demo_plaque' },
            parentId: physicalForm.messageId,
          },
          ids,
        ),
      ),
    );
  }
  await transcript.step(
    '张老师',
    'types "@活动归档助手 报道 https://mp.weixin.qq.com/s/anniv60 我院隆重举行建校六十周年庆典"',
    () => say('报道 https://mp.weixin.qq.com/s/anniv60 我院隆重举行建校六十周年庆典'),
  );

  // ── the publicity office's drop-box ──
  const p2p = 'oc_p2p_chen';
  for (const [i, label] of ['stage', 'crowd'].entries()) {
    stack.sim.putResource(`om_demo_pub${i}`, `img_demo_pub${i}`, {
      bytes: sampleJpeg({ width: 4000, height: 3000, takenAt: '2026:03:06 10:05:00', label }),
    });
  }
  await transcript.step(
    '陈宣传',
    'sends two photos of the ceremony to the bot privately',
    async () => {
      for (const i of [0, 1]) {
        await stack.sendEvent(
          events.messageReceived(
            {
              messageId: `om_demo_pub${i}`,
              chatId: p2p,
              chatType: 'p2p',
              senderOpenId: 'ou_chen',
              messageType: 'image',
              content: { image_key: `img_demo_pub${i}` },
            },
            ids,
          ),
        );
      }
    },
  );
  await transcript.step('the clock', 'moves 21 s on: the batch is complete', () => {
    clock.advance(21_000);
    return Promise.resolve();
  });
  const filing = lastWith('material.publicity.file');
  if (filing) {
    const value = actionIn(filing.content, 'material.publicity.file')!;
    await transcript.step('陈宣传', 'taps "归入" next to 建校六十周年庆典', () =>
      tap('ou_chen', value, filing.messageId, undefined, p2p),
    );
  }
  await transcript.step('张老师', 'types "@活动归档助手 材料" to see every item', () =>
    say('材料'),
  );
}
