import { consoleMessages, type ConsoleMessageKey } from '../i18n/messages-console';
import type { Lang, Vars } from '../i18n/t';

/** A page is shown in one language: Chinese unless the reader switched to English. */
export type ConsoleLang = Lang;

export const LANG_COOKIE = 'console_lang';

export function parseLang(value: string | undefined): ConsoleLang | undefined {
  return value === 'zh_cn' || value === 'en_us' ? value : undefined;
}

/** The console's text for `key` in `lang`, `{name}` placeholders filled (the page escapes it). */
export function ct(lang: ConsoleLang, key: ConsoleMessageKey, vars: Vars = {}): string {
  return consoleMessages[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

/** A translator bound to one language, handed to the views. */
export type Translate = (key: ConsoleMessageKey, vars?: Vars) => string;

export const translator =
  (lang: ConsoleLang): Translate =>
  (key, vars) =>
    ct(lang, key, vars);
