import { activityListCard } from '../../../cards/activity-list';
import { fullListView, listItem, listView, overdue } from './fixtures';
import {
  actions,
  buttons,
  byName,
  byTag,
  components,
  en,
  expectValidCard,
  payload,
  zh,
} from './support';

const pagingPayloads = (card: ReturnType<typeof activityListCard>) =>
  buttons(card)
    .map(payload)
    .filter((p) => (p as { action: string }).action === 'activity.list');

describe('activityListCard', () => {
  it('renders "my activities"', () => {
    const card = activityListCard(listView());
    expect(card).toMatchSnapshot();
    expectValidCard(card);
  });

  it('renders the archivists’ full page with the filter form', () => {
    const card = activityListCard(fullListView());
    expect(card).toMatchSnapshot();
    expectValidCard(card);
  });

  it('stays under 30 KB and 200 elements with 10 items and every filter', () => {
    const card = activityListCard(fullListView());
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(30 * 1024);
    expect(components(card).length).toBeLessThanOrEqual(200);
  });

  it('titles the list with the total in both languages', () => {
    expect(activityListCard(listView()).header?.title.i18n_content).toEqual({
      zh_cn: '我的活动（3）',
      en_us: 'My activities (3)',
    });
    expect(activityListCard(fullListView()).header?.title.i18n_content).toEqual({
      zh_cn: '全部活动（47）',
      en_us: 'All activities (47)',
    });
  });

  it('writes one compact line per activity, the deadline red when overdue', () => {
    const card = activityListCard(listView({ items: [listItem(7), listItem(8, overdue)] }));
    expect(zh(card)).toContain(
      '**HD-2026-0007** 第 7 项重大活动：校企合作签约仪式暨产教融合推进会 · 教务处 · 收集中 · 截止 2026-05-10（还剩 12 天）',
    );
    expect(en(card)).toContain('· Collecting · due 2026-05-10 (12 days left)');
    expect(zh(card)).toContain(
      "· 收集中 · <font color='red'>截止 2026-05-10（已逾期 3 天）</font>",
    );
    expect(en(card)).toContain("<font color='red'>due 2026-05-10 (overdue by 3 days)</font>");
    expect(buttons(card).map(payload)).toEqual([
      { action: 'activity.status', activityId: 'act_7' },
      { action: 'activity.status', activityId: 'act_8' },
    ]);
  });

  it('shows at most 10 rows', () => {
    const items = Array.from({ length: 12 }, (_, i) => listItem(i + 1));
    const card = activityListCard(listView({ items }));
    expect(actions(card).filter((a) => a === 'activity.status')).toHaveLength(10);
  });

  it('says so kindly when there is nothing', () => {
    expect(zh(activityListCard(listView({ items: [], total: 0 })))).toContain(
      '你还没有登记或负责的活动',
    );
    const none = activityListCard(fullListView({ items: [], total: 0, page: 1, pageCount: 1 }));
    expect(zh(none)).toContain('没有符合条件的活动');
    expect(en(none)).toContain('No activity matches');
  });

  it('offers previous/next only where such a page exists', () => {
    expect(pagingPayloads(activityListCard(listView()))).toEqual([]);
    expect(zh(activityListCard(listView()))).not.toContain('第 1/1 页');
    const first = activityListCard(listView({ page: 1, pageCount: 3 }));
    expect(pagingPayloads(first)).toEqual([{ action: 'activity.list', scope: 'mine', page: 2 }]);
    expect(zh(first)).toContain('第 1/3 页');
    expect(en(first)).toContain('Page 1 of 3');
    expect(zh(first)).not.toContain('上一页');
    const last = activityListCard(listView({ page: 3, pageCount: 3 }));
    expect(pagingPayloads(last)).toEqual([{ action: 'activity.list', scope: 'mine', page: 2 }]);
    expect(zh(last)).toContain('上一页');
    expect(zh(last)).not.toContain('下一页');
  });

  it('keeps the current filters when paging', () => {
    const card = activityListCard(fullListView({ filters: { unit: 'U03', q: '' } }));
    expect(pagingPayloads(card)).toEqual([
      { action: 'activity.list', scope: 'all', page: 1, filters: { unit: 'U03' } },
      { action: 'activity.list', scope: 'all', page: 3, filters: { unit: 'U03' } },
    ]);
  });

  it('prefills the filter form from the current filters', () => {
    const card = activityListCard(fullListView());
    const form = byTag(card, 'form');
    expect(form).toHaveLength(1);
    expect(form[0]!.name).toBe('filter_form');
    expect(card.body.elements[0]).toBe(form[0]);
    expect(byName(card, 'state')?.initial_option).toBe('collecting');
    expect(byName(card, 'category')?.initial_option).toBe('4');
    expect(byName(card, 'unit')?.initial_option).toBe('U03');
    expect(byName(card, 'year')?.initial_option).toBe('2026');
    expect(byName(card, 'overdue')?.initial_option).toBe('yes');
    expect(byName(card, 'q')?.default_value).toBe('签约');
    const overdueValues = (byName(card, 'overdue')?.options as { value: string }[]).map(
      (o) => o.value,
    );
    expect(overdueValues).toEqual(['', 'yes', 'no']);
    expect(payload(byName(card, 'filter_submit')!)).toEqual({ action: 'activity.list.filter' });
  });

  it('starts the filters at "any" and has no form for "my activities"', () => {
    const card = activityListCard(fullListView({ filters: {} }));
    for (const n of ['state', 'category', 'unit', 'year', 'overdue']) {
      expect(byName(card, n)?.initial_option).toBe('');
    }
    expect(byName(card, 'q')).not.toHaveProperty('default_value');
    expect(byTag(activityListCard(listView()), 'form')).toHaveLength(0);
  });
});
