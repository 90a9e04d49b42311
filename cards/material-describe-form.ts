import { DESCRIBE_FIELDS } from '../src/domain/material-describe-form';
import { TEXT_MAX } from '../src/domain/material-description';
import { tmd } from '../src/i18n/messages-materials-describe';
import { same, type I18nText } from '../src/i18n/t';
import { actionValue } from './actions';
import {
  dateTimePicker,
  field,
  form,
  selectStatic,
  submitButton,
  textInput,
} from './activity-common';
import { button, buttonRow, card, markdown, note, type Card, type CardElement } from './card';
import { datePicker, docTypeOptions, kindText, safe } from './material-common';
import type { DescribeFormView, DescribeItemView } from './material-views';

type Section = (CardElement | undefined)[];

function sharedMedia(v: DescribeFormView, err: (k: string) => I18nText | undefined): Section {
  const s = v.shared;
  return [
    ...field(
      tmd('mdesc.field.event'),
      textInput(DESCRIBE_FIELDS.event, {
        placeholder: tmd('mdesc.form.event.ph'),
        maxLength: TEXT_MAX.event,
        value: s.event,
      }),
      { required: true, error: err(DESCRIBE_FIELDS.event) },
    ),
    ...field(
      tmd('mdesc.field.place'),
      textInput(DESCRIBE_FIELDS.place, {
        placeholder: tmd('mdesc.form.place.ph'),
        maxLength: TEXT_MAX.place,
        value: s.place,
      }),
      { required: true, error: err(DESCRIBE_FIELDS.place) },
    ),
    ...field(
      tmd('mdesc.field.takenAt'),
      dateTimePicker(DESCRIBE_FIELDS.takenAt, {
        placeholder: tmd('mdesc.form.time.ph'),
        value: s.takenAt,
      }),
      { required: true, error: err(DESCRIBE_FIELDS.takenAt) },
    ),
    note(tmd('mdesc.form.exifNote')),
    ...field(
      tmd('mdesc.field.photographer'),
      textInput(DESCRIBE_FIELDS.photographer, {
        placeholder: tmd('mdesc.form.photographer.ph'),
        maxLength: TEXT_MAX.photographer,
        value: s.photographer,
      }),
      { required: true, error: err(DESCRIBE_FIELDS.photographer) },
    ),
    ...field(
      tmd('mdesc.form.peopleAll'),
      textInput(DESCRIBE_FIELDS.peopleAll, {
        placeholder: tmd('mdesc.form.peopleAll.ph'),
        maxLength: TEXT_MAX.people,
        value: s.peopleAll,
      }),
      { error: err(DESCRIBE_FIELDS.peopleAll) },
    ),
  ];
}

function sharedDocs(v: DescribeFormView, err: (k: string) => I18nText | undefined): Section {
  return [
    ...field(
      tmd('mdesc.field.docType'),
      selectStatic(DESCRIBE_FIELDS.docType, docTypeOptions(), {
        placeholder: tmd('mdesc.form.docType.ph'),
        value: v.shared.docType,
      }),
      { required: true, error: err(DESCRIBE_FIELDS.docType) },
    ),
    ...field(
      tmd('mdesc.field.docDate'),
      datePicker(DESCRIBE_FIELDS.docDate, {
        placeholder: tmd('mdesc.form.docDate.ph'),
        value: v.shared.docDate,
      }),
      { required: true, error: err(DESCRIBE_FIELDS.docDate) },
    ),
  ];
}

function itemLabel(item: DescribeItemView): CardElement {
  const exif = item.exifTime ? tmd('mdesc.form.item.exif', { time: item.exifTime }) : same('');
  const done = item.described ? tmd('mdesc.form.item.done') : same('');
  const kind = kindText(item.kind);
  const line = (lang: 'zh_cn' | 'en_us') =>
    tmd('mdesc.form.item', {
      n: item.n,
      kind: kind[lang],
      name: safe(item.name),
      extra: exif[lang] + done[lang],
    })[lang];
  return markdown({ zh_cn: line('zh_cn'), en_us: line('en_us') });
}

function perItem(
  item: DescribeItemView,
  i: number,
  err: (k: string) => I18nText | undefined,
): Section {
  if (item.kind === 'document') {
    return [
      itemLabel(item),
      textInput(DESCRIBE_FIELDS.title(i), {
        placeholder: tmd('mdesc.form.title.ph'),
        maxLength: TEXT_MAX.title,
        value: item.title,
      }),
      ...(err(DESCRIBE_FIELDS.title(i)) ? [markdown(err(DESCRIBE_FIELDS.title(i))!)] : []),
      item.pagesApply
        ? textInput(DESCRIBE_FIELDS.pages(i), {
            placeholder: tmd('mdesc.form.pages.ph'),
            maxLength: 6,
            value: item.pages,
          })
        : undefined,
      ...(err(DESCRIBE_FIELDS.pages(i)) ? [markdown(err(DESCRIBE_FIELDS.pages(i))!)] : []),
    ];
  }
  return [
    itemLabel(item),
    textInput(DESCRIBE_FIELDS.people(i), {
      placeholder: tmd('mdesc.form.people.ph'),
      maxLength: TEXT_MAX.people,
      value: item.people,
    }),
    ...(err(DESCRIBE_FIELDS.people(i)) ? [markdown(err(DESCRIBE_FIELDS.people(i))!)] : []),
  ];
}

/**
 * "补充说明 {code}": the batch description form. Shared fields apply to the whole batch (事由, 地点,
 * 时间 — a photo's own EXIF time wins — 摄影者 and a fallback 人物; 文件类型 and 日期 for documents);
 * 人物 (or 题名 and 页数 for documents) are per item for the page's items (at most
 * DESCRIBE_PAGE_SIZE). Prefilled with defaults and what is stored; errors sit under their field.
 * Replying to the card with `字段：值` lines works too.
 */
export function materialDescribeFormCard(v: DescribeFormView): Card {
  const title = tmd('mdesc.form.title', { code: v.code });
  const errors = v.errors ?? {};
  const err = (k: string) => errors[k];
  const from = v.items[0]?.n ?? 1;
  const submit = actionValue({
    action: 'material.describe.submit',
    activityId: v.activityId,
    batchId: v.batchId,
    page: v.page,
    items: v.items.map((i) => i.id),
  });
  const nav = (page: number, text: I18nText) =>
    button(
      text,
      actionValue({
        action: 'material.describe.page',
        activityId: v.activityId,
        batchId: v.batchId,
        page,
      }),
    );
  return card(
    { title, color: v.undescribed > 0 ? 'orange' : 'green', subtitle: same(v.activityTitle) },
    [
      markdown(tmd('mdesc.form.intro', { total: v.total, undescribed: v.undescribed })),
      form('describe_form', [
        markdown(tmd('mdesc.form.shared')),
        ...(v.hasMedia ? sharedMedia(v, err) : []),
        ...(v.hasDocs ? sharedDocs(v, err) : []),
        markdown(
          tmd('mdesc.form.perItem', { from, to: from + v.items.length - 1, total: v.total }),
        ),
        ...v.items.flatMap((item, i) => perItem(item, i, err)),
        submitButton('submit', tmd('mdesc.form.submit'), submit),
      ]),
      v.pageCount > 1 && note(tmd('mdesc.form.pageOf', { page: v.page, pages: v.pageCount })),
      buttonRow(
        [
          v.page > 1 ? nav(v.page - 1, tmd('mdesc.form.prev')) : undefined,
          v.page < v.pageCount ? nav(v.page + 1, tmd('mdesc.form.next')) : undefined,
        ].filter((b): b is CardElement => b !== undefined),
      ),
      note(tmd('mdesc.form.replyHint')),
    ],
    title,
  );
}
