import { tb, tbLabel, type BackupMessageKey } from '../src/i18n/messages-backup';
import { joinTexts, type I18nText } from '../src/i18n/t';
import { card, divider, markdown, note, type Card } from './card';

/** The archivists' view of backups: compliance, entries waiting for their keeper, recent bags. */
export interface BackupStatusView {
  configured: boolean;
  compliance?: { offsite: boolean; differentMedia: boolean; use: number; sealed: number };
  pending: { bag: string; kind: string; target: string; keeperName: string; since: string }[];
  recent: {
    at: string;
    kind: string;
    target: string;
    files: number;
    size: string;
    fixityBad: boolean;
  }[];
  year: number;
}

const yesNo = (b: boolean) => tb(b ? 'backup.yes' : 'backup.no');

/** Fills a line whose `{kind}` is a localized label and the rest plain values. */
function line(
  key: BackupMessageKey,
  kind: string,
  vars: Record<string, string | number>,
): I18nText {
  const label = tbLabel('kind', kind);
  const zh = tb(key, { ...vars, kind: label.zh_cn });
  const en = tb(key, { ...vars, kind: label.en_us });
  return { zh_cn: zh.zh_cn, en_us: en.en_us };
}

/** `备份` / `backup` for archivists: what is pending (第八条 keeper confirmations) and how copies stand. */
export function backupStatusCard(v: BackupStatusView): Card {
  const title = tb('backup.status.title');
  if (!v.configured) {
    return card({ title, color: 'grey' }, [markdown(tb('backup.status.notConfigured'))], title);
  }
  const c = v.compliance!;
  const offsite = yesNo(c.offsite);
  const media = yesNo(c.differentMedia);
  const compliance: I18nText = {
    zh_cn: tb('backup.status.compliance', {
      offsite: offsite.zh_cn,
      media: media.zh_cn,
      use: c.use,
      sealed: c.sealed,
    }).zh_cn,
    en_us: tb('backup.status.compliance', {
      offsite: offsite.en_us,
      media: media.en_us,
      use: c.use,
      sealed: c.sealed,
    }).en_us,
  };
  const pending = v.pending.length
    ? joinTexts([
        tb('backup.status.pending', { count: v.pending.length }),
        ...v.pending.slice(0, 20).map((p) =>
          line('backup.status.pendingLine', p.kind, {
            bag: `\`${p.bag}\``,
            target: p.target,
            keeper: p.keeperName,
            since: p.since,
          }),
        ),
      ])
    : tb('backup.status.noPending');
  const recent = v.recent.length
    ? joinTexts([
        tb('backup.status.recent'),
        ...v.recent.map((r) => {
          const bad = tb('backup.status.fixityBad');
          const base = line('backup.status.recentLine', r.kind, {
            at: r.at,
            target: r.target,
            files: r.files,
            size: r.size,
            fixity: '',
          });
          return r.fixityBad
            ? { zh_cn: base.zh_cn + bad.zh_cn, en_us: base.en_us + bad.en_us }
            : base;
        }),
      ])
    : tb('backup.status.none');
  return card(
    {
      title,
      color: v.pending.length ? 'orange' : c.offsite && c.differentMedia ? 'green' : 'yellow',
    },
    [
      markdown(compliance),
      markdown(pending),
      divider(),
      markdown(recent),
      note(tb('backup.status.more', { year: v.year })),
    ],
    title,
  );
}
