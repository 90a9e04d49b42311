import { td, tdPerLang } from '../src/i18n/messages-deadline';
import { same, type I18nText } from '../src/i18n/t';
import { actionValue } from './actions';
import { control, escapeMd, field, form, submitButton, textInput } from './activity-common';
import { card, markdown, type Card } from './card';

/** The handler keeps at most this much of a reason (the domain rule's limit). */
export const EXTENSION_REASON_MAX = 500;

export interface ExtensionFormView {
  activityId: string;
  code: string;
  title: string;
  /** `YYYY-MM-DD`, the effective deadline now. */
  deadline: string;
  /** Who will decide: the leader's name, or "the archivists". */
  decider: I18nText;
  /** Echo of what was typed, after a validation error. */
  values?: { date?: string; reason?: string };
  errors?: { date?: boolean; reason?: boolean };
}

/**
 * "申请延期 · code": the current deadline and who decides, a date picker for the new deadline and a
 * required reason; fields that failed validation carry a red line.
 */
export function extensionFormCard(v: ExtensionFormView): Card {
  const title = td('ext.form.title', { code: v.code });
  const date = control(
    'date_picker',
    'new_date',
    { placeholder: td('ext.form.date.ph'), required: true },
    v.values?.date ? { initial_date: v.values.date } : {},
  );
  const reason = textInput('reason', {
    placeholder: td('ext.form.reason.ph'),
    maxLength: EXTENSION_REASON_MAX,
    multiline: true,
    required: true,
    value: v.values?.reason,
  });
  return card(
    { title, color: 'orange', subtitle: same(v.title) },
    [
      markdown(
        tdPerLang('ext.form.body', (lang) => ({
          title: escapeMd(v.title),
          deadline: v.deadline,
          decider: v.decider[lang],
        })),
      ),
      form('extension_form', [
        ...field(td('ext.form.date'), date, {
          required: true,
          error: v.errors?.date ? td('ext.form.error.date') : undefined,
        }),
        ...field(td('ext.form.reason'), reason, {
          required: true,
          error: v.errors?.reason ? td('ext.form.error.reason') : undefined,
        }),
        submitButton(
          'submit',
          td('ext.form.submit'),
          actionValue({ action: 'extension.submit', activityId: v.activityId }),
        ),
      ]),
    ],
    title,
  );
}

/** Replaces the form once submitted: what was asked, and who decides. */
export function extensionSubmittedCard(v: {
  code: string;
  title: string;
  date: string;
  decider: I18nText;
}): Card {
  const title = td('ext.submitted.title', { code: v.code });
  return card(
    { title, color: 'blue', subtitle: same(v.title) },
    [
      markdown(
        tdPerLang('ext.submitted.body', (lang) => ({ date: v.date, decider: v.decider[lang] })),
      ),
    ],
    title,
  );
}
