import { td, tdPerLang } from '../src/i18n/messages-deadline';
import { same, type I18nText } from '../src/i18n/t';
import { actionValue } from './actions';
import { escapeMd, form, textInput } from './activity-common';
import { button, card, divider, fields, markdown, note, type Card, type CardElement } from './card';

export interface ExtensionDecisionView {
  requestId: string;
  code: string;
  title: string;
  unitName: string;
  requesterName: string;
  progress: { items: number; describedPct: number; gaps: number };
  /** `YYYY-MM-DD` */
  currentDeadline: string;
  requestedDeadline: string;
  reason: string;
  /** The unit has no leader in charge: archivists decide. */
  asArchivist: boolean;
  /** Set on a reminder: workdays the request has waited. */
  waitingWorkdays?: number;
  decided?: {
    status: 'approved' | 'rejected';
    who: string;
    /** `YYYY-MM-DD HH:mm` */
    at: string;
    /** The deadline after the decision. */
    deadline: string;
    comment?: string;
  };
}

const decisionButton = (v: ExtensionDecisionView, decision: 'approve' | 'reject'): CardElement => ({
  ...button(
    td(decision === 'approve' ? 'ext.card.approve' : 'ext.card.reject'),
    actionValue({ action: 'extension.decide', requestId: v.requestId, decision }),
    { type: decision === 'approve' ? 'primary_filled' : 'danger', name: decision },
  ),
  form_action_type: 'submit',
});

function outcome(d: NonNullable<ExtensionDecisionView['decided']>): CardElement[] {
  const vars = { who: d.who, at: d.at, date: d.deadline };
  return [
    markdown(td(d.status === 'approved' ? 'ext.card.approved' : 'ext.card.rejected', vars)),
    ...(d.comment ? [note(td('ext.card.comment.line', { comment: escapeMd(d.comment) }))] : []),
  ];
}

/**
 * The leader's one-tap card: activity, unit, requester, progress, current and requested deadline,
 * reason; an optional comment and two buttons (approve, reject). Once decided the same card shows
 * the decision instead of the buttons (it is returned to the tapper and patched elsewhere).
 */
export function extensionDecisionCard(v: ExtensionDecisionView): Card {
  const title = td('ext.card.title', { code: v.code });
  const color = v.decided ? (v.decided.status === 'approved' ? 'green' : 'grey') : 'orange';
  const rows: { label: I18nText; value: I18nText }[] = [
    { label: td('ext.card.row.activity'), value: same(`${v.code} ${escapeMd(v.title)}`) },
    { label: td('ext.card.row.unit'), value: same(v.unitName) },
    { label: td('ext.card.row.requester'), value: same(v.requesterName) },
    {
      label: td('ext.card.row.progress'),
      value: td('ext.card.progress', {
        items: v.progress.items,
        described: v.progress.describedPct,
        gaps: v.progress.gaps,
      }),
    },
    { label: td('ext.card.row.current'), value: same(v.currentDeadline) },
    { label: td('ext.card.row.requested'), value: same(`**${v.requestedDeadline}**`) },
    { label: td('ext.card.row.reason'), value: same(escapeMd(v.reason)) },
  ];
  const actions: CardElement[] = v.decided
    ? outcome(v.decided)
    : [
        form('decision_form', [
          textInput('comment', {
            placeholder: td('ext.card.comment.ph'),
            maxLength: 500,
          }),
          {
            tag: 'column_set',
            flex_mode: 'flow',
            horizontal_spacing: '8px',
            columns: [decisionButton(v, 'approve'), decisionButton(v, 'reject')].map((b) => ({
              tag: 'column',
              width: 'auto',
              elements: [b],
            })),
          },
        ]),
      ];
  return card(
    { title, color, subtitle: same(v.title) },
    [
      v.waitingWorkdays !== undefined &&
        markdown(td('ext.card.reminder', { days: v.waitingWorkdays })),
      fields(rows),
      v.asArchivist && note(td('ext.card.as_archivist')),
      divider(),
      ...actions,
    ],
    title,
  );
}

/** What the requester and the bound group read once the request is decided. */
export function extensionResultCard(v: {
  code: string;
  title: string;
  status: 'approved' | 'rejected';
  who: string;
  deadline: string;
  comment?: string;
}): Card {
  const approved = v.status === 'approved';
  const title = td(approved ? 'ext.result.title.approved' : 'ext.result.title.rejected', {
    code: v.code,
  });
  const body = td(approved ? 'ext.result.approved' : 'ext.result.rejected', {
    title: escapeMd(v.title),
    who: v.who,
    date: v.deadline,
  });
  return card(
    { title, color: approved ? 'green' : 'red' },
    [
      markdown(body),
      v.comment ? note(td('ext.card.comment.line', { comment: escapeMd(v.comment) })) : undefined,
    ],
    title,
  );
}

/** The toast text for a tap on a request someone already decided. */
export const alreadyDecidedText = (who: string, status: 'approved' | 'rejected'): I18nText =>
  tdPerLang('ext.toast.already', (lang) => ({
    who,
    status: td(status === 'approved' ? 'ext.status.approved' : 'ext.status.rejected')[lang],
  }));
