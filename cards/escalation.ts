import { td } from '../src/i18n/messages-deadline';
import { same } from '../src/i18n/t';
import { actionValue } from './actions';
import { escapeMd } from './activity-common';
import { button, buttonRow, card, markdown, type Card } from './card';

export interface EscalationView {
  activityId: string;
  code: string;
  title: string;
  unitName: string;
  contactName: string;
  daysOverdue: number;
  /** `YYYY-MM-DD` */
  deadline: string;
}

/** To the leader in charge, 7 days overdue and weekly after: which activity, how late, who to ask. */
export function escalationCard(v: EscalationView): Card {
  const title = td('escalation.title', { code: v.code });
  return card(
    { title, color: 'red', subtitle: same(v.title) },
    [
      markdown(
        td('escalation.body', {
          unit: v.unitName,
          title: escapeMd(v.title),
          days: v.daysOverdue,
          deadline: v.deadline,
          contact: v.contactName,
        }),
      ),
      buttonRow([
        button(
          td('digest.status'),
          actionValue({ action: 'activity.status', activityId: v.activityId }),
        ),
        button(
          td('digest.remind'),
          actionValue({ action: 'deadline.remind_now', activityId: v.activityId }),
          { type: 'primary' },
        ),
      ]),
    ],
    title,
  );
}
