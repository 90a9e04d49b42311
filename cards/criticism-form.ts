import { th } from '../src/i18n/messages-handover';
import { actionValue } from './actions';
import { colored, field, form, selectStatic, submitButton, textInput } from './activity-common';
import { card, markdown, type Card } from './card';
import type { CriticismFormView } from './handover-views';

/**
 * Records a criticism (通报批评) against a unit: unit, reason (material not kept, withheld, lost),
 * optional activity code, details. Counted in that year's assessment and written to the audit log.
 */
export function criticismFormCard(v: CriticismFormView): Card {
  const title = th('ho.crit.title');
  return card({ title, color: 'red' }, [
    v.error && markdown(colored(v.error, 'red')),
    form('criticism', [
      ...field(
        th('ho.crit.unit'),
        selectStatic('unit', v.units, { placeholder: th('ho.crit.unit'), required: true }),
        { required: true },
      ),
      ...field(
        th('ho.crit.reason'),
        selectStatic('reason', v.reasons, { placeholder: th('ho.crit.reason'), required: true }),
        { required: true },
      ),
      ...field(
        th('ho.crit.activity'),
        textInput('activity', { placeholder: th('ho.crit.activity'), maxLength: 20 }),
      ),
      ...field(
        th('ho.crit.note'),
        textInput('note', { placeholder: th('ho.crit.note.ph'), maxLength: 500, multiline: true }),
      ),
      submitButton(
        'submit',
        th('ho.crit.submit'),
        actionValue({ action: 'assessment.criticize.submit', year: v.year }),
        'danger_filled',
      ),
    ]),
  ]);
}
