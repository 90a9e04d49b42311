import { randomUUID } from 'node:crypto';
import Router from '@koa/router';
import type { Middleware, Next } from 'koa';
import { BodyTooLargeError, readRawBody } from '../feishu/raw-body';
import type { ConsoleContext, ConsoleDeps } from './context';
import { PREFIX } from './context';
import { isSecure, setCookie } from './cookies';
import { LANG_COOKIE, parseLang, translator } from './i18n';
import { readCookie } from './cookies';
import { refuse, sendPage } from './respond';
import { activityRoutes } from './routes/activities';
import { assetRoutes } from './routes/assets';
import { authRoutes } from './routes/auth';
import { checkCsrf, loadSession } from './session';
import { messagePage } from './views/layout';

const FORM_LIMIT_BYTES = 64 * 1024;

/** Language: `?lang=` switches and is remembered in a cookie; Chinese otherwise. */
const chooseLanguage =
  (deps: ConsoleDeps) =>
  async (ctx: ConsoleContext, next: Next): Promise<void> => {
    const asked = parseLang(typeof ctx.query.lang === 'string' ? ctx.query.lang : undefined);
    const lang = asked ?? parseLang(readCookie(ctx, LANG_COOKIE)) ?? 'zh_cn';
    if (asked)
      setCookie(ctx, LANG_COOKIE, asked, {
        maxAgeSeconds: 365 * 86400,
        secure: isSecure(ctx, deps.config.console.publicUrl),
      });
    ctx.state.console = { lang, t: translator(lang) };
    await next();
  };

/** Errors become a page with an error id (logged with it); nothing half-done is reported as done. */
const errorPage =
  (deps: ConsoleDeps) =>
  async (ctx: ConsoleContext, next: Next): Promise<void> => {
    try {
      await next();
    } catch (err) {
      const errorId = randomUUID().slice(0, 8);
      deps.log.error({ err, errorId, path: ctx.path }, 'console.error');
      const state = ctx.state.console;
      sendPage(
        ctx,
        500,
        messagePage(state, {
          title: state.t('console.error.title'),
          body: state.t('console.error.body', { errorId }),
          currentUrl: `${PREFIX}/activities`,
        }),
      );
    }
  };

/** Parses url-encoded form posts (small), so CSRF and routes read `ctx.state.console.form`. */
const parseForm = async (ctx: ConsoleContext, next: Next): Promise<void> => {
  if (ctx.method === 'POST' && ctx.is('application/x-www-form-urlencoded')) {
    try {
      const raw = await readRawBody(ctx.req, FORM_LIMIT_BYTES);
      ctx.state.console.form = new URLSearchParams(raw.toString('utf8'));
    } catch (err) {
      if (!(err instanceof BodyTooLargeError)) throw err;
      return refuse(ctx, 'bad_request', `> ${FORM_LIMIT_BYTES} bytes`);
    }
  }
  await next();
};

/** Security headers for every console answer: no framing by other sites, no sniffing, own assets only. */
const securityHeaders = async (ctx: ConsoleContext, next: Next): Promise<void> => {
  await next();
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Referrer-Policy', 'same-origin');
  ctx.set(
    'Content-Security-Policy',
    "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; style-src 'self'; script-src 'self'; frame-ancestors 'self'; form-action 'self' https:; object-src 'none'",
  );
};

type Step = (ctx: ConsoleContext, next: Next) => Promise<void>;

/** Runs steps in order, each deciding whether to go on (what koa-compose does, for a fixed list). */
function chain(steps: Step[]): Step {
  return (ctx, last) => {
    const run = (i: number): Promise<void> =>
      i === steps.length ? last() : steps[i]!(ctx, () => run(i + 1));
    return run(0);
  };
}

/** The web console, mounted by the Koa app under /console. */
export function consoleMiddleware(deps: ConsoleDeps): Middleware {
  const router = new Router({ prefix: PREFIX });
  router.get('/', (ctx) => ctx.redirect(`${PREFIX}/activities`));
  assetRoutes(router);
  authRoutes(router, deps);
  activityRoutes(router, deps);
  const routes = router.routes() as unknown as Step;
  const notFound: Step = (ctx) => {
    if (ctx.status === 404 && ctx.body === undefined) refuse(ctx, 'not_found');
    return Promise.resolve();
  };
  const console = chain([
    securityHeaders,
    chooseLanguage(deps),
    errorPage(deps),
    parseForm,
    loadSession(deps),
    checkCsrf,
    (ctx, next) => routes(ctx, next),
    notFound,
  ]);
  return async (ctx, next) => {
    if (ctx.path !== PREFIX && !ctx.path.startsWith(`${PREFIX}/`)) {
      await next();
      return;
    }
    await console(ctx as ConsoleContext, () => Promise.resolve());
  };
}
