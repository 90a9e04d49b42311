import { th } from '../src/i18n/messages-handover';
import { actionValue } from './actions';
import { button, buttonRow, card, markdown, type Card } from './card';
import type { HandoverNoticeView } from './handover-views';

/**
 * What the organizer is told after a decision: a return with its reasons (and whether it counts as
 * minor) and a "submit again" button, or the acceptance with the archive numbers and the originals
 * still to bring.
 */
export function handoverNoticeCard(v: HandoverNoticeView): Card {
  return card(
    { title: v.title, color: v.color },
    [
      markdown(v.body),
      v.extra && markdown(v.extra),
      buttonRow([
        ...(v.resubmit
          ? [
              button(
                th('ho.btn.resubmit'),
                actionValue({ action: 'handover.submit', activityId: v.activityId }),
                { type: 'primary' },
              ),
            ]
          : []),
        button(
          th('ho.btn.status'),
          actionValue({ action: 'activity.status', activityId: v.activityId }),
        ),
      ]),
    ],
    v.title,
  );
}
