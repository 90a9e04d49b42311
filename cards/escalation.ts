import { td } from '../src/i18n/messages-deadline';
import { same } from '../src/i18n/t';
import { escapeMd } from './activity-common';
import { card, markdown, type Card } from './card';
import { overdueButtons } from './overdue-digest';

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
      overdueButtons(v.activityId),
    ],
    title,
  );
}
