import { th } from '../src/i18n/messages-handover';
import { joinTexts } from '../src/i18n/t';
import { actionValue } from './actions';
import { escapeMd } from './activity-common';
import { button, card, markdown, note, type Card, type CardElement, textWithAction } from './card';
import type { OriginalLine, OriginalsView } from './handover-views';

/** Lines per card: each line is a row of text and a button (well within 200 elements). */
export const ORIGINAL_LINES_SHOWN = 30;

function line(activityId: string, l: OriginalLine): CardElement {
  const text = {
    zh_cn: escapeMd(l.text.zh_cn),
    en_us: escapeMd(l.text.en_us),
  };
  const status = l.receivedAt
    ? th('ho.orig.received', { date: l.receivedAt })
    : th('ho.orig.pending');
  return textWithAction(
    joinTexts([text, status], '　'),
    l.receivedAt
      ? undefined
      : button(
          th('ho.orig.btn.receive'),
          actionValue({ action: 'handover.receive', activityId, materialId: l.materialId }),
          { type: 'primary' },
        ),
    { weight: 4 },
  );
}

/**
 * Originals to receive (archivists): each physical item and paper original on its own line with
 * "received" (✅ and the date once done), marked one by one, separately from the digital files.
 */
export function handoverOriginalsCard(v: OriginalsView): Card {
  const title = th('ho.orig.title', { code: v.code });
  return card(
    { title, color: v.lines.every((l) => l.receivedAt) ? 'green' : 'blue' },
    [
      note(th('ho.orig.intro')),
      v.lines.length === 0 && markdown(th('ho.orig.none')),
      ...v.lines.slice(0, ORIGINAL_LINES_SHOWN).map((l) => line(v.activityId, l)),
      v.more > 0 && note(th('ho.check.more', { n: v.more })),
    ],
    title,
  );
}
