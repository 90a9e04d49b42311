import { tb, tbLabel, type BackupMessageKey } from '../src/i18n/messages-backup';
import { joinTexts, type I18nText } from '../src/i18n/t';
import { card, divider, markdown, note, type Card } from './card';

/** The archivists' view of backups: compliance, entries waiting for their keeper, recent bags. */
export interface BackupStatusView {
  configured: boolean;
  compliance?: {
    offsite: boolean;
    differentMedia: boolean;
    compliant: boolean;
    use: number;
    sealed: number;
  };
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

/** The compliance line in both languages (yes/no localized). */
function complianceText(c: NonNullable<BackupStatusView['compliance']>): I18nText {
  const vars = (lang: 'zh_cn' | 'en_us') => ({
    offsite: yesNo(c.offsite)[lang],
    media: yesNo(c.differentMedia)[lang],
    use: c.use,
    sealed: c.sealed,
  });
  return {
    zh_cn: tb('backup.status.compliance', vars('zh_cn')).zh_cn,
    en_us: tb('backup.status.compliance', vars('en_us')).en_us,
  };
}

/**
 * `备份` / `backup` for archivists: how the copies stand (异地异质), entries still waiting for their
 * keeper (第八条), recent bags with a warning on any that failed its last check. Without a targets
 * file the register is still shown, under a "not configured" line.
 */
export function backupStatusCard(v: BackupStatusView): Card {
  const title = tb('backup.status.title');
  const c = v.configured ? v.compliance : undefined;
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
          const base = line('backup.status.recentLine', r.kind, {
            at: r.at,
            target: r.target,
            files: r.files,
            size: r.size,
            fixity: '',
          });
          const bad = tb('backup.status.fixityBad');
          return r.fixityBad
            ? { zh_cn: base.zh_cn + bad.zh_cn, en_us: base.en_us + bad.en_us }
            : base;
        }),
      ])
    : tb('backup.status.none');
  const color = !c ? 'grey' : v.pending.length ? 'orange' : c.compliant ? 'green' : 'yellow';
  return card(
    { title, color },
    [
      markdown(c ? complianceText(c) : tb('backup.status.notConfigured')),
      markdown(pending),
      divider(),
      markdown(recent),
      note(tb('backup.status.more', { year: v.year })),
    ],
    title,
  );
}
