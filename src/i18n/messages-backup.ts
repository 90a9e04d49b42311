/**
 * Texts of the backup feature (cards, alerts, spreadsheets), Chinese first with English beside it.
 * Keys start with `backup.`; builders read them through tb(key, vars).
 */
import type { I18nText, Vars } from './t';

export const backupMessages = {
  'backup.kind.realtime': { zh_cn: '实时备份', en_us: 'real-time' },
  'backup.kind.full': { zh_cn: '定期完全备份', en_us: 'periodic full' },
  'backup.kind.staged': { zh_cn: '阶段性脱机备份', en_us: 'staged offline' },
  'backup.kind.offsite': { zh_cn: '异地年度报送', en_us: 'yearly off-site' },
  'backup.role.use': { zh_cn: '利用', en_us: 'use' },
  'backup.role.sealed': { zh_cn: '封存', en_us: 'sealed' },
  'backup.media.hdd': { zh_cn: '硬盘', en_us: 'hard disk' },
  'backup.media.optical': { zh_cn: '光盘', en_us: 'optical disc' },
  'backup.media.tape': { zh_cn: '磁带', en_us: 'tape' },
  'backup.media.network': { zh_cn: '网络/云存储', en_us: 'network/cloud' },
  'backup.site.on-site': { zh_cn: '本地', en_us: 'on-site' },
  'backup.site.off-site': { zh_cn: '异地', en_us: 'off-site' },
  'backup.priority.precious': { zh_cn: '珍贵', en_us: 'precious' },
  'backup.priority.damaged': { zh_cn: '破损', en_us: 'damaged' },
  'backup.priority.urgent': { zh_cn: '急用', en_us: 'urgently needed' },
  'backup.priority.normal': { zh_cn: '一般', en_us: 'normal' },
  'backup.yes': { zh_cn: '是', en_us: 'yes' },
  'backup.no': { zh_cn: '否', en_us: 'no' },

  'backup.keeper.title': { zh_cn: '备份登记待确认', en_us: 'Backup entry to confirm' },
  'backup.keeper.intro': {
    zh_cn: '{keeper}，您是以下备份的保管人。请核对数字后确认登记（第七条、第八条）。',
    en_us: '{keeper}, you keep the backup below. Check the figures, then confirm the entry.',
  },
  'backup.keeper.bag': { zh_cn: '备份包', en_us: 'Bag' },
  'backup.keeper.kind': { zh_cn: '类型', en_us: 'Kind' },
  'backup.keeper.target': { zh_cn: '存储位置', en_us: 'Target' },
  'backup.keeper.counts': { zh_cn: '文件 / 数据量', en_us: 'Files / size' },
  'backup.keeper.countsValue': {
    zh_cn: '{files} 个文件（其中档案文件 {copied} 个），{size}',
    en_us: '{files} files ({copied} item files), {size}',
  },
  'backup.keeper.digest': { zh_cn: '标签清单摘要', en_us: 'Tag manifest digest' },
  'backup.keeper.created': { zh_cn: '备份时间', en_us: 'Created' },
  'backup.keeper.seal': { zh_cn: '封存', en_us: 'Seal' },
  'backup.keeper.sealValue': {
    zh_cn: '封存号 {number}，{date}，封存人 {sealer}',
    en_us: 'seal {number}, {date}, sealed by {sealer}',
  },
  'backup.keeper.confirm': { zh_cn: '核对无误，确认登记', en_us: 'Figures checked, confirm' },
  'backup.keeper.confirmed': {
    zh_cn: '✅ {by} 已于 {at} 确认登记。',
    en_us: '✅ Confirmed by {by} at {at}.',
  },
  'backup.keeper.toast.ok': { zh_cn: '已确认登记', en_us: 'Entry confirmed' },
  'backup.keeper.toast.already': { zh_cn: '该备份已确认过。', en_us: 'Already confirmed.' },
  'backup.keeper.toast.notKeeper': {
    zh_cn: '只有保管人 {keeper} 可以确认。',
    en_us: 'Only the keeper, {keeper}, can confirm.',
  },
  'backup.keeper.toast.unknown': { zh_cn: '找不到该备份。', en_us: 'Backup not found.' },

  'backup.status.title': { zh_cn: '备份状态', en_us: 'Backup status' },
  'backup.status.notConfigured': {
    zh_cn: '尚未配置备份目标（BACKUP_TARGETS_FILE）。',
    en_us: 'No backup targets are configured (BACKUP_TARGETS_FILE).',
  },
  'backup.status.compliance': {
    zh_cn: '异地：{offsite}　异质：{media}　利用 {use} 份 / 封存 {sealed} 份',
    en_us: 'Off-site: {offsite}  Different media: {media}  use {use} / sealed {sealed}',
  },
  'backup.status.pending': {
    zh_cn: '**待保管人确认（{count}）**',
    en_us: '**Waiting for the keeper ({count})**',
  },
  'backup.status.pendingLine': {
    zh_cn: '· {bag}（{kind}，{target}）保管人 {keeper}，{since}起',
    en_us: '· {bag} ({kind}, {target}) keeper {keeper}, since {since}',
  },
  'backup.status.noPending': { zh_cn: '没有待确认的登记。', en_us: 'Nothing waits for a keeper.' },
  'backup.status.recent': { zh_cn: '**最近备份**', en_us: '**Recent backups**' },
  'backup.status.recentLine': {
    zh_cn: '· {at} {kind} → {target}：{files} 个文件，{size}{fixity}',
    en_us: '· {at} {kind} → {target}: {files} files, {size}{fixity}',
  },
  'backup.status.fixityBad': { zh_cn: '，⚠️ 检测未通过', en_us: ', ⚠️ failed its check' },
  'backup.status.none': { zh_cn: '还没有备份。', en_us: 'No backups yet.' },
  'backup.status.more': {
    zh_cn: '年度评价：发送「备份 年度 {year}」；登记表：`npm run backup:register -- --xlsx 文件`。',
    en_us:
      'Yearly review: send "backup review {year}"; register: `npm run backup:register -- --xlsx file`.',
  },
  'backup.status.onlyArchivists': {
    zh_cn: '只有档案员可以查看备份状态。',
    en_us: 'Only archivists can see the backup status.',
  },

  'backup.fixity.title': {
    zh_cn: '⚠️ 备份检测发现问题',
    en_us: '⚠️ Backup check found problems',
  },
  'backup.fixity.body': {
    zh_cn:
      '{summary}\n\n{lines}\n\n请运行 `npm run backup:repair -- <备份包>` 从另一份完好的副本修复（修复会记入登记表）。',
    en_us:
      '{summary}\n\n{lines}\n\nRun `npm run backup:repair -- <bag>` to restore each file from another copy whose hash matches (recorded on the register).',
  },
  'backup.fixity.storeBody': {
    zh_cn:
      '在线存储中 {count} 个文件与登记的 SHA-256 不符：\n{lines}\n\n请运行 `npm run backup:repair -- --store` 从备份恢复。',
    en_us:
      '{count} stored file(s) no longer match their SHA-256:\n{lines}\n\nRun `npm run backup:repair -- --store` to restore them from a backup.',
  },
  'backup.dup.title': {
    zh_cn: '备份前发现重复内容，请做价值鉴定',
    en_us: 'Duplicate content found before backup: please assess',
  },
  'backup.dup.body': {
    zh_cn:
      '以下条目内容相同（SHA-256 一致），请决定保留或排除（排除的不进入备份，理由记入日志）：\n{lines}\n\n`npm run backup:assess -- --item <条目> --keep|--exclude --reason "…" --by <open_id>`',
    en_us:
      'These items hold identical bytes (same SHA-256). Mark each keep or exclude (excluded items stay out of backups; the reason is logged):\n{lines}\n\n`npm run backup:assess -- --item <id> --keep|--exclude --reason "…" --by <open_id>`',
  },
  'backup.source.title': {
    zh_cn: '⚠️ 在线存储文件损坏，未能备份',
    en_us: '⚠️ Stored files damaged, not backed up',
  },
  'backup.drill.title.ok': { zh_cn: '恢复演练通过', en_us: 'Restore drill passed' },
  'backup.drill.title.failed': { zh_cn: '⚠️ 恢复演练未通过', en_us: '⚠️ Restore drill failed' },
  'backup.drill.body': {
    zh_cn: '从 {bag} 抽取 {items} 件恢复到临时数据库并逐条核对：{result}',
    en_us:
      'Restored a sample of {items} item(s) from {bag} into a scratch database and checked each: {result}',
  },

  'backup.review.title': { zh_cn: '{year} 年度备份工作评价', en_us: 'Backup review {year}' },
  'backup.review.made': {
    zh_cn: '**备份**（按类型与位置）',
    en_us: '**Backups** by kind and target',
  },
  'backup.review.madeLine': {
    zh_cn: '· {kind} → {target}：{count} 次，{size}',
    en_us: '· {kind} → {target}: {count}, {size}',
  },
  'backup.review.fixity': {
    zh_cn: '**检测**：通过 {passed} 次，未通过 {failed} 次；在线存储复核 {store} 次',
    en_us:
      '**Fixity checks**: {passed} passed, {failed} failed; live store re-hashed {store} times',
  },
  'backup.review.repairs': {
    zh_cn:
      '**修复** {repairs} 次　**演练** {drills} 次（通过 {drillsOk}）　**异地报送** {deliveries} 次',
    en_us:
      '**Repairs** {repairs}  **Drills** {drills} ({drillsOk} passed)  **Off-site deliveries** {deliveries}',
  },
  'backup.review.pending': {
    zh_cn: '**待确认登记** {pending} 条　**封存副本查阅** {access} 次（拒绝 {refused} 次）',
    en_us:
      '**Pending confirmations** {pending}  **Sealed-copy reads** {access} ({refused} refused)',
  },
  'backup.review.compliance': {
    zh_cn: '**异地异质**：{compliant}',
    en_us: '**Off-site and different media**: {compliant}',
  },
  'backup.review.xlsx': {
    zh_cn: '表格：`npm run backup:register -- --review {year} --xlsx 文件`',
    en_us: 'Spreadsheet: `npm run backup:register -- --review {year} --xlsx file`',
  },
} as const satisfies Record<string, I18nText>;

export type BackupMessageKey = keyof typeof backupMessages;

const fill = (template: string, vars: Vars): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );

/** A backup text in both languages with its placeholders filled. */
export function tb(key: BackupMessageKey, vars: Vars = {}): I18nText {
  const entry = backupMessages[key];
  return { zh_cn: fill(entry.zh_cn, vars), en_us: fill(entry.en_us, vars) };
}

/** A label (kind, role, media, site, priority) by its code, e.g. tbLabel('kind', 'full'). */
export function tbLabel(
  group: 'kind' | 'role' | 'media' | 'site' | 'priority',
  code: string,
): I18nText {
  const key = `backup.${group}.${code}` as BackupMessageKey;
  return key in backupMessages ? tb(key) : { zh_cn: code, en_us: code };
}
