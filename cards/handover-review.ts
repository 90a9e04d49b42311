import { RETENTIONS, retentionLabel } from '../src/domain/archive-number';
import { th } from '../src/i18n/messages-handover';
import { joinTexts, same } from '../src/i18n/t';
import { actionValue } from './actions';
import { escapeMd, form, selectStatic, submitButton, textInput } from './activity-common';
import {
  button,
  buttonRow,
  card,
  divider,
  fields,
  markdown,
  note,
  type Card,
  type CardElement,
} from './card';
import type { HandoverReviewView } from './handover-views';

/** The decision form: retention (default permanent), reason and kind of return, two buttons. */
function decisionForm(v: HandoverReviewView): CardElement {
  const retention = RETENTIONS.map((r) => ({ value: r, label: retentionLabel(r) }));
  const minor = [
    { value: 'no', label: th('ho.review.minor.no') },
    { value: 'yes', label: th('ho.review.minor.yes') },
  ];
  return form('handover_review', [
    markdown(th('ho.review.retention')),
    selectStatic('retention', retention, {
      placeholder: th('ho.review.retention'),
      value: v.retention,
    }),
    markdown(th('ho.review.reason')),
    textInput('reason', {
      placeholder: th('ho.review.reason.ph'),
      maxLength: 500,
      multiline: true,
    }),
    markdown(th('ho.review.minor')),
    selectStatic('minor', minor, { placeholder: th('ho.review.minor'), value: 'no' }),
    {
      tag: 'column_set',
      flex_mode: 'flow',
      horizontal_spacing: '8px',
      columns: [
        {
          tag: 'column',
          width: 'auto',
          elements: [
            {
              ...button(
                th('ho.review.btn.accept'),
                actionValue({ action: 'handover.accept', submissionId: v.submissionId }),
                {
                  type: 'primary_filled',
                  name: 'accept',
                  confirm: {
                    title: th('ho.review.btn.accept'),
                    text: th('ho.review.confirm.accept'),
                  },
                },
              ),
              form_action_type: 'submit',
            },
          ],
        },
        {
          tag: 'column',
          width: 'auto',
          elements: [
            submitButton(
              'return',
              th('ho.review.btn.return'),
              actionValue({ action: 'handover.return', submissionId: v.submissionId }),
              'danger',
            ),
          ],
        },
      ],
    },
  ]);
}

/**
 * What the archivists get when a handover is submitted: the activity, who handed over when, the
 * deadline and whether it is on time, totals, the transfer list (sent beside the card) and its
 * digest, checklist gaps, originals to expect, and the decision form (retention, reason, minor;
 * accept / return). Once decided the form is gone: who decided, and the archive numbers.
 */
export function handoverReviewCard(v: HandoverReviewView): Card {
  const title = th(v.decided ? 'ho.review.decided.title' : 'ho.review.title', { code: v.code });
  const color = v.decided ? (v.decided.accepted ? 'green' : 'grey') : 'orange';
  const decided = v.decided;
  return card(
    { title, color, subtitle: same(v.title) },
    [
      fields([
        { label: th('ho.row.unit'), value: same(v.unitName) },
        { label: th('ho.row.category'), value: v.category },
        { label: th('ho.row.version'), value: th('ho.version', { version: v.version }) },
        { label: th('ho.row.by'), value: same(escapeMd(v.by)) },
        { label: th('ho.row.at'), value: same(v.at) },
        { label: th('ho.row.deadline'), value: v.deadline },
        { label: th('ho.row.timeliness'), value: v.timeliness },
        { label: th('ho.row.totals'), value: v.totals },
      ]),
      note(th('ho.list', { file: escapeMd(v.listFile), digest: v.digest })),
      (v.gaps ?? v.originals) &&
        markdown(joinTexts([v.gaps, v.originals].filter((x) => x !== undefined))),
      divider(),
      decided
        ? markdown(
            joinTexts(
              [
                decided.text,
                decided.numbers,
                decided.numbering ? th('ho.review.numbering') : undefined,
              ].filter((x) => x !== undefined),
            ),
          )
        : decisionForm(v),
      decided?.accepted &&
        buttonRow([
          button(
            th('ho.btn.originals'),
            actionValue({ action: 'handover.originals', activityId: v.activityId }),
          ),
        ]),
    ],
    title,
  );
}
