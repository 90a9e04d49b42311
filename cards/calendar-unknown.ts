import { tcal } from '../src/i18n/messages-calendar';
import { card, markdown, type Card } from './card';

export interface CalendarUnknownView {
  /** The year whose official holidays are missing. */
  year: number;
  /** Where the official data comes from (`chinese-days 1.5.7`). */
  source: string;
  /** The last year the data covers. */
  lastKnownYear: number;
}

/** To admins in December: next year's State Council calendar is not known; what the bot does, how to fix it. */
export function calendarUnknownCard(v: CalendarUnknownView): Card {
  const vars = { year: v.year, source: v.source, last: v.lastKnownYear };
  const title = tcal('calendar.unknown.title', vars);
  return card({ title, color: 'orange' }, [markdown(tcal('calendar.unknown.body', vars))], title);
}
