import { ta } from '../src/i18n/messages-activity';
import { same } from '../src/i18n/t';
import { actionValue } from './actions';
import { escapeMd, field, form, submitButton, textInput } from './activity-common';
import type { CancelFormView } from './activity-views';
import { card, markdown, type Card } from './card';

/** The handler keeps at most this much of a reason. */
export const CANCEL_REASON_MAX = 500;

/**
 * "取消活动 {code}": asks for a reason (required, kept in the activity's history) and offers one red
 * "确认取消活动" button; after an empty submit the reason field carries a red error line.
 */
export function activityCancelFormCard(view: CancelFormView): Card {
  const title = ta('card.cancel.title', { code: view.code });
  const reason = textInput('reason', {
    placeholder: ta('card.cancel.reason.ph'),
    maxLength: CANCEL_REASON_MAX,
    multiline: true,
    required: true,
  });
  return card(
    { title, color: 'red', subtitle: same(view.title) },
    [
      markdown(ta('card.cancel.body', { code: view.code, title: escapeMd(view.title) })),
      form('cancel_form', [
        ...field(ta('card.cancel.reason'), reason, { required: true, error: view.error }),
        submitButton(
          'submit',
          ta('card.cancel.submit'),
          actionValue({ action: 'activity.cancel.submit', activityId: view.activityId }),
          'danger_filled',
        ),
      ]),
    ],
    title,
  );
}
