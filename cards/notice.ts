import type { I18nText } from '../src/i18n/t';
import { card, markdown, type Card, type HeaderColor } from './card';

/** A short card with a title and one paragraph: confirmations, refusals, notices. */
export function noticeCard(title: I18nText, body: I18nText, color: HeaderColor = 'blue'): Card {
  return card({ title, color }, [markdown(body)], title);
}
