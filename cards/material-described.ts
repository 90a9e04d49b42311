import { tmd } from '../src/i18n/messages-materials-describe';
import { joinTexts, type I18nText } from '../src/i18n/t';
import { actionValue } from './actions';
import { colored } from './activity-common';
import { button, buttonRow, card, markdown, note, type Card } from './card';
import { kindText, safe } from './material-common';
import type { DescribedDoneView, DescribedLine, DescribeReplyView } from './material-views';

/** "**2.** 照片 · IMG_0001.jpg — 时间 … · 地点 … ✅" (or what is still missing, in orange). */
export function describedLineText(l: DescribedLine): I18nText {
  const kind = kindText(l.kind);
  const ok = tmd('mdesc.line.ok');
  const line = (lang: 'zh_cn' | 'en_us') => {
    const tail = l.missing
      ? colored(tmd('mdesc.line.missing', { fields: l.missing[lang] }), 'orange')[lang]
      : ok[lang];
    return `**${l.n}.** ${kind[lang]} · ${safe(l.name)} — ${safe(l.summary[lang])} ${tail}`;
  };
  return { zh_cn: line('zh_cn'), en_us: line('en_us') };
}

/**
 * The answer to a `字段：值` reply: which items changed and what they now say, what is still missing,
 * and any line the bot could not read (unknown field, bad date…), so a typo is never silently lost.
 */
export function materialDescribeReplyCard(v: DescribeReplyView): Card {
  const title = tmd('mdesc.reply.title', { code: v.code });
  const lines = v.lines.map(describedLineText);
  return card(
    { title, color: v.left > 0 ? 'orange' : 'green' },
    [
      v.lines.length > 0 &&
        markdown(
          joinTexts([
            tmd('mdesc.reply.updated', { n: v.lines.length + v.more }),
            ...lines,
            ...(v.more > 0 ? [tmd('mdesc.reply.more', { n: v.more })] : []),
          ]),
        ),
      v.problems.length > 0 &&
        markdown(colored(joinTexts([tmd('mdesc.reply.problems'), ...v.problems]), 'red')),
      note(v.left > 0 ? tmd('mdesc.reply.left', { left: v.left }) : tmd('mdesc.reply.allDone')),
    ],
    title,
  );
}

/** A reply the bot could not read at all: what went wrong and how to write it. */
export function materialDescribeHelpCard(problems: I18nText[]): Card {
  const title = tmd('mdesc.reply.nothing.title');
  return card(
    { title, color: 'grey' },
    [
      problems.length > 0 && markdown(colored(joinTexts(problems), 'red')),
      markdown(tmd('mdesc.form.replyHint')),
    ],
    title,
  );
}

/** "说明已完成": every item of the batch is described; one button reopens the form to edit. */
export function materialDescribedCard(v: DescribedDoneView): Card {
  const title = tmd('mdesc.done.title', { code: v.code });
  return card(
    { title, color: 'green' },
    [
      markdown(tmd('mdesc.done.body', { total: v.total })),
      buttonRow([
        button(
          tmd('mdesc.done.edit'),
          actionValue({
            action: 'material.describe.page',
            activityId: v.activityId,
            batchId: v.batchId,
            page: 1,
          }),
        ),
      ]),
      note(tmd('mdesc.form.replyHint')),
    ],
    title,
  );
}
