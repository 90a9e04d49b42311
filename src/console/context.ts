import type { Context } from 'koa';
import type { AppDeps } from '../app/deps';
import type { ConsoleSessionDoc } from '../db/models/console-session';
import type { Viewer } from './access';
import type { ConsoleLang, Translate } from './i18n';

/** What the console middleware attaches to each request (ctx.state.console). */
export interface ConsoleState {
  lang: ConsoleLang;
  t: Translate;
  /** Form fields of a POST (urlencoded), parsed once. */
  form?: URLSearchParams;
  session?: ConsoleSessionDoc;
  /** Why there is no session although a cookie came: shown as a 401 page by protected routes. */
  sessionProblem?: 'invalid' | 'expired';
  viewer?: Viewer;
}

export type ConsoleContext = Context & { state: { console: ConsoleState } };

/** Dependencies of the console's routes. */
export interface ConsoleDeps extends AppDeps {
  oauth: import('../feishu/oauth').FeishuOAuth;
}

export const PREFIX = '/console';
