import { ta, taPerLang, type ActivityMessageKey } from '../src/i18n/messages-activity';
import { actionValue } from './actions';
import { escapeMd, form, selectStatic, submitButton, textInput, toneText } from './activity-common';
import type {
  ActivityListFilters,
  ActivityListItem,
  ActivityListView,
  Option,
} from './activity-views';
import { button, buttonRow, card, markdown, note, type Card, type CardElement } from './card';

/** The service pages by 10; more rows with their buttons would crowd the 200-element limit. */
const MAX_ROWS = 10;

const column = (el: CardElement, weighted: boolean) => ({
  tag: 'column',
  width: weighted ? 'weighted' : 'auto',
  ...(weighted ? { weight: 1 } : {}),
  vertical_align: 'center',
  elements: [el],
});

/** Two fields side by side, sharing the width. */
const pair = (left: CardElement, right: CardElement): CardElement => ({
  tag: 'column_set',
  flex_mode: 'none',
  horizontal_spacing: '8px',
  columns: [column(left, true), column(right, true)],
});

/** "**HD-2026-0007** 开学典礼 · 教务处 · 收集中 · 截止 2026-05-31（还剩 12 天）" and a status button. */
function itemRow(item: ActivityListItem): CardElement {
  const due = toneText(
    taPerLang('card.list.due', (lang) => ({
      deadline: item.deadline,
      note: item.deadlineNote[lang],
    })),
    item.deadlineTone,
  );
  const line = taPerLang('card.list.item', (lang) => ({
    code: item.code,
    title: escapeMd(item.title),
    unit: escapeMd(item.unit),
    state: item.state[lang],
    due: due[lang],
  }));
  const status = button(
    ta('card.btn.status'),
    actionValue({ action: 'activity.status', activityId: item.activityId }),
  );
  return {
    tag: 'column_set',
    flex_mode: 'none',
    horizontal_spacing: '8px',
    columns: [column(markdown(line), true), column({ ...status, size: 'small' }, false)],
  };
}

/** Only the filters that are set (none at all ⇒ no `filters` key), so paging payloads stay small. */
function activeFilters(filters: ActivityListFilters | undefined): ActivityListFilters | undefined {
  if (!filters) return undefined;
  const set = Object.entries(filters).filter(([, v]) => v !== undefined && v !== '');
  return set.length ? (Object.fromEntries(set) as ActivityListFilters) : undefined;
}

function paging(view: ActivityListView): CardElement[] {
  if (view.pageCount <= 1) return [];
  const filters = activeFilters(view.filters);
  const go = (page: number) =>
    actionValue({
      action: 'activity.list',
      scope: view.scope,
      page,
      ...(filters ? { filters } : {}),
    });
  const prev = view.page > 1 && button(ta('card.list.prev'), go(view.page - 1));
  const next = view.page < view.pageCount && button(ta('card.list.next'), go(view.page + 1));
  const row = buttonRow([prev, next].filter((b): b is CardElement => b !== false));
  const pageNote = note(ta('card.list.page', { page: view.page, pages: view.pageCount }));
  return row ? [pageNote, row] : [pageNote];
}

/** Select with a leading "全部 / Any" option (value ''), so a filter can be cleared again. */
function filterSelect(
  name: string,
  placeholder: ActivityMessageKey,
  options: Option[],
  value: string | undefined,
): CardElement {
  const any: Option = { value: '', label: ta('card.filter.any') };
  return selectStatic(name, [any, ...options], {
    placeholder: ta(placeholder),
    value: value ?? '',
  });
}

function filterForm(view: ActivityListView): CardElement | undefined {
  const opts = view.filterOptions;
  if (view.scope !== 'all' || !opts) return undefined;
  const f = view.filters ?? {};
  const overdue: Option[] = [
    { value: 'yes', label: ta('card.filter.overdueYes') },
    { value: 'no', label: ta('card.filter.overdueNo') },
  ];
  const overdueValue = f.overdue === undefined ? '' : f.overdue ? 'yes' : 'no';
  return form('filter_form', [
    markdown(ta('card.filter.title')),
    pair(
      filterSelect('state', 'card.filter.state', opts.states, f.state),
      filterSelect('category', 'card.filter.category', opts.categories, f.category),
    ),
    pair(
      filterSelect('unit', 'card.filter.unit', opts.units, f.unit),
      filterSelect('year', 'card.filter.year', opts.years, f.year),
    ),
    pair(
      filterSelect('overdue', 'card.filter.overdue', overdue, overdueValue),
      textInput('q', { placeholder: ta('card.filter.q'), maxLength: 100, value: f.q }),
    ),
    submitButton(
      'filter_submit',
      ta('card.filter.submit'),
      actionValue({ action: 'activity.list.filter' }),
      'primary',
    ),
  ]);
}

/**
 * "我的活动" or, for archivists, "全部活动" with the total: one line per activity (code, title,
 * unit, state and deadline, the deadline red when overdue) with a status button, at most 10 per
 * page, "上一页/下一页" only where such a page exists, and "第 p/N 页". The archivists' view starts
 * with a filter form (state, category, unit, year, overdue, search) showing the current filters.
 */
export function activityListCard(view: ActivityListView): Card {
  const title = ta(view.scope === 'all' ? 'card.list.all' : 'card.list.mine', {
    total: view.total,
  });
  const items = view.items.slice(0, MAX_ROWS);
  const empty = ta(view.scope === 'all' ? 'card.list.emptyAll' : 'card.list.emptyMine');
  return card(
    { title, color: 'blue' },
    [filterForm(view), ...(items.length ? items.map(itemRow) : [markdown(empty)]), ...paging(view)],
    title,
  );
}
