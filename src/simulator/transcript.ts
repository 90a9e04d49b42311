/**
 * Renders what the bot sent as plain text, the way a person would read it in the chat (zh_cn first,
 * en_us beneath). Used by the demo transcript.
 */

interface TextLike {
  content?: string;
  i18n_content?: { zh_cn?: string; en_us?: string };
}

function both(t: TextLike | undefined): string[] {
  if (!t) return [];
  const zh = t.i18n_content?.zh_cn ?? t.content ?? '';
  const en = t.i18n_content?.en_us;
  return en && en !== zh ? [zh, `  ${en}`] : [zh];
}

function renderElement(el: Record<string, unknown>, out: string[], indent: string): void {
  const tag = el.tag;
  if (tag === 'markdown' || tag === 'div') {
    // Body text in Chinese only (the reader's language); the header shows both.
    const zh = (el as TextLike).i18n_content?.zh_cn ?? (el as TextLike).content ?? '';
    out.push(...zh.split('\n').map((l) => `${indent}${l}`));
  } else if (tag === 'hr') {
    out.push(`${indent}────────`);
  } else if (tag === 'button') {
    const text = (el.text as TextLike | undefined)?.i18n_content?.zh_cn ?? '';
    out.push(`${indent}[${text}]`);
  } else if (tag === 'column_set') {
    const buttons: string[] = [];
    for (const col of (el.columns as { elements?: Record<string, unknown>[] }[] | undefined) ??
      []) {
      const inner: string[] = [];
      for (const child of col.elements ?? []) renderElement(child, inner, '');
      buttons.push(inner.join(' '));
    }
    out.push(`${indent}${buttons.join('  ')}`);
  } else if (tag === 'form') {
    out.push(`${indent}〔表单 form〕`);
    for (const child of (el.elements as Record<string, unknown>[] | undefined) ?? [])
      renderElement(child, out, `${indent}  `);
  } else if (typeof tag === 'string') {
    const label =
      (el.label as TextLike | undefined)?.i18n_content?.zh_cn ??
      (el.placeholder as TextLike | undefined)?.i18n_content?.zh_cn;
    const name = typeof el.name === 'string' ? el.name : '';
    out.push(`${indent}<${tag}${name ? ` ${name}` : ''}${label ? `: ${label}` : ''}>`);
  }
}

/** A card (JSON 2.0) as indented text lines. */
export function renderCard(card: unknown): string[] {
  const c = card as {
    header?: { title?: TextLike };
    body?: { elements?: Record<string, unknown>[] };
  };
  const out: string[] = [];
  if (c.header?.title)
    out.push(...both(c.header.title).map((l, i) => (i === 0 ? `▌ ${l}` : `▌${l}`)));
  for (const el of c.body?.elements ?? []) renderElement(el, out, '  ');
  return out;
}

/** Any sent message's content as text lines. */
export function renderMessage(msgType: string, content: unknown): string[] {
  if (msgType === 'interactive') return renderCard(content);
  if (msgType === 'text') {
    const text = (content as { text?: unknown }).text;
    return [typeof text === 'string' ? text : ''];
  }
  return [`(${msgType})`];
}
