import { tb, tbLabel } from '../src/i18n/messages-backup';
import { joinTexts, same, type I18nText } from '../src/i18n/t';
import { actionValue } from './actions';
import { button, buttonRow, card, fields, markdown, note, type Card } from './card';

/** What the keeper checks before confirming a register entry (formatted by the caller). */
export interface KeeperConfirmView {
  bagId: string;
  kind: string;
  targetName: string;
  role: string;
  media: string;
  site: string;
  place: string;
  files: number;
  copied: number;
  size: string;
  digest: string;
  createdAt: string;
  keeperName: string;
  seal?: { number: string; date: string; sealerName: string };
  confirmed?: { byName: string; at: string };
}

const target = (v: KeeperConfirmView): I18nText => {
  const role = tbLabel('role', v.role);
  const media = tbLabel('media', v.media);
  const site = tbLabel('site', v.site);
  return {
    zh_cn: `${v.targetName}（${role.zh_cn}副本，${media.zh_cn}，${site.zh_cn} ${v.place}）`,
    en_us: `${v.targetName} (${role.en_us} copy, ${media.en_us}, ${site.en_us} ${v.place})`,
  };
};

/**
 * The keeper's confirmation of a register entry (第七条、第八条): the bag's figures and, until
 * confirmed, one button. Blue while pending, green once confirmed (the button is gone then).
 */
export function backupKeeperConfirmCard(v: KeeperConfirmView): Card {
  const title = tb('backup.keeper.title');
  const rows = [
    { label: tb('backup.keeper.bag'), value: same(`\`${v.bagId}\``) },
    { label: tb('backup.keeper.kind'), value: tbLabel('kind', v.kind) },
    { label: tb('backup.keeper.target'), value: target(v) },
    {
      label: tb('backup.keeper.counts'),
      value: tb('backup.keeper.countsValue', { files: v.files, copied: v.copied, size: v.size }),
    },
    { label: tb('backup.keeper.digest'), value: same(`\`${v.digest}\``) },
    { label: tb('backup.keeper.created'), value: same(v.createdAt) },
  ];
  if (v.seal) {
    rows.push({
      label: tb('backup.keeper.seal'),
      value: tb('backup.keeper.sealValue', {
        number: v.seal.number,
        date: v.seal.date,
        sealer: v.seal.sealerName,
      }),
    });
  }
  const action = v.confirmed
    ? note(tb('backup.keeper.confirmed', { by: v.confirmed.byName, at: v.confirmed.at }))
    : buttonRow([
        button(
          tb('backup.keeper.confirm'),
          actionValue({ action: 'backup.keeper.confirm', bagId: v.bagId }),
          { type: 'primary' },
        ),
      ]);
  return card(
    { title, color: v.confirmed ? 'green' : 'blue' },
    [markdown(tb('backup.keeper.intro', { keeper: v.keeperName })), fields(rows), action],
    joinTexts([title, same(v.bagId)], ' '),
  );
}
