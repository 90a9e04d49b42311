import type { ConsoleContext } from './context';
import { PREFIX } from './context';
import type { Viewer } from './access';
import { messagePage } from './views/layout';

/** Answers with an HTML page; never cached (pages carry personal data and CSRF tokens). */
export function sendPage(ctx: ConsoleContext, status: number, body: string): void {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = body;
}

/** Where the sign-in link points, coming back to this page afterwards. */
export const signInHref = (ctx: ConsoleContext): string =>
  `${PREFIX}/login?next=${encodeURIComponent(ctx.method === 'GET' ? ctx.originalUrl : `${PREFIX}/activities`)}`;

export type Refusal = 'forbidden' | 'not_found' | 'csrf' | 'bad_request';

/** A clear page for a refused request; nothing was changed. */
export function refuse(ctx: ConsoleContext, why: Refusal, detail?: string): void {
  const { t } = ctx.state.console;
  const page = {
    forbidden: {
      status: 403,
      title: t('console.forbidden.title'),
      body: t('console.forbidden.body'),
    },
    not_found: {
      status: 404,
      title: t('console.notFound.title'),
      body: t('console.notFound.body'),
    },
    csrf: { status: 403, title: t('console.csrf.title'), body: t('console.csrf.body') },
    bad_request: { status: 400, title: t('console.badRequest.title'), body: detail ?? '' },
  }[why];
  sendPage(
    ctx,
    page.status,
    messagePage(ctx.state.console, {
      title: page.title,
      body: page.body,
      currentUrl: ctx.originalUrl,
      action: { href: `${PREFIX}/activities`, label: t('console.back') },
    }),
  );
}

/**
 * The signed-in viewer, or undefined after answering: no cookie → to sign-in; a cookie that does not
 * verify or has expired → a 401 page saying so (and how to sign in again).
 */
export function requireViewer(ctx: ConsoleContext): Viewer | undefined {
  const state = ctx.state.console;
  if (state.viewer) return state.viewer;
  const { t } = state;
  if (state.sessionProblem) {
    const expired = state.sessionProblem === 'expired';
    sendPage(
      ctx,
      401,
      messagePage(state, {
        title: t(expired ? 'console.session.expired.title' : 'console.session.invalid.title'),
        body: t(expired ? 'console.session.expired.body' : 'console.session.invalid.body'),
        currentUrl: ctx.originalUrl,
        action: { href: signInHref(ctx), label: t('console.signin.again') },
      }),
    );
    return undefined;
  }
  if (ctx.method === 'GET') {
    ctx.redirect(signInHref(ctx));
  } else {
    sendPage(
      ctx,
      401,
      messagePage(state, {
        title: t('console.signin.title'),
        body: t('console.signin.body'),
        currentUrl: ctx.originalUrl,
        action: { href: signInHref(ctx), label: t('console.signin.button') },
      }),
    );
  }
  return undefined;
}
