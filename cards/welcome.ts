import { t } from '../src/i18n/t';
import { button, buttonRow, card, divider, markdown, note, type Card } from './card';
import { actionValue } from './actions';

/** Posted once when the bot joins a group: what it does and the first step. */
export function welcomeCard(): Card {
  return card(
    { title: t('welcome.title'), color: 'blue' },
    [
      markdown(t('welcome.body')),
      markdown(t('welcome.next')),
      divider(),
      note(t('welcome.deadline')),
      buttonRow([button(t('help.title'), actionValue({ action: 'help.show' }))]),
    ],
    t('welcome.title'),
  );
}
