import { ACTIVITY_STATES, stateLabel } from '../../domain/activity-lifecycle';
import { CATEGORIES, categoryLabel, type CategoryCode } from '../../domain/categories';
import type { Directory } from '../../domain/directory';
import type { ConsoleMessageKey } from '../../i18n/messages-console';
import { tableHref, type TableQuery } from '../activity-query';
import { PREFIX } from '../context';
import { html, type SafeHtml } from '../html';
import type { ConsoleLang, Translate } from '../i18n';
import type { ActivityRowView } from './activity-row';

export interface ActivitiesTableView {
  lang: ConsoleLang;
  t: Translate;
  query: TableQuery;
  rows: ActivityRowView[];
  total: number;
  pageSize: number;
  seesAll: boolean;
  years: number[];
  units: Directory['units'];
}

/** Sortable columns: heading key and the sort key behind it. */
const COLUMNS: { label: ConsoleMessageKey; sort?: TableQuery['sort'] }[] = [
  { label: 'console.col.code', sort: 'code' },
  { label: 'console.col.title', sort: 'title' },
  { label: 'console.col.category', sort: 'category' },
  { label: 'console.col.unit', sort: 'unit' },
  { label: 'console.col.start', sort: 'start' },
  { label: 'console.col.end', sort: 'end' },
  { label: 'console.col.state', sort: 'state' },
  { label: 'console.col.deadline', sort: 'deadline' },
  { label: 'console.col.daysLeft', sort: 'deadline' },
  { label: 'console.col.materials', sort: 'materials' },
  { label: 'console.col.undescribed', sort: 'undescribed' },
  { label: 'console.col.extension', sort: 'extension' },
  { label: 'console.col.handover', sort: 'state' },
];

const BASE = `${PREFIX}/activities`;

function option(value: string, label: string, selected: boolean): SafeHtml {
  return html`<option value="${value}" ${selected ? html`selected` : ''}>${label}</option>`;
}

function filters(v: ActivitiesTableView): SafeHtml {
  const { t, query: q } = v;
  const any = t('console.activities.any');
  return html`<form
    class="filters card"
    method="get"
    action="${BASE}"
    role="search"
    aria-label="${t('console.activities.filters')}"
  >
    <label
      >${t('console.activities.q')}<input
        type="search"
        name="q"
        value="${q.q ?? ''}"
        maxlength="100"
    /></label>
    <label
      >${t('console.col.state')}<select name="state">
        ${option('', any, !q.state)}${ACTIVITY_STATES.map((s) =>
          option(s, stateLabel(s, v.lang), q.state === s),
        )}
      </select></label
    >
    <label
      >${t('console.col.unit')}<select name="unit">
        ${option('', any, !q.unit)}${v.units.map((u) => option(u.code, u.name, q.unit === u.code))}
      </select></label
    >
    <label
      >${t('console.col.category')}<select name="category">
        ${option('', any, !q.category)}${CATEGORIES.map((_, i) =>
          option(
            String(i + 1),
            categoryLabel((i + 1) as CategoryCode, v.lang, 'short'),
            q.category === i + 1,
          ),
        )}
      </select></label
    >
    <label
      >${t('console.col.year')}<select name="year">
        ${option('', any, !q.year)}${v.years.map((y) => option(String(y), String(y), q.year === y))}
      </select></label
    >
    <label
      >${t('console.col.half')}<select name="half">
        ${option('', any, !q.half)}${option('1', t('console.half.1'), q.half === '1')}${option(
          '2',
          t('console.half.2'),
          q.half === '2',
        )}
      </select></label
    >
    <label class="check"
      ><input type="checkbox" name="overdue" value="1" ${q.overdue ? html`checked` : ''} />${t(
        'console.activities.overdue',
      )}</label
    >
    <label class="check"
      ><input type="checkbox" name="ext" value="1" ${q.ext ? html`checked` : ''} />${t(
        'console.activities.pendingExtension',
      )}</label
    >
    ${q.sort
      ? html`<input type="hidden" name="sort" value="${q.sort}" /><input
            type="hidden"
            name="dir"
            value="${q.dir ?? 'asc'}"
          />`
      : ''}
    <button type="submit">${t('console.activities.apply')}</button>
    <a href="${BASE}">${t('console.activities.reset')}</a>
  </form>`;
}

function header(v: ActivitiesTableView): SafeHtml {
  const { t, query: q } = v;
  return html`<tr>
    ${COLUMNS.map((c, i) => {
      // The days column sorts with the deadline; only the deadline column shows the arrow.
      const active = c.sort !== undefined && q.sort === c.sort && i !== 8 && i !== 12;
      const nextDir = active && q.dir !== 'desc' ? 'desc' : 'asc';
      const label = t(c.label);
      if (!c.sort) return html`<th scope="col">${label}</th>`;
      return html`<th
        scope="col"
        ${active ? html`aria-sort="${q.dir === 'desc' ? 'descending' : 'ascending'}"` : ''}
      >
        <a
          href="${tableHref(BASE, q, { sort: c.sort, dir: nextDir, page: 1 })}"
          title="${t('console.activities.sortBy', { column: label })}"
          >${label}</a
        >
      </th>`;
    })}
  </tr>`;
}

function row(v: ActivitiesTableView, r: ActivityRowView): SafeHtml {
  const { t } = v;
  const cell = (label: ConsoleMessageKey, content: SafeHtml | string | number, cls = '') =>
    html`<td data-label="${t(label)}" ${cls ? html`class="${cls}"` : ''}>${content}</td>`;
  return html`<tr data-activity="${r.id}">
    ${cell(
      'console.col.code',
      html`<a href="${PREFIX}/activities/${encodeURIComponent(r.id)}">${r.code}</a>`,
    )}
    ${cell('console.col.title', r.title, 'title')} ${cell('console.col.category', r.category)}
    ${cell('console.col.unit', r.unit)} ${cell('console.col.start', r.start)}
    ${cell('console.col.end', r.end)} ${cell('console.col.state', r.state)}
    ${cell('console.col.deadline', r.deadline)}
    ${cell(
      'console.col.daysLeft',
      r.urgency === 'none' ? r.daysLeft : html`<span class="tag ${r.urgency}">${r.daysLeft}</span>`,
    )}
    ${cell('console.col.materials', r.materials, 'num')}
    ${cell(
      'console.col.undescribed',
      r.undescribed > 0 ? html`<span class="tag warn">${r.undescribed}</span>` : '0',
      'num',
    )}
    ${cell('console.col.extension', r.extension)} ${cell('console.col.handover', r.handover)}
  </tr>`;
}

/** The activities table page body. */
export function activitiesTable(v: ActivitiesTableView): SafeHtml {
  const { t, query: q } = v;
  const pages = Math.max(1, Math.ceil(v.total / v.pageSize));
  const page = Math.min(q.page, pages);
  const exportHref = tableHref(`${PREFIX}/activities.xlsx`, q, { page: 1 });
  return html`<h1>
      ${t('console.activities.title')}
      <small class="muted"
        >${v.seesAll
          ? t('console.activities.scope.all')
          : t('console.activities.scope.mine')}</small
      >
    </h1>
    ${filters(v)}
    <div class="toolbar">
      <span id="count" aria-live="polite"
        >${t('console.activities.count', { total: v.total })}</span
      >
      <a class="button secondary" href="${exportHref}" download
        >${t('console.activities.export')}</a
      >
    </div>
    ${v.rows.length === 0
      ? html`<p class="card">${t('console.activities.empty')}</p>`
      : html`<div class="table-wrap">
          <table class="responsive" id="activities">
            <caption class="sr-only">
              ${t('console.activities.title')}
            </caption>
            <thead>
              ${header(v)}
            </thead>
            <tbody>
              ${v.rows.map((r) => row(v, r))}
            </tbody>
          </table>
        </div>`}
    <nav class="pager" aria-label="${t('console.activities.pager')}">
      ${page > 1
        ? html`<a href="${tableHref(BASE, q, { page: page - 1 })}" rel="prev"
            >${t('console.activities.prev')}</a
          >`
        : ''}
      <span>${t('console.activities.page', { page, pages })}</span>
      ${page < pages
        ? html`<a href="${tableHref(BASE, q, { page: page + 1 })}" rel="next"
            >${t('console.activities.next')}</a
          >`
        : ''}
    </nav>`;
}
