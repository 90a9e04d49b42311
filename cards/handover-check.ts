import { th } from '../src/i18n/messages-handover';
import { joinTexts, same, type I18nText } from '../src/i18n/t';
import { actionValue } from './actions';
import { colored, escapeMd } from './activity-common';
import { button, buttonRow, card, markdown, note, type Card, type HeaderColor } from './card';
import type { CheckOutcome, HandoverCheckView } from './handover-views';

/** Lines shown per list; a card stays well under the platform's 30 KB and 200 elements. */
export const CHECK_LINES_SHOWN = 30;

const COLORS: Record<CheckOutcome, HeaderColor> = {
  blocked: 'red',
  warnings: 'orange',
  passed: 'green',
  submitted: 'green',
};

const mark = (ok: boolean) => (ok ? '✅' : '❌');

/** Up to CHECK_LINES_SHOWN lines as a bullet list, then "… and n more". */
function bullets(lines: I18nText[]): I18nText {
  const shown = lines.slice(0, CHECK_LINES_SHOWN).map((l) => ({
    zh_cn: `· ${escapeMd(l.zh_cn)}`,
    en_us: `· ${escapeMd(l.en_us)}`,
  }));
  const rest = lines.length - shown.length;
  return joinTexts(rest > 0 ? [...shown, th('ho.check.more', { n: rest })] : shown);
}

/**
 * The pre-check as the organizer sees it: red with every blocking problem item by item (nothing is
 * submitted), orange with warnings and a "submit anyway" button, green when submitted. The four
 * properties are summarized with ✅/❌; totals say how many files were read back and verified.
 */
export function handoverCheckCard(v: HandoverCheckView): Card {
  const title = th('ho.check.title', { code: v.code });
  const f = v.four;
  const lead: I18nText =
    v.outcome === 'blocked'
      ? th('ho.check.blocked', { n: v.blocking.length })
      : v.outcome === 'submitted'
        ? th('ho.check.submitted', { version: v.version ?? 1 })
        : v.warnings.length
          ? th('ho.check.warnings', { n: v.warnings.length })
          : th('ho.check.passed');
  const submit = (confirm: boolean, text: I18nText, type: 'primary' | 'default') =>
    button(text, actionValue({ action: 'handover.submit', activityId: v.activityId, confirm }), {
      type,
    });
  return card(
    { title, color: COLORS[v.outcome], subtitle: same(v.title) },
    [
      markdown(v.outcome === 'blocked' ? colored(lead, 'red') : lead),
      v.outcome === 'blocked' && markdown(bullets(v.blocking)),
      v.warnings.length > 0 && markdown(bullets(v.warnings)),
      v.outcome === 'warnings' && markdown(th('ho.check.confirm')),
      v.toDeliver.length > 0 && note(bullets(v.toDeliver)),
      note(
        joinTexts([
          v.totals,
          th('ho.check.four', {
            a: mark(f.authenticity),
            i: mark(f.integrity),
            u: mark(f.usability),
            s: mark(f.security),
          }),
        ]),
      ),
      v.outcome === 'blocked' && buttonRow([submit(false, th('ho.check.btn.recheck'), 'primary')]),
      v.outcome === 'warnings' && buttonRow([submit(true, th('ho.check.btn.confirm'), 'primary')]),
    ],
    title,
  );
}
