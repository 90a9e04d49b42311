import { td, tdPerLang } from '../src/i18n/messages-deadline';
import { actionValue } from './actions';
import { escapeMd } from './activity-common';
import {
  button,
  buttonRow,
  card,
  divider,
  markdown,
  note,
  type Card,
  type CardElement,
} from './card';

export interface OverdueRow {
  activityId: string;
  code: string;
  title: string;
  unitName: string;
  contactName: string;
  daysOverdue: number;
  items: number;
  extensionPending: boolean;
}

export interface OverdueDigestView {
  /** `YYYY-MM-DD` of the digest. */
  date: string;
  /** Most overdue first (the service sorts). */
  rows: OverdueRow[];
  /** Overdue activities not listed because the card is full. */
  more: number;
}

/** Rows shown on one digest card; the rest are counted (a card has a size limit). */
export const DIGEST_MAX_ROWS = 25;

/** "Status" and "remind now": what an archivist or leader does about an overdue activity. */
export function overdueButtons(activityId: string): CardElement {
  return buttonRow([
    button(td('digest.status'), actionValue({ action: 'activity.status', activityId })),
    button(td('digest.remind'), actionValue({ action: 'deadline.remind_now', activityId }), {
      type: 'primary',
    }),
  ]) as CardElement;
}

function row(r: OverdueRow): CardElement[] {
  return [
    markdown(
      tdPerLang('digest.row', (lang) => ({
        code: r.code,
        title: escapeMd(r.title),
        unit: r.unitName,
        contact: r.contactName,
        days: r.daysOverdue,
        items: r.items,
        pending: r.extensionPending ? td('digest.pending')[lang] : '',
      })),
    ),
    overdueButtons(r.activityId),
  ];
}

/**
 * The archivists' daily list of overdue activities: unit, contact, days overdue, pending extension,
 * items collected, most overdue first, each with "status" and "remind now".
 */
export function overdueDigestCard(v: OverdueDigestView): Card {
  const title = td('digest.title', { date: v.date });
  const count = v.rows.length + v.more;
  const body: CardElement[] = [markdown(td('digest.summary', { count }))];
  v.rows.forEach((r, i) => {
    if (i > 0) body.push(divider());
    body.push(...row(r));
  });
  if (v.more > 0) body.push(note(td('digest.more', { count: v.more })));
  return card({ title, color: 'red' }, body, title);
}
