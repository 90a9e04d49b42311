import { th } from '../src/i18n/messages-handover';
import { actionValue } from './actions';
import { button, card, divider, markdown, note, type Card, type CardElement } from './card';
import type { ArchiveSearchView } from './handover-views';

/** Accepted archives found (archivists), each with an "export ZIP" button. */
export function archiveSearchCard(v: ArchiveSearchView): Card {
  const title = th('ho.search.title');
  const items: CardElement[] = v.items.flatMap((item, i) => [
    ...(i > 0 ? [divider()] : []),
    markdown(item.text),
    button(
      th('ho.btn.export'),
      actionValue({ action: 'archive.export', activityId: item.activityId }),
      {
        type: 'default',
      },
    ),
  ]);
  return card(
    { title, color: 'indigo' },
    [
      note(v.query),
      v.items.length === 0 && markdown(th('ho.search.none')),
      ...items,
      v.more && note(th('ho.search.more', { n: v.limit })),
      note(th('ho.search.help')),
    ],
    title,
  );
}
