import { LOCATION_MAX, SUMMARY_MAX, TITLE_MAX } from '../src/domain/activity-input';
import { ta } from '../src/i18n/messages-activity';
import type { I18nText } from '../src/i18n/t';
import { actionValue } from './actions';
import {
  control,
  dateTimePicker,
  field,
  form,
  selectOptions,
  selectStatic,
  submitButton,
  textInput,
} from './activity-common';
import type { Option, RegistrationFormView, RegistrationValues } from './activity-views';
import { card, markdown, note, type Card, type CardElement } from './card';

type Errors = Partial<Record<keyof RegistrationValues, I18nText>>;
type Section = (CardElement | undefined)[];

/**
 * The fields the registration and edit forms share, each as label + control + error line. Field
 * names are the contract with src/domain/activity-input.ts.
 */
export const activityFields = {
  title: (v: RegistrationValues, e: Errors): Section =>
    field(
      ta('card.form.title'),
      textInput('title', {
        placeholder: ta('card.form.title.ph'),
        maxLength: TITLE_MAX,
        required: true,
        value: v.title,
      }),
      { required: true, error: e.title },
    ),
  category: (v: RegistrationValues, e: Errors, categories: Option[]): Section =>
    field(
      ta('card.form.category'),
      selectStatic('category', categories, {
        placeholder: ta('card.form.category.ph'),
        required: true,
        value: v.category,
      }),
      { required: true, error: e.category },
    ),
  start_at: (v: RegistrationValues, e: Errors): Section =>
    field(
      ta('card.form.start_at'),
      dateTimePicker('start_at', {
        placeholder: ta('card.form.datetime.ph'),
        required: true,
        value: v.start_at,
      }),
      { required: true, error: e.start_at },
    ),
  end_at: (v: RegistrationValues, e: Errors): Section =>
    field(
      ta('card.form.end_at'),
      dateTimePicker('end_at', {
        placeholder: ta('card.form.datetime.ph'),
        required: true,
        value: v.end_at,
      }),
      { required: true, error: e.end_at },
    ),
  location: (v: RegistrationValues, e: Errors): Section =>
    field(
      ta('card.form.location'),
      textInput('location', {
        placeholder: ta('card.form.location.ph'),
        maxLength: LOCATION_MAX,
        value: v.location,
      }),
      { error: e.location },
    ),
  summary: (v: RegistrationValues, e: Errors): Section =>
    field(
      ta('card.form.summary'),
      textInput('summary', {
        placeholder: ta('card.form.summary.ph'),
        maxLength: SUMMARY_MAX,
        multiline: true,
        value: v.summary,
      }),
      { error: e.summary },
    ),
};

function coUnitsSelect(view: RegistrationFormView): CardElement {
  const known = new Set(view.units.map((u) => u.value));
  const selected = (view.values.co_units ?? []).filter((c) => known.has(c));
  return control(
    'multi_select_static',
    'co_units',
    { placeholder: ta('card.form.co_units.ph') },
    {
      options: selectOptions(view.units),
      ...(selected.length ? { selected_values: selected } : {}),
    },
  );
}

/** Empty candidates let Feishu offer the chat's members; the initial pick must be a candidate. */
function contactSelect(view: RegistrationFormView): CardElement {
  const candidates = view.contactCandidates;
  const initial = view.values.contact;
  return control(
    'select_person',
    'contact',
    { placeholder: ta('card.form.contact.ph') },
    {
      ...(candidates.length ? { options: candidates.map((value) => ({ value })) } : {}),
      ...(initial && candidates.includes(initial) ? { initial_option: initial } : {}),
    },
  );
}

/**
 * The registration form: title, category, organizing and co-organizing units, start and end,
 * location, summary and contact, prefilled from `values`, each with its red error line after a
 * failed submit; the submit button carries the draft id so a double click registers once. A note
 * reminds the reader of the one-month handover rule.
 */
export function registrationFormCard(view: RegistrationFormView): Card {
  const v = view.values;
  const e: Errors = view.errors ?? {};
  const title = ta('card.register.title');
  const submit = actionValue({
    action: 'activity.register.submit',
    draftId: view.draftId,
    chatType: view.chatType,
  });
  return card(
    { title, color: 'blue' },
    [
      markdown(ta('card.register.intro')),
      form('activity_form', [
        ...activityFields.title(v, e),
        ...activityFields.category(v, e, view.categories),
        ...field(
          ta('card.form.unit'),
          selectStatic('unit', view.units, {
            placeholder: ta('card.form.unit.ph'),
            required: true,
            value: v.unit,
          }),
          { required: true, error: e.unit },
        ),
        ...field(ta('card.form.co_units'), coUnitsSelect(view), { error: e.co_units }),
        ...activityFields.start_at(v, e),
        ...activityFields.end_at(v, e),
        ...activityFields.location(v, e),
        ...activityFields.summary(v, e),
        ...field(ta('card.form.contact'), contactSelect(view), { error: e.contact }),
        submitButton('submit', ta('card.register.submit'), submit),
      ]),
      note(ta('card.register.deadline')),
      view.chatType === 'group' && note(ta('card.register.groupHint')),
    ],
    title,
  );
}
