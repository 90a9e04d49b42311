/** A tiny browser stand-in for HTTP-level console tests: a cookie jar and manual redirects. */
import type { TestBot } from './test-bot';

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  url: string;
}

export class ConsoleClient {
  readonly jar = new Map<string, string>();

  constructor(private readonly bot: TestBot) {}

  private remember(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (/Max-Age=0/i.test(line) || value === '') this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  cookieHeader(): string {
    return [...this.jar.entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** One request; follows redirects (only to the bot and the simulator) unless told not to. */
  async request(
    path: string,
    init: {
      method?: string;
      form?: Record<string, string>;
      headers?: Record<string, string>;
      follow?: boolean;
    } = {},
  ): Promise<Answer> {
    let url = path.startsWith('http') ? path : `${this.bot.url}${path}`;
    let method = init.method ?? (init.form ? 'POST' : 'GET');
    let body: string | undefined = init.form
      ? new URLSearchParams(init.form).toString()
      : undefined;
    for (let hop = 0; hop < 10; hop++) {
      const headers: Record<string, string> = { ...(init.headers ?? {}) };
      if (url.startsWith(this.bot.url) && this.jar.size) headers.cookie = this.cookieHeader();
      if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
      const res = await fetch(url, { method, headers, body, redirect: 'manual' });
      if (url.startsWith(this.bot.url)) this.remember(res.headers);
      const location = res.headers.get('location');
      if (init.follow !== false && location && res.status >= 300 && res.status < 400) {
        url = new URL(location, url).toString();
        method = 'GET';
        body = undefined;
        continue;
      }
      return { status: res.status, headers: res.headers, text: await res.text(), url };
    }
    throw new Error('too many redirects');
  }

  /** Signs in through the simulator's authorize page as `openId`. */
  signIn(openId: string, next?: string): Promise<Answer> {
    const q = new URLSearchParams({ hint: openId, ...(next ? { next } : {}) });
    return this.request(`/console/login?${q.toString()}`);
  }

  /** The CSRF token of the signed-in page (every page's sign-out form carries it). */
  static csrfOf(page: string): string {
    const m = /name="_csrf" value="([^"]+)"/.exec(page);
    if (!m) throw new Error('no CSRF token on the page');
    return m[1]!;
  }
}
