import { html, type SafeHtml } from '../html';
import type { ConsoleState } from '../context';
import { PREFIX } from '../context';

export type NavKey = 'activities' | 'tasks';

const NAV: { key: NavKey; href: string; label: 'console.nav.activities' | 'console.nav.tasks' }[] =
  [
    { key: 'activities', href: `${PREFIX}/activities`, label: 'console.nav.activities' },
    { key: 'tasks', href: `${PREFIX}/tasks`, label: 'console.nav.tasks' },
  ];

/** The link that switches language and comes back to this page. */
function langSwitch(state: ConsoleState, currentUrl: string): SafeHtml {
  const other = state.lang === 'zh_cn' ? 'en_us' : 'zh_cn';
  const url = new URL(currentUrl, 'http://x');
  url.searchParams.set('lang', other);
  const tag = other === 'zh_cn' ? 'zh-CN' : 'en';
  return html`<a
    href="${url.pathname + url.search}"
    hreflang="${tag}"
    lang="${tag}"
    title="${state.t('console.lang.switch.label')}"
    >${state.t('console.lang.switch')}</a
  >`;
}

/** The page shell: skip link, header with navigation, who is signed in, language switch, sign-out. */
export function layout(
  state: ConsoleState,
  p: { title: string; body: SafeHtml; nav?: NavKey; currentUrl: string; scripts?: string[] },
): string {
  const { t, viewer, session } = state;
  const nav = viewer
    ? html`<nav aria-label="${t('console.nav')}">
        <ul>
          ${NAV.map(
            (n) =>
              html`<li>
                <a href="${n.href}" ${n.key === p.nav ? html`aria-current="page"` : ''}
                  >${t(n.label)}</a
                >
              </li>`,
          )}
        </ul>
      </nav>`
    : '';
  const who =
    viewer && session
      ? html`<span
            >${t('console.signedInAs', {
              name: viewer.name !== viewer.openId ? viewer.name : session.name || viewer.openId,
            })}</span
          >
          <form method="post" action="${PREFIX}/logout">
            <input type="hidden" name="_csrf" value="${session.csrf}" /><button
              type="submit"
              class="link"
            >
              ${t('console.logout')}
            </button>
          </form>`
      : '';
  return html`<!doctype html>
    <html lang="${state.lang === 'zh_cn' ? 'zh-CN' : 'en'}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${p.title} · ${t('console.name')}</title>
        <link rel="stylesheet" href="${PREFIX}/assets/console.css" />
      </head>
      <body>
        <a class="skip" href="#main">${t('console.skip')}</a>
        <header class="top">
          <a class="brand" href="${PREFIX}/activities">${t('console.name')}</a>
          ${nav}
          <div class="who">${who}${langSwitch(state, p.currentUrl)}</div>
        </header>
        <main id="main" tabindex="-1">${p.body}</main>
        ${(p.scripts ?? []).map((s) => html`<script src="${PREFIX}/assets/${s}" defer></script>`)}
      </body>
    </html>`.value;
}

/** A page with one message (errors, refusals, sign-in), optionally with one action. */
export function messagePage(
  state: ConsoleState,
  p: {
    title: string;
    body: string;
    currentUrl: string;
    action?: { href: string; label: string };
  },
): string {
  return layout(state, {
    title: p.title,
    currentUrl: p.currentUrl,
    body: html`<section class="card message" role="alert" aria-labelledby="msg-title">
      <h1 id="msg-title">${p.title}</h1>
      <p>${p.body}</p>
      ${p.action
        ? html`<p><a class="button" href="${p.action.href}">${p.action.label}</a></p>`
        : ''}
    </section>`,
  });
}
