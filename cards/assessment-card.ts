import { th } from '../src/i18n/messages-handover';
import { joinTexts, same } from '../src/i18n/t';
import { actionValue } from './actions';
import { escapeMd } from './activity-common';
import { button, buttonRow, card, markdown, note, type Card, type CardElement } from './card';
import type { AssessmentView } from './handover-views';

/**
 * A bar chart of the units' scores: the card JSON 2.0 `chart` component, whose `chart_spec` is a
 * VChart spec (https://open.feishu.cn/document/feishu-cards/card-json-v2-components/content-components/chart).
 * No JavaScript in the spec (the platform refuses it); the title is a text element above, in both
 * languages, because the spec's own title has no i18n.
 */
export function scoreChart(rows: AssessmentView['rows']): CardElement {
  return {
    tag: 'chart',
    element_id: 'score_chart',
    aspect_ratio: '16:9',
    color_theme: 'brand',
    preview: true,
    chart_spec: {
      type: 'bar',
      data: { values: rows.map((r) => ({ unit: r.unitName, score: r.score })) },
      xField: 'unit',
      yField: 'score',
      label: { visible: true },
      axes: [
        { orient: 'bottom', type: 'band' },
        { orient: 'left', type: 'linear' },
      ],
    },
  };
}

/** `| 1 | 教务处 | 18 | … |` rows under the header of ho.assess.header. */
function rankingTable(v: AssessmentView): CardElement {
  const header = th('ho.assess.header');
  const sep = '|---|---|---|---|---|---|---|---|---|---|---|';
  const rows = v.rows.map(
    (r) =>
      `| ${r.rank} | ${escapeMd(r.unitName)} | ${r.score} | ${r.registered} | ${r.onTime} | ${r.lateWithExtension} | ${r.lateWithout} | ${r.overdue} | ${r.completeness} | ${r.returns} | ${r.criticisms} |`,
  );
  return markdown({
    zh_cn: [header.zh_cn, sep, ...rows].join('\n'),
    en_us: [header.en_us, sep, ...rows].join('\n'),
  });
}

/**
 * The yearly assessment for archivists: ranking table (score, registered, on time, within an
 * extension, late, overdue and not handed over, description completeness, returns, criticisms), the
 * bar chart of scores, where the report file went, and a button to record a criticism.
 */
export function assessmentCard(v: AssessmentView): Card {
  const title = th('ho.assess.title', { year: v.year });
  const empty = v.rows.every((r) => r.registered === 0 && r.criticisms === 0);
  return card(
    { title, color: 'purple' },
    [
      note(th('ho.assess.asOf', { date: v.asOf, file: escapeMd(v.rulesFile) })),
      empty ? markdown(th('ho.assess.none')) : rankingTable(v),
      !empty && markdown(th('ho.assess.chart')),
      !empty && scoreChart(v.rows),
      (Boolean(v.reportFile) || v.noticeSent) &&
        note(
          joinTexts(
            [
              v.reportFile ? th('ho.assess.report', { file: v.reportFile }) : undefined,
              v.noticeSent ? th('ho.assess.notice') : undefined,
            ].filter((x) => x !== undefined),
          ),
        ),
      buttonRow([
        button(
          th('ho.assess.btn.criticize'),
          actionValue({ action: 'assessment.criticize.open', year: v.year }),
        ),
      ]),
    ],
    same(`${title.zh_cn}`),
  );
}
