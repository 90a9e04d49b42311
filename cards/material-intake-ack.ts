import type { I18nText } from '../src/i18n/t';
import { ti, tiPerLang, type IntakeMessageKey } from '../src/i18n/messages-intake';
import { actionValue } from './actions';
import { button, buttonRow, card, markdown, note, type Card, type CardElement } from './card';

/** Lines listed per section before "… and N more" (the card stays well under 30 KB). */
export const ACK_LIST_LIMIT = 10;

export interface IntakeAckView {
  batchId: string;
  /** Absent for an unfiled publicity batch. */
  activity?: { id: string; code: string; title: string };
  stored: { name: I18nText }[];
  duplicates: { name: I18nText; original?: I18nText; at?: string }[];
  failed: { name: I18nText; reason: I18nText }[];
  warnings: { name: I18nText; warning: I18nText }[];
}

function section(head: IntakeMessageKey, lines: I18nText[]): CardElement | undefined {
  if (lines.length === 0) return undefined;
  const shown = lines.slice(0, ACK_LIST_LIMIT);
  const more = lines.length - shown.length;
  const all = [ti(head), ...shown, ...(more > 0 ? [ti('intake.ack.more', { n: more })] : [])];
  return markdown({
    zh_cn: all.map((l) => l.zh_cn).join('\n'),
    en_us: all.map((l) => l.en_us).join('\n'),
  });
}

const per = (key: IntakeMessageKey, parts: Record<string, I18nText | string>): I18nText =>
  tiPerLang(key, (lang) =>
    Object.fromEntries(
      Object.entries(parts).map(([k, v]) => [k, typeof v === 'string' ? v : v[lang]]),
    ),
  );

/**
 * The one answer to a batch of photos and files: how many were stored, which were already archived
 * (and when), which could not be stored and why, quality warnings, and a button to describe them.
 */
export function materialIntakeAckCard(v: IntakeAckView): Card {
  const nothingStored = v.stored.length === 0 && v.failed.length > 0;
  const title = ti(nothingStored ? 'intake.ack.title.failed' : 'intake.ack.title');
  const describe = v.activity && v.stored.length > 0;
  return card(
    { title, color: nothingStored ? 'red' : v.failed.length > 0 ? 'orange' : 'green' },
    [
      markdown(
        v.activity
          ? ti('intake.ack.activity', { code: v.activity.code, title: v.activity.title })
          : ti('intake.ack.unfiled'),
      ),
      markdown(
        ti('intake.ack.counts', {
          stored: v.stored.length,
          duplicates: v.duplicates.length,
          failed: v.failed.length,
        }),
      ),
      section(
        'intake.ack.stored.head',
        v.stored.map((s) => per('intake.ack.item', { name: s.name })),
      ),
      section(
        'intake.ack.duplicates.head',
        v.duplicates.map((d) =>
          d.original && d.at
            ? per('intake.ack.duplicate', { name: d.name, original: d.original, at: d.at })
            : per('intake.ack.already', { name: d.name }),
        ),
      ),
      section(
        'intake.ack.failed.head',
        v.failed.map((f) => per('intake.ack.failure', { name: f.name, reason: f.reason })),
      ),
      section(
        'intake.ack.warnings.head',
        v.warnings.map((w) => per('intake.ack.warning', { name: w.name, warning: w.warning })),
      ),
      describe && note(ti('intake.ack.describe.hint')),
      describe &&
        buttonRow([
          button(
            ti('intake.ack.describe'),
            actionValue({
              action: 'material.describe.open',
              activityId: v.activity!.id,
              batchId: v.batchId,
            }),
            { type: 'primary' },
          ),
        ]),
    ],
    title,
  );
}
