import { messages, type MessageKey } from './messages';

export type Lang = 'zh_cn' | 'en_us';
export const LANGS: readonly Lang[] = ['zh_cn', 'en_us'];

/** A text in both languages; cards and toasts carry both and Feishu shows the reader's. */
export interface I18nText {
  zh_cn: string;
  en_us: string;
}

export type Vars = Record<string, string | number>;

function fill(template: string, vars: Vars): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

/** Looks a message up in both languages and fills `{name}` placeholders. */
export function t(key: MessageKey, vars: Vars = {}): I18nText {
  const entry = messages[key];
  return { zh_cn: fill(entry.zh_cn, vars), en_us: fill(entry.en_us, vars) };
}

/** Joins several bilingual texts line by line, language by language. */
export function joinTexts(parts: I18nText[], separator = '\n'): I18nText {
  return {
    zh_cn: parts.map((p) => p.zh_cn).join(separator),
    en_us: parts.map((p) => p.en_us).join(separator),
  };
}

/** The same string in both languages (codes, names, numbers). */
export const same = (text: string): I18nText => ({ zh_cn: text, en_us: text });

/** Like t(), but the variables differ per language (lists joined with 、 or , , localized labels). */
export function tPerLang(key: MessageKey, vars: (lang: Lang) => Vars): I18nText {
  return { zh_cn: t(key, vars('zh_cn')).zh_cn, en_us: t(key, vars('en_us')).en_us };
}
