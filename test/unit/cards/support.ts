/** Walkers over card JSON for the card tests: what Feishu would reject, what a reader would see. */
import { cardActionSchema } from '../../../cards/actions';
import type { Card } from '../../../cards/card';

export type Node = Record<string, unknown> & { tag?: unknown };

const INTERACTIVE = new Set([
  'input',
  'select_static',
  'multi_select_static',
  'select_person',
  'multi_select_person',
  'picker_datetime',
  'date_picker',
  'picker_time',
  'checker',
  'button',
  'overflow',
]);
const TEXT_TAGS = new Set(['plain_text', 'lark_md']);

/** Every object in `value`, depth first. */
export function nodes(value: unknown, out: Node[] = []): Node[] {
  if (Array.isArray(value)) value.forEach((v) => nodes(v, out));
  else if (value && typeof value === 'object') {
    out.push(value as Node);
    Object.values(value).forEach((v) => nodes(v, out));
  }
  return out;
}

/** Components (not text objects) in the body, counted the way the 200-element limit counts. */
export const components = (card: Card): Node[] =>
  nodes(card.body.elements).filter((n) => typeof n.tag === 'string' && !TEXT_TAGS.has(n.tag));

export const byTag = (card: Card, tag: string): Node[] =>
  components(card).filter((n) => n.tag === tag);

export const interactive = (value: unknown): Node[] =>
  nodes(value).filter((n) => typeof n.tag === 'string' && INTERACTIVE.has(n.tag));

export const buttons = (card: Card): Node[] => byTag(card, 'button');

/** The callback payload of a button. */
export const payload = (b: Node): unknown =>
  (b.behaviors as { type: string; value: unknown }[] | undefined)?.[0]?.value;

/** Actions of every button, in order. */
export const actions = (card: Card): string[] =>
  buttons(card).map((b) => (payload(b) as { action: string }).action);

/** All i18n texts (content + i18n_content) found anywhere in the card, header included. */
export const texts = (card: Card): { content: string; zh_cn: string; en_us: string }[] =>
  nodes(card)
    .filter((n) => n.i18n_content !== undefined)
    .map((n) => ({
      content: n.content as string,
      ...(n.i18n_content as { zh_cn: string; en_us: string }),
    }));

/** Both languages of all texts joined, to look for what a reader would see. */
export const zh = (card: Card) =>
  texts(card)
    .map((t) => t.zh_cn)
    .join('\n');
export const en = (card: Card) =>
  texts(card)
    .map((t) => t.en_us)
    .join('\n');

export const byName = (card: Card, name: string): Node | undefined =>
  nodes(card.body.elements).find((n) => n.name === name);

/** Runs the checks every card must pass, whatever its state. */
export function expectValidCard(card: Card): void {
  expect(card.schema).toBe('2.0');
  expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(30 * 1024);
  expect(components(card).length).toBeLessThanOrEqual(200);
  for (const t of texts(card)) {
    expect(t.zh_cn).not.toBe('');
    expect(t.en_us).not.toBe('');
    expect(t.content).toBe(t.zh_cn);
  }
  for (const b of buttons(card)) {
    expect(cardActionSchema.safeParse(payload(b)).success).toBe(true);
  }
  const forms = byTag(card, 'form');
  for (const f of forms) {
    expect(card.body.elements).toContain(f);
    const inside = interactive(f.elements);
    for (const c of inside) expect(typeof c.name === 'string' && c.name !== '').toBe(true);
    const submits = inside.filter((c) => c.tag === 'button' && c.form_action_type === 'submit');
    expect(submits.length).toBeGreaterThanOrEqual(1);
    expect(byTag({ ...card, body: { elements: f.elements as never } }, 'form')).toHaveLength(0);
  }
  const names = nodes(card.body.elements)
    .filter((n) => typeof n.tag === 'string' && typeof n.name === 'string')
    .map((n) => n.name);
  expect(new Set(names).size).toBe(names.length);
}
