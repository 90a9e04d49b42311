import { tmd } from '../src/i18n/messages-materials-describe';
import { type I18nText } from '../src/i18n/t';
import { actionValue } from './actions';
import { form, submitButton, textInput } from './activity-common';
import {
  button,
  buttonRow,
  card,
  markdown,
  note,
  type Card,
  type CardElement,
  textWithAction,
} from './card';
import { safe } from './material-common';
import type {
  FilingOption,
  PublicityFiledView,
  PublicityFilingView,
  UnfiledListView,
} from './material-views';

/** Text on the left, one button on the right. */
const row = (text: I18nText, action: CardElement): CardElement => textWithAction(text, action);

function option(batchId: string, o: FilingOption): CardElement {
  return row(
    tmd('mdesc.pub.option', { code: o.code, title: safe(o.title), date: o.date }),
    button(
      tmd('mdesc.pub.file'),
      actionValue({ action: 'material.publicity.file', batchId, activityId: o.activityId }),
      { type: 'primary' },
    ),
  );
}

/**
 * The publicity drop-box card: how many items arrived, then the activities they may belong to
 * (under way or ended within 60 days, newest first) each with one "归入" button that files the whole
 * batch, and a search by code or title. As a reminder (after 3 days) the header says so.
 */
export function publicityFilingCard(v: PublicityFilingView): Card {
  const title = v.reminder ? tmd('mdesc.pub.reminder.title') : tmd('mdesc.pub.title');
  const body = v.reminder
    ? tmd('mdesc.pub.reminder.body', {
        sender: v.senderName,
        date: v.reminder.date,
        count: v.count,
      })
    : {
        zh_cn: tmd('mdesc.pub.body', { count: v.count, kinds: v.kinds.zh_cn, sender: v.senderName })
          .zh_cn,
        en_us: tmd('mdesc.pub.body', { count: v.count, kinds: v.kinds.en_us, sender: v.senderName })
          .en_us,
      };
  return card(
    { title, color: v.reminder ? 'orange' : 'blue' },
    [
      markdown(body),
      form('publicity_search', [
        textInput('q', { placeholder: tmd('mdesc.pub.search.ph'), maxLength: 100, value: v.q }),
        submitButton(
          'search',
          tmd('mdesc.pub.search'),
          actionValue({ action: 'material.publicity.search', batchId: v.batchId }),
          'default',
        ),
      ]),
      v.q ? note(tmd('mdesc.pub.searching', { q: safe(v.q) })) : undefined,
      ...(v.options.length > 0
        ? v.options.map((o) => option(v.batchId, o))
        : [note(tmd('mdesc.pub.none'))]),
    ],
    title,
  );
}

/** The filing card once filed: where the batch went, duplicates dropped, who filed it. */
export function publicityFiledCard(v: PublicityFiledView): Card {
  const title = tmd('mdesc.pub.filed.title', { code: v.code });
  return card(
    { title, color: 'green' },
    [
      markdown(tmd('mdesc.pub.filed.body', { count: v.count, title: safe(v.title), code: v.code })),
      v.duplicates > 0 && markdown(tmd('mdesc.pub.filed.dupes', { n: v.duplicates })),
      note(tmd('mdesc.pub.filed.by', { name: v.byName })),
      v.count > v.duplicates &&
        buttonRow([
          button(
            tmd('mdesc.pub.describe'),
            actionValue({
              action: 'material.describe.page',
              activityId: v.activityId,
              batchId: v.batchId,
              page: 1,
            }),
            { type: 'primary' },
          ),
        ]),
    ],
    title,
  );
}

/** Archivists' list of publicity batches nobody filed yet, each opening its filing card. */
export function unfiledPublicityListCard(v: UnfiledListView): Card {
  const title = tmd('mdesc.pub.list.title');
  return card(
    { title, color: v.batches.length > 0 ? 'orange' : 'green' },
    v.batches.length > 0
      ? v.batches.map((b) =>
          row(
            tmd('mdesc.pub.list.line', { sender: b.senderName, date: b.date, count: b.count }),
            button(
              tmd('mdesc.pub.list.open'),
              actionValue({ action: 'material.publicity.open', batchId: b.batchId }),
            ),
          ),
        )
      : [markdown(tmd('mdesc.pub.list.none'))],
    title,
  );
}
