import { ta } from '../src/i18n/messages-activity';
import { actionValue } from './actions';
import { form, submitButton } from './activity-common';
import type { EditFormView } from './activity-views';
import { card, markdown, type Card } from './card';
import { activityFields as f } from './registration-form';

/**
 * "修改活动 {code}": the registration form's title, category, start, end, location and summary,
 * prefilled with the stored values (or what the person typed after a failed save), each with its
 * red error line, and a "保存修改" button. Units and contact are not edited here.
 */
export function activityEditFormCard(view: EditFormView): Card {
  const title = ta('card.edit.title', { code: view.code });
  const v = view.values;
  const e = view.errors ?? {};
  return card(
    { title, color: 'blue' },
    [
      markdown(ta('card.edit.intro')),
      form('edit_form', [
        ...f.title(v, e),
        ...f.category(v, e, view.categories),
        ...f.start_at(v, e),
        ...f.end_at(v, e),
        ...f.location(v, e),
        ...f.summary(v, e),
        submitButton(
          'submit',
          ta('card.edit.submit'),
          actionValue({ action: 'activity.edit.submit', activityId: view.activityId }),
        ),
      ]),
    ],
    title,
  );
}
