import { REMOVE_REASON_MAX } from '../src/domain/material-items';
import { tmd } from '../src/i18n/messages-materials-describe';
import { same, type I18nText } from '../src/i18n/t';
import { actionValue } from './actions';
import { colored, field, form, submitButton, textInput } from './activity-common';
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
import { kindText, safe } from './material-common';
import type {
  MaterialListItem,
  MaterialListView,
  RemovedView,
  RemoveFormView,
} from './material-views';

function itemLine(item: MaterialListItem): I18nText {
  const kind = kindText(item.kind);
  const state = item.described ? same('') : tmd('mdesc.list.undescribed');
  const line = (lang: 'zh_cn' | 'en_us') =>
    tmd('mdesc.list.line', {
      n: item.n,
      kind: kind[lang],
      name: safe(item.name),
      sender: safe(item.senderName),
      state: state[lang],
    })[lang];
  return { zh_cn: line('zh_cn'), en_us: line('en_us') };
}

function itemRow(item: MaterialListItem, editable: boolean): CardElement {
  if (!editable) return markdown(itemLine(item));
  return textWithAction(
    itemLine(item),
    button(
      tmd('mdesc.list.remove'),
      actionValue({ action: 'material.remove.open', materialId: item.id }),
      { type: 'danger' },
    ),
  );
}

/**
 * "材料清单 {code}": an activity's live items, a page at a time, each with a 删除 button while the
 * activity is open; after acceptance the list is read-only and says why.
 */
export function materialListCard(v: MaterialListView): Card {
  const title = tmd('mdesc.list.title', { code: v.code });
  const nav = (page: number, text: I18nText) =>
    button(text, actionValue({ action: 'material.list', activityId: v.activityId, page }));
  return card(
    { title, color: v.editable ? 'blue' : 'grey', subtitle: same(v.title) },
    [
      markdown(
        tmd('mdesc.list.summary', {
          title: safe(v.title),
          total: v.total,
          undescribed: v.undescribed,
        }),
      ),
      ...(v.items.length > 0
        ? v.items.map((i) => itemRow(i, v.editable))
        : [note(tmd('mdesc.list.empty'))]),
      v.pageCount > 1 && note(tmd('mdesc.form.pageOf', { page: v.page, pages: v.pageCount })),
      buttonRow(
        [
          v.page > 1 ? nav(v.page - 1, tmd('mdesc.form.prev')) : undefined,
          v.page < v.pageCount ? nav(v.page + 1, tmd('mdesc.form.next')) : undefined,
        ].filter((b): b is CardElement => b !== undefined),
      ),
      note(v.editable ? tmd('mdesc.list.hint') : tmd('mdesc.list.locked')),
    ],
    title,
  );
}

/** "删除材料": which item, and a required reason (kept in the activity's log). */
export function materialRemoveFormCard(v: RemoveFormView): Card {
  const title = tmd('mdesc.remove.title', { code: v.code });
  const kind = kindText(v.kind);
  return card(
    { title, color: 'red' },
    [
      markdown({
        zh_cn: tmd('mdesc.remove.body', {
          kind: kind.zh_cn,
          name: safe(v.name),
          sender: safe(v.senderName),
        }).zh_cn,
        en_us: tmd('mdesc.remove.body', {
          kind: kind.en_us,
          name: safe(v.name),
          sender: safe(v.senderName),
        }).en_us,
      }),
      form('remove_form', [
        ...field(
          tmd('mdesc.remove.reason'),
          textInput('reason', {
            placeholder: tmd('mdesc.remove.reason.ph'),
            maxLength: REMOVE_REASON_MAX,
            required: true,
          }),
          { required: true, error: v.error },
        ),
        submitButton(
          'submit',
          tmd('mdesc.remove.submit'),
          actionValue({ action: 'material.remove.submit', materialId: v.materialId }),
          'danger_filled',
        ),
      ]),
    ],
    title,
  );
}

/** "已删除": what was removed and why; replying with a new file replaces it. */
export function materialRemovedCard(v: RemovedView): Card {
  const title = tmd('mdesc.remove.done.title', { code: v.code });
  const kind = kindText(v.kind);
  const body = (lang: 'zh_cn' | 'en_us') =>
    tmd('mdesc.remove.done.body', { kind: kind[lang], name: safe(v.name), reason: safe(v.reason) })[
      lang
    ];
  return card(
    { title, color: 'grey' },
    [
      markdown({ zh_cn: body('zh_cn'), en_us: body('en_us') }),
      v.replacedByName
        ? markdown(colored(tmd('mdesc.remove.replaced', { name: safe(v.replacedByName) }), 'green'))
        : note(tmd('mdesc.remove.replaceHint')),
    ],
    title,
  );
}
