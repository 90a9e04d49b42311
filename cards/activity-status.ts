import { ta } from '../src/i18n/messages-activity';
import { joinTexts, same, type I18nText } from '../src/i18n/t';
import {
  activityButtonRow,
  checklistBlock,
  colored,
  deadlineText,
  escapeMd,
  toneColor,
  toneTags,
} from './activity-common';
import type { ActivityStatusView, AuditLine, MaterialCountsView } from './activity-views';
import { card, divider, fields, markdown, note, type Card, type CardElement } from './card';

/** Counts per kind of material, and how many still lack a description (第七条2). */
function materialsBlock(m: MaterialCountsView): CardElement {
  const counts = ta('card.status.counts', {
    documents: m.documents,
    photos: m.photos,
    audio: m.audio,
    video: m.video,
    links: m.links,
    physical: m.physical,
  });
  const lines: I18nText[] = [ta('card.status.materials'), counts];
  if (m.undescribed > 0) {
    lines.push(colored(ta('card.status.undescribed', { n: m.undescribed }), 'orange'));
  }
  return markdown(joinTexts(lines));
}

/** "03-01 10:00 张三 登记了活动", one line per change, as the service ordered them. */
function recentBlock(changes: AuditLine[]): CardElement | undefined {
  if (changes.length === 0) return undefined;
  const lines = changes.map((c) => ({
    zh_cn: `${c.at} ${escapeMd(c.actorName)} ${escapeMd(c.text.zh_cn)}`,
    en_us: `${c.at} ${escapeMd(c.actorName)} ${escapeMd(c.text.en_us)}`,
  }));
  return note(joinTexts([ta('card.status.recent'), ...lines]));
}

/**
 * One activity at a glance. The header is coloured by the deadline (blue on time, orange due soon
 * with a "即将到期" tag, red overdue with "已逾期", green once handed over, archived or cancelled),
 * titled "活动状态 · code" with the activity title beneath. The body shows the state and deadline,
 * materials by kind (and how many lack a description), the checklist with how many required items
 * are missing, the extension and handover state, the cancel reason if any, the latest changes, and
 * the buttons listed in `buttons` only.
 */
export function activityStatusCard(view: ActivityStatusView): Card {
  const title = ta('card.status.title', { code: view.code });
  const progress = [
    { label: ta('card.row.extension'), value: view.extension },
    { label: ta('card.row.handover'), value: view.handover },
    ...(view.cancelReason
      ? [{ label: ta('card.row.cancelReason'), value: same(escapeMd(view.cancelReason)) }]
      : []),
  ];
  const recent = recentBlock(view.recentChanges);
  const buttons = activityButtonRow(view.buttons, view.activityId);
  return card(
    {
      title,
      color: toneColor(view.deadlineTone),
      subtitle: same(view.title),
      tags: toneTags(view.deadlineTone),
    },
    [
      fields([
        { label: ta('card.row.state'), value: view.state },
        { label: ta('card.row.deadline'), value: deadlineText(view) },
      ]),
      materialsBlock(view.materials),
      checklistBlock(view.checklist, { summary: true }),
      fields(progress),
      (recent ?? buttons) && divider(),
      recent,
      buttons,
    ],
    title,
  );
}
