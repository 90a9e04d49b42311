import { ta } from '../src/i18n/messages-activity';
import { same, type I18nText, type Lang } from '../src/i18n/t';
import { activityButtonRow, checklistBlock, deadlineText, escapeMd } from './activity-common';
import type { ActivityConfirmationView, ActivitySummaryView } from './activity-views';
import { card, divider, fields, markdown, type Card } from './card';

type Row = { label: I18nText; value: I18nText };

const joinNames = (names: string[], lang: Lang): string =>
  names.map(escapeMd).join(lang === 'zh_cn' ? '、' : ', ');

/** Title, category, units, time, location, contact and handover deadline as label/value rows. */
function summaryRows(v: ActivitySummaryView): Row[] {
  const rows: (Row | false)[] = [
    { label: ta('card.row.title'), value: same(escapeMd(v.title)) },
    { label: ta('card.row.category'), value: v.category },
    { label: ta('card.row.unit'), value: same(escapeMd(v.unit)) },
    v.coUnits.length > 0 && {
      label: ta('card.row.coUnits'),
      value: { zh_cn: joinNames(v.coUnits, 'zh_cn'), en_us: joinNames(v.coUnits, 'en_us') },
    },
    {
      label: ta('card.row.time'),
      value: ta('card.time.range', { start: v.startAt, end: v.endAt }),
    },
    !!v.location && { label: ta('card.row.location'), value: same(escapeMd(v.location)) },
    { label: ta('card.row.contact'), value: same(escapeMd(v.contactName)) },
    { label: ta('card.row.deadline'), value: deadlineText(v) },
  ];
  return rows.filter((r): r is Row => r !== false);
}

/**
 * Replaces the registration form once it is accepted: a green "已登记 HD-2026-0007" header with the
 * title beneath, the activity's details and handover deadline, the materials its category usually
 * needs (☐ missing / ☑ received, 必需 or 可选), whether this group collects for it, and the next
 * steps the viewer may take (only those in `buttons`, in that order).
 */
export function activityConfirmationCard(view: ActivityConfirmationView): Card {
  const title = ta('card.confirm.title', { code: view.code });
  const bound =
    view.boundChatName !== undefined
      ? markdown(ta('card.confirm.bound', { chat: escapeMd(view.boundChatName) }))
      : undefined;
  return card(
    { title, color: 'green', subtitle: same(view.title) },
    [
      fields(summaryRows(view)),
      bound,
      divider(),
      checklistBlock(view.checklist),
      activityButtonRow(view.buttons, view.activityId),
    ],
    title,
  );
}
