import { tdir } from '../src/i18n/messages-directory';
import { joinTexts } from '../src/i18n/t';
import { actionValue } from './actions';
import { button, buttonRow, card, markdown, type Card } from './card';

export interface DirectoryAdminView {
  units: number;
  /** Active units that mirror a Feishu department. */
  linked: number;
  people: number;
  /** People a sync found gone from the contacts. */
  departed: number;
  archivists: number;
  admins: number;
  /** Formatted in the business time zone, or undefined when never synced. */
  lastSync?: string;
  calendar: { lastKnownYear: number; source: string; missingYears: number[] };
}

/** `通讯录` / `directory` (admins): the directory at a glance, the work calendar, and the sync button. */
export function directoryAdminCard(v: DirectoryAdminView): Card {
  const title = tdir('directory.title');
  const never = tdir('directory.never');
  const { calendar: _calendar, lastSync, ...figures } = v;
  const summary = {
    zh_cn: tdir('directory.summary', { ...figures, lastSync: lastSync ?? never.zh_cn }).zh_cn,
    en_us: tdir('directory.summary', { ...figures, lastSync: lastSync ?? never.en_us }).en_us,
  };
  const missing = v.calendar.missingYears.join(', ');
  const extra = missing ? tdir('directory.calendar.missing', { years: missing }) : undefined;
  const calendar = {
    zh_cn: tdir('directory.calendar', {
      last: v.calendar.lastKnownYear,
      source: v.calendar.source,
      extra: extra?.zh_cn ?? '',
    }).zh_cn,
    en_us: tdir('directory.calendar', {
      last: v.calendar.lastKnownYear,
      source: v.calendar.source,
      extra: extra?.en_us ?? '',
    }).en_us,
  };
  return card(
    { title, color: 'blue' },
    [
      markdown(joinTexts([summary, calendar], '\n')),
      buttonRow([
        button(tdir('directory.sync'), actionValue({ action: 'directory.sync.start' }), {
          type: 'primary',
        }),
      ]),
    ],
    title,
  );
}
