import type { Directory } from '../domain/directory';
import { rolesOf } from '../domain/roles';
import { t, tPerLang, type I18nText } from '../i18n/t';

/** The reader's roles as bilingual labels, for the help card. */
export function roleLabels(openId: string, dir: Directory): I18nText[] {
  const roles = rolesOf(openId, dir);
  const unitNames = (codes: string[]) =>
    codes.map((code) => dir.units.find((u) => u.code === code)?.name ?? code);
  const labels: I18nText[] = [];
  if (roles.archivist) labels.push(t('role.archivist'));
  if (roles.admin) labels.push(t('role.admin'));
  if (roles.publicity) labels.push(t('role.publicity'));
  if (roles.leaderOf.length)
    labels.push(
      tPerLang('role.leader', (lang) => ({
        units: unitNames(roles.leaderOf).join(lang === 'zh_cn' ? '、' : ', '),
      })),
    );
  if (roles.contactOf.length)
    labels.push(
      tPerLang('role.contact', (lang) => ({
        units: unitNames(roles.contactOf).join(lang === 'zh_cn' ? '、' : ', '),
      })),
    );
  return labels;
}
