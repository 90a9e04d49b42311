import { ta } from '../src/i18n/messages-activity';
import { actionValue } from './actions';
import { escapeMd } from './activity-common';
import type { RebindConfirmView } from './activity-views';
import { button, buttonRow, card, markdown, type Card } from './card';

/**
 * Asked when someone binds a group that already collects for another activity: an orange card
 * "本群正在收集 {currentCode} {currentTitle} 的材料，改为收集 {code} {title}？" with one button that
 * switches after a confirmation dialog. Doing nothing keeps the current binding.
 */
export function rebindConfirmCard(view: RebindConfirmView): Card {
  const title = ta('card.rebind.title');
  const body = ta('card.rebind.body', {
    currentCode: view.currentCode,
    currentTitle: escapeMd(view.currentTitle),
    code: view.code,
    title: escapeMd(view.title),
  });
  const confirm = button(
    ta('card.rebind.confirm', { code: view.code }),
    actionValue({ action: 'activity.bind_chat.confirm', activityId: view.activityId }),
    {
      type: 'primary',
      confirm: {
        title: ta('card.rebind.dialogTitle'),
        text: ta('card.rebind.dialogText', { code: view.code }),
      },
    },
  );
  return card({ title, color: 'orange' }, [markdown(body), buttonRow([confirm])], title);
}
