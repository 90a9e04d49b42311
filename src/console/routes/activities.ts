import type Router from '@koa/router';
import { formatInTz } from '../../domain/deadline';
import { halfOfYear } from '../../domain/half-year';
import {
  activityScope,
  consoleAllows,
  needsOwnership,
  type ConsoleAccess,
  type Viewer,
} from '../access';
import { parseTableQuery, summaryQueryOf } from '../activity-query';
import type { ConsoleContext, ConsoleDeps } from '../context';
import { refuse, requireViewer, sendPage } from '../respond';
import { activityRow, type RowContext } from '../views/activity-row';
import { activitiesTable } from '../views/activities-table';
import { layout } from '../views/layout';
import { TASK_COLUMNS, taskCells, tasksPage } from '../views/tasks';
import { XLSX_TYPE, activitiesWorkbook, attachment, listWorkbook } from '../xlsx';

export const PAGE_SIZE = 50;

/**
 * The signed-in viewer when they may do `what`; otherwise answers (sign-in, 401 or 403) and returns
 * undefined. Every console route asks through here.
 */
export async function allowed(
  ctx: ConsoleContext,
  deps: ConsoleDeps,
  what: ConsoleAccess,
): Promise<Viewer | undefined> {
  const viewer = requireViewer(ctx);
  if (!viewer) return undefined;
  const ownsAny = needsOwnership(viewer)
    ? await deps.repos.summaries.hasOwn(viewer.openId, deps.clock.now())
    : false;
  if (!consoleAllows(viewer, what, ownsAny)) {
    deps.log.info({ openId: viewer.openId, what: what.kind }, 'console.refused');
    refuse(ctx, 'forbidden');
    return undefined;
  }
  return viewer;
}

async function rowContext(ctx: ConsoleContext, deps: ConsoleDeps): Promise<RowContext> {
  return {
    lang: ctx.state.console.lang,
    t: ctx.state.console.t,
    tz: deps.config.tz,
    now: deps.clock.now(),
    dir: await deps.directory.load(),
  };
}

/** The activities table (filters, search, sort, paging), its XLSX, and the half-year task list. */
export function activityRoutes(router: Router, deps: ConsoleDeps): void {
  const summaries = deps.repos.summaries;

  router.get('/activities', async (ctx: ConsoleContext) => {
    const viewer = await allowed(ctx, deps, { kind: 'activities.list' });
    if (!viewer) return;
    const parsed = parseTableQuery(ctx.query);
    if (!parsed.ok) return refuse(ctx, 'bad_request', parsed.fields.join(', '));
    const rc = await rowContext(ctx, deps);
    const query = summaryQueryOf(parsed.value, activityScope(viewer), rc.now);
    const [{ rows, total }, years] = await Promise.all([
      summaries.page(query, parsed.value.page, PAGE_SIZE, rc.now),
      summaries.years(),
    ]);
    const { t } = ctx.state.console;
    sendPage(
      ctx,
      200,
      layout(ctx.state.console, {
        title: t('console.activities.title'),
        nav: 'activities',
        currentUrl: ctx.originalUrl,
        body: activitiesTable({
          lang: rc.lang,
          t,
          query: parsed.value,
          rows: rows.map((r) => activityRow(r, rc)),
          total,
          pageSize: PAGE_SIZE,
          seesAll: activityScope(viewer).all,
          years,
          units: rc.dir.units,
        }),
      }),
    );
  });

  router.get('/activities.xlsx', async (ctx: ConsoleContext) => {
    const viewer = await allowed(ctx, deps, { kind: 'activities.export' });
    if (!viewer) return;
    const parsed = parseTableQuery(ctx.query);
    if (!parsed.ok) return refuse(ctx, 'bad_request', parsed.fields.join(', '));
    const rc = await rowContext(ctx, deps);
    const rows = await summaries.all(
      summaryQueryOf(parsed.value, activityScope(viewer), rc.now),
      rc.now,
    );
    const { t } = ctx.state.console;
    const stamp = formatInTz(rc.now, rc.tz, 'YYYY-MM-DD HH:mm');
    ctx.type = XLSX_TYPE;
    ctx.set('Cache-Control', 'no-store');
    ctx.set(
      'Content-Disposition',
      attachment(`${t('console.activities.title')}-${stamp.slice(0, 10)}.xlsx`),
    );
    ctx.body = await activitiesWorkbook(
      t,
      `${t('console.activities.title')} · ${stamp}`,
      rows.map((r) => activityRow(r, rc)),
      rc.now,
    );
  });

  const taskPeriod = (
    ctx: ConsoleContext,
    now: Date,
  ): { year: number; half: 1 | 2 } | undefined => {
    const year =
      ctx.query.year === undefined
        ? Number(formatInTz(now, deps.config.tz, 'YYYY'))
        : Number(ctx.query.year);
    const half =
      ctx.query.half === undefined ? halfOfYear(now, deps.config.tz) : Number(ctx.query.half);
    if (!Number.isInteger(year) || year < 2000 || year > 2100 || (half !== 1 && half !== 2))
      return undefined;
    return { year, half };
  };

  const taskRows = async (
    ctx: ConsoleContext,
    viewer: Viewer,
    period: { year: number; half: 1 | 2 },
  ) => {
    const rc = await rowContext(ctx, deps);
    const rows = await summaries.all(
      { scope: activityScope(viewer), year: period.year, half: period.half, sort: 'start', dir: 1 },
      rc.now,
    );
    return { rc, rows: rows.map((r) => activityRow(r, rc)) };
  };

  router.get('/tasks', async (ctx: ConsoleContext) => {
    const viewer = await allowed(ctx, deps, { kind: 'tasks.view' });
    if (!viewer) return;
    const period = taskPeriod(ctx, deps.clock.now());
    if (!period) return refuse(ctx, 'bad_request', 'year, half');
    const [{ rows }, years] = await Promise.all([taskRows(ctx, viewer, period), summaries.years()]);
    const { t } = ctx.state.console;
    sendPage(
      ctx,
      200,
      layout(ctx.state.console, {
        title: t('console.tasks.title'),
        nav: 'tasks',
        currentUrl: ctx.originalUrl,
        body: tasksPage({ t, year: period.year, half: period.half, years, rows }),
      }),
    );
  });

  router.get('/tasks.xlsx', async (ctx: ConsoleContext) => {
    const viewer = await allowed(ctx, deps, { kind: 'tasks.view' });
    if (!viewer) return;
    const period = taskPeriod(ctx, deps.clock.now());
    if (!period) return refuse(ctx, 'bad_request', 'year, half');
    const { rc, rows } = await taskRows(ctx, viewer, period);
    const { t } = ctx.state.console;
    const title = t('console.tasks.heading', {
      year: period.year,
      half: t(period.half === 1 ? 'console.half.1' : 'console.half.2'),
    });
    ctx.type = XLSX_TYPE;
    ctx.set('Cache-Control', 'no-store');
    ctx.set('Content-Disposition', attachment(`${title}.xlsx`));
    ctx.body = await listWorkbook(
      t,
      t('console.tasks.title'),
      title,
      TASK_COLUMNS.map((c, i) => ({ header: t(c), width: i === 2 ? 36 : 12 })),
      rows.map((r, i) => taskCells(r, i)),
      rc.now,
    );
  });
}
