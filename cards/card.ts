import type { I18nText } from '../src/i18n/t';

/** Card JSON 2.0 (https://open.feishu.cn/document/feishu-cards/card-json-v2-structure), typed loosely by element. */
export interface Card {
  schema: '2.0';
  config: { update_multi: true; width_mode?: 'default' | 'compact' | 'fill'; summary?: TextBlock };
  header?: {
    title: PlainText;
    subtitle?: PlainText;
    template: HeaderColor;
    text_tag_list?: { tag: 'text_tag'; text: PlainText; color: string }[];
  };
  body: { elements: CardElement[] };
}

export type HeaderColor =
  | 'blue'
  | 'wathet'
  | 'turquoise'
  | 'green'
  | 'yellow'
  | 'orange'
  | 'red'
  | 'carmine'
  | 'violet'
  | 'purple'
  | 'indigo'
  | 'grey';

export interface TextBlock {
  content: string;
  i18n_content: { zh_cn: string; en_us: string };
}

export type PlainText = TextBlock & { tag: 'plain_text' };

export type CardElement = Record<string, unknown> & { tag: string };

const block = (text: I18nText): TextBlock => ({
  content: text.zh_cn,
  i18n_content: { zh_cn: text.zh_cn, en_us: text.en_us },
});

/** A plain text object in both languages. */
export const plain = (text: I18nText): PlainText => ({ tag: 'plain_text', ...block(text) });

/** Assembles a shared (update_multi) card with an optional header. */
export function card(
  head:
    | {
        title: I18nText;
        color: HeaderColor;
        subtitle?: I18nText;
        tags?: { text: I18nText; color: string }[];
      }
    | undefined,
  elements: (CardElement | undefined | false)[],
  summary?: I18nText,
): Card {
  const out: Card = {
    schema: '2.0',
    config: { update_multi: true, width_mode: 'fill' },
    body: { elements: elements.filter((e): e is CardElement => Boolean(e)) },
  };
  if (summary) out.config.summary = block(summary);
  if (head) {
    out.header = { title: plain(head.title), template: head.color };
    if (head.subtitle) out.header.subtitle = plain(head.subtitle);
    if (head.tags?.length) {
      out.header.text_tag_list = head.tags
        .slice(0, 3)
        .map((tag) => ({ tag: 'text_tag', text: plain(tag.text), color: tag.color }));
    }
  }
  return out;
}

/** Markdown text in both languages. */
export const markdown = (
  text: I18nText,
  opts: { size?: 'normal' | 'notation' } = {},
): CardElement => ({
  tag: 'markdown',
  ...block(text),
  ...(opts.size ? { text_size: opts.size } : {}),
});

/** Small grey text under the main content. */
export const note = (text: I18nText): CardElement => markdown(text, { size: 'notation' });

export const divider = (): CardElement => ({ tag: 'hr' });

export type ButtonType =
  | 'default'
  | 'primary'
  | 'danger'
  | 'primary_filled'
  | 'danger_filled'
  | 'text';

/** A button whose click calls back with `value` (an action payload from cards/actions.ts). */
export function button(
  text: I18nText,
  value: Record<string, unknown>,
  opts: { type?: ButtonType; confirm?: { title: I18nText; text: I18nText }; name?: string } = {},
): CardElement {
  return {
    tag: 'button',
    text: plain(text),
    type: opts.type ?? 'default',
    ...(opts.name ? { name: opts.name } : {}),
    ...(opts.confirm
      ? { confirm: { title: plain(opts.confirm.title), text: plain(opts.confirm.text) } }
      : {}),
    behaviors: [{ type: 'callback', value }],
  };
}

/** Buttons side by side (a column set keeps them on one row on wide screens). */
export function buttonRow(buttons: CardElement[]): CardElement | undefined {
  if (buttons.length === 0) return undefined;
  return {
    tag: 'column_set',
    flex_mode: 'flow',
    horizontal_spacing: '8px',
    columns: buttons.map((b) => ({ tag: 'column', width: 'auto', elements: [b] })),
  };
}

/** Two-column "label: value" lines rendered as markdown. */
export function fields(rows: { label: I18nText; value: I18nText }[]): CardElement {
  return markdown({
    zh_cn: rows.map((r) => `**${r.label.zh_cn}**：${r.value.zh_cn}`).join('\n'),
    en_us: rows.map((r) => `**${r.label.en_us}**: ${r.value.en_us}`).join('\n'),
  });
}

/** Text on the left taking the room, an optional control (a button) on the right, vertically centred. */
export function textWithAction(
  text: I18nText,
  action: CardElement | undefined,
  opts: { weight?: number } = {},
): CardElement {
  return {
    tag: 'column_set',
    flex_mode: 'none',
    horizontal_spacing: '8px',
    columns: [
      {
        tag: 'column',
        width: 'weighted',
        weight: opts.weight ?? 1,
        vertical_align: 'center',
        elements: [markdown(text)],
      },
      {
        tag: 'column',
        width: 'auto',
        vertical_align: 'center',
        elements: action ? [action] : [],
      },
    ],
  };
}
