import { t, tPerLang, type I18nText } from '../src/i18n/t';
import { card, divider, markdown, note, type Card } from './card';

export interface HelpView {
  /** The reader's roles, already rendered in both languages. */
  roles: I18nText[];
}

/** What the bot does, per role, with the reader's own roles at the bottom. */
export function helpCard(view: HelpView): Card {
  const roles = view.roles.length ? view.roles : [t('role.member')];
  return card(
    { title: t('help.title'), color: 'turquoise' },
    [
      markdown(t('help.intro')),
      markdown(t('help.role.organizer')),
      markdown(t('help.role.organizer.body')),
      markdown(t('help.role.leader')),
      markdown(t('help.role.leader.body')),
      markdown(t('help.role.archivist')),
      markdown(t('help.role.archivist.body')),
      markdown(t('help.role.publicity')),
      markdown(t('help.role.publicity.body')),
      divider(),
      note(
        tPerLang('help.yourRoles', (lang) => ({
          roles: roles.map((r) => r[lang]).join(lang === 'zh_cn' ? '、' : ', '),
        })),
      ),
    ],
    t('help.title'),
  );
}
