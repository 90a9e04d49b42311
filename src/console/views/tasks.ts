import type { ConsoleMessageKey } from '../../i18n/messages-console';
import { PREFIX } from '../context';
import { html, type SafeHtml } from '../html';
import type { Translate } from '../i18n';
import type { ActivityRowView } from './activity-row';

/** Columns of the 任务清单: the work, the responsible unit, the contact, the deadline, where it stands. */
export const TASK_COLUMNS: ConsoleMessageKey[] = [
  'console.tasks.no',
  'console.col.code',
  'console.col.title',
  'console.col.category',
  'console.col.unit',
  'console.col.contact',
  'console.col.start',
  'console.col.end',
  'console.col.deadline',
  'console.col.state',
];

export function taskCells(r: ActivityRowView, i: number): (string | number)[] {
  return [
    i + 1,
    r.code,
    r.title,
    r.category,
    r.unit,
    r.contact,
    r.start,
    r.end,
    r.deadline,
    r.state,
  ];
}

export interface TasksView {
  t: Translate;
  year: number;
  half: 1 | 2;
  years: number[];
  rows: ActivityRowView[];
}

/** The half-year task list: a chooser, the list as a printable table, and its XLSX. */
export function tasksPage(v: TasksView): SafeHtml {
  const { t } = v;
  const halfName = t(v.half === 1 ? 'console.half.1' : 'console.half.2');
  const years = v.years.includes(v.year) ? v.years : [v.year, ...v.years];
  return html`<h1>${t('console.tasks.heading', { year: v.year, half: halfName })}</h1>
    <p class="muted">${t('console.tasks.intro')}</p>
    <form
      class="filters card"
      method="get"
      action="${PREFIX}/tasks"
      aria-label="${t('console.tasks.choose')}"
    >
      <label
        >${t('console.col.year')}<select name="year">
          ${years.map(
            (y) => html`<option value="${y}" ${y === v.year ? html`selected` : ''}>${y}</option>`,
          )}
        </select></label
      >
      <label
        >${t('console.col.half')}<select name="half">
          <option value="1" ${v.half === 1 ? html`selected` : ''}>${t('console.half.1')}</option>
          <option value="2" ${v.half === 2 ? html`selected` : ''}>${t('console.half.2')}</option>
        </select></label
      >
      <button type="submit">${t('console.tasks.show')}</button>
    </form>
    <div class="toolbar">
      <a
        class="button secondary"
        href="${PREFIX}/tasks.xlsx?year=${v.year}&amp;half=${v.half}"
        download
        >${t('console.tasks.export')}</a
      >
    </div>
    ${v.rows.length === 0
      ? html`<p class="card">${t('console.tasks.empty')}</p>`
      : html`<div class="table-wrap">
          <table class="responsive" id="tasks">
            <thead>
              <tr>
                ${TASK_COLUMNS.map((c) => html`<th scope="col">${t(c)}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${v.rows.map(
                (r, i) =>
                  html`<tr>
                    ${taskCells(r, i).map(
                      (cell, j) =>
                        html`<td
                          data-label="${t(TASK_COLUMNS[j]!)}"
                          ${j === 2 ? html`class="title"` : ''}
                        >
                          ${cell}
                        </td>`,
                    )}
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>`}`;
}
