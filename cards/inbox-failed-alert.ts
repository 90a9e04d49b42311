import { t } from '../src/i18n/t';
import { card, markdown, type Card } from './card';

export interface InboxFailedView {
  eventId: string;
  type: string;
  attempts: number;
  error: string;
}

/** Tells the archive room an event could not be processed after every retry. */
export function inboxFailedAlertCard(v: InboxFailedView): Card {
  return card({ title: t('alert.inboxFailed.title'), color: 'red' }, [
    markdown(
      t('alert.inboxFailed.body', {
        eventId: v.eventId,
        type: v.type,
        attempts: v.attempts,
        error: v.error.slice(0, 300),
      }),
    ),
  ]);
}
