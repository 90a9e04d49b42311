/**
 * Fragments shared by the activity cards: deadline line, checklist, tone colours, the activity
 * buttons and the form components (card JSON 2.0 form rules:
 * https://open.feishu.cn/document/feishu-cards/card-json-v2-components/containers/form-container).
 */
import { ta, taPerLang, type ActivityMessageKey } from '../src/i18n/messages-activity';
import { th } from '../src/i18n/messages-handover';
import type { I18nText } from '../src/i18n/t';
import { actionValue, type CardAction } from './actions';
import type { ActivityButton, ActivitySummaryView, ChecklistLine, Option } from './activity-views';
import {
  button,
  buttonRow,
  markdown,
  plain,
  type ButtonType,
  type CardElement,
  type HeaderColor,
} from './card';

export type DeadlineTone = ActivitySummaryView['deadlineTone'];
type FontColor = 'red' | 'orange' | 'green' | 'grey';

const TONE_HEADER = { ok: 'blue', soon: 'orange', overdue: 'red', done: 'green' } as const;

/** Header colour for a deadline tone: blue on time, orange due soon, red overdue, green done. */
export const toneColor = (tone: DeadlineTone): HeaderColor => TONE_HEADER[tone];

/** A header tag ("已逾期" red / "即将到期" orange) for the tones people must act on; none otherwise. */
export function toneTags(tone: DeadlineTone): { text: I18nText; color: string }[] {
  if (tone === 'overdue') return [{ text: ta('card.tag.overdue'), color: 'red' }];
  if (tone === 'soon') return [{ text: ta('card.tag.soon'), color: 'orange' }];
  return [];
}

/** Neutralizes `<` and `>` in people's text so a title cannot inject <at>, <font> or <link> tags. */
export const escapeMd = (text: string): string => text.replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Wraps both languages in a markdown <font> colour. */
export const colored = (text: I18nText, color: FontColor): I18nText => ({
  zh_cn: `<font color='${color}'>${text.zh_cn}</font>`,
  en_us: `<font color='${color}'>${text.en_us}</font>`,
});

const TONE_FONT: Partial<Record<DeadlineTone, FontColor>> = { overdue: 'red', soon: 'orange' };

/** Colours a deadline text red when overdue and orange when due soon. */
export function toneText(text: I18nText, tone: DeadlineTone): I18nText {
  const color = TONE_FONT[tone];
  return color ? colored(text, color) : text;
}

/** "2026-05-31（还剩 12 天）" / "2026-05-31 (12 days left)", coloured by tone. */
export function deadlineText(
  v: Pick<ActivitySummaryView, 'deadline' | 'deadlineNote' | 'deadlineTone'>,
): I18nText {
  const text = taPerLang('card.deadline.line', (lang) => ({
    date: v.deadline,
    note: v.deadlineNote[lang],
  }));
  return toneText(text, v.deadlineTone);
}

/**
 * The category's checklist: ☑ received / ☐ missing, each marked 必需 or 可选. With `summary`, a
 * closing line says how many required items are still missing (or that all arrived).
 */
export function checklistBlock(
  lines: ChecklistLine[],
  opts: { summary?: boolean } = {},
): CardElement | undefined {
  if (lines.length === 0) return undefined;
  const rows = lines.map((l) =>
    taPerLang('card.checklist.line', (lang) => ({
      mark: l.done ? '☑' : '☐',
      label: l.label[lang],
      kind: ta(l.required ? 'card.checklist.required' : 'card.checklist.optional')[lang],
    })),
  );
  const missing = lines.filter((l) => l.required && !l.done).length;
  const tail = missing
    ? colored(ta('card.checklist.missing', { n: missing }), 'orange')
    : colored(ta('card.checklist.complete'), 'green');
  const all = [ta('card.checklist.title'), ...rows, ...(opts.summary ? [tail] : [])];
  return markdown({
    zh_cn: all.map((r) => r.zh_cn).join('\n'),
    en_us: all.map((r) => r.en_us).join('\n'),
  });
}

type ShownButton = Exclude<ActivityButton, 'submit_handover'>;

/** Actions whose whole payload is `{ action, activityId }` (others need more fields). */
type IdAction = {
  [K in CardAction['action']]: { action: K; activityId: string } extends Extract<
    CardAction,
    { action: K }
  >
    ? K
    : never;
}[CardAction['action']];

const BUTTONS: Record<ShownButton, [ActivityMessageKey, IdAction, ButtonType]> = {
  bind_chat: ['card.btn.bind_chat', 'activity.bind_chat', 'primary'],
  create_chat: ['card.btn.create_chat', 'activity.create_chat', 'default'],
  status: ['card.btn.status', 'activity.status', 'default'],
  edit: ['card.btn.edit', 'activity.edit.open', 'default'],
  cancel: ['card.btn.cancel', 'activity.cancel.open', 'danger'],
  restore: ['card.btn.restore', 'activity.restore', 'primary'],
  request_extension: ['card.btn.request_extension', 'extension.open', 'default'],
};

/** One activity button (the handover button's text lives in the handover catalogue). */
export function activityButton(name: ActivityButton, activityId: string): CardElement | undefined {
  if (name === 'submit_handover') {
    return button(th('ho.btn.submit'), actionValue({ action: 'handover.submit', activityId }), {
      type: 'primary',
    });
  }
  const [text, action, type] = BUTTONS[name];
  return button(ta(text), actionValue({ action, activityId }), { type });
}

/** The buttons the service allows, in its order, on one row (nothing when none is shown). */
export function activityButtonRow(names: ActivityButton[], activityId: string) {
  const shown = names.map((n) => activityButton(n, activityId));
  return buttonRow(shown.filter((b): b is CardElement => b !== undefined));
}

/** A form container; it must sit at the root of body.elements. */
export const form = (name: string, elements: (CardElement | undefined | false)[]): CardElement => ({
  tag: 'form',
  name,
  elements: elements.filter((e): e is CardElement => Boolean(e)),
});

/** A bold field label; required fields get a red asterisk. */
export const fieldLabel = (label: I18nText, required = false): CardElement => {
  const star = required ? " <font color='red'>*</font>" : '';
  return markdown({ zh_cn: `**${label.zh_cn}**${star}`, en_us: `**${label.en_us}**${star}` });
};

/** The red line under a field that failed validation; nothing when the field is fine. */
export const errorLine = (error: I18nText | undefined): CardElement | undefined =>
  error ? markdown(colored(error, 'red')) : undefined;

/** Label, control and (if any) the error line, in reading order. */
export const field = (
  label: I18nText,
  control: CardElement,
  opts: { required?: boolean; error?: I18nText | undefined } = {},
): (CardElement | undefined)[] => [
  fieldLabel(label, opts.required),
  control,
  errorLine(opts.error),
];

/** What every form control takes; `value` prefills it. */
export interface ControlOpts {
  placeholder: I18nText;
  required?: boolean;
  value?: string | undefined;
}

/** A full-width form control with its placeholder in both languages. */
export const control = (
  tag: string,
  name: string,
  o: ControlOpts,
  extra: Record<string, unknown>,
): CardElement => ({
  tag,
  name,
  required: o.required ?? false,
  width: 'fill',
  placeholder: plain(o.placeholder),
  ...extra,
});

/** Single-line or multi-line text input. */
export const textInput = (
  name: string,
  o: ControlOpts & { maxLength: number; multiline?: boolean },
): CardElement =>
  control('input', name, o, {
    input_type: o.multiline ? 'multiline_text' : 'text',
    ...(o.multiline ? { rows: 4 } : {}),
    max_length: o.maxLength,
    ...(o.value ? { default_value: o.value } : {}),
  });

/** Option objects for the select components. */
export const selectOptions = (options: Option[]) =>
  options.map((o) => ({ text: plain(o.label), value: o.value }));

/** Single select; `value` is preselected only when it is one of the options. */
export const selectStatic = (name: string, options: Option[], o: ControlOpts): CardElement =>
  control('select_static', name, o, {
    options: selectOptions(options),
    ...(options.some((opt) => opt.value === o.value) ? { initial_option: o.value } : {}),
  });

/** Date and time picker; the value is `yyyy-MM-dd HH:mm` in the business time zone. */
export const dateTimePicker = (name: string, o: ControlOpts): CardElement =>
  control('picker_datetime', name, o, o.value ? { initial_datetime: o.value } : {});

/** The form's submit button: one callback carrying `value` and every field's form_value. */
export const submitButton = (
  name: string,
  text: I18nText,
  value: Record<string, unknown>,
  type: ButtonType = 'primary_filled',
): CardElement => ({ ...button(text, value, { type, name }), form_action_type: 'submit' });
