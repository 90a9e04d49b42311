import { complianceOf } from '../../config/backup-targets';
import type { BackupEntryDoc, BackupEventDoc } from '../../db/backup-repo';
import { reviewFigures, type ReviewFigures } from '../../domain/backup-review';
import { formatInTz } from '../../domain/deadline';
import { tbLabel } from '../../i18n/messages-backup';
import type { BackupContext } from './context';
import { addTableSheet, gb, newWorkbook } from './xlsx';

/** Everything the register holds, optionally limited to one year (in the business time zone). */
export async function registerData(ctx: BackupContext, year?: number) {
  const inYear = (d: Date | undefined) =>
    year === undefined || (d !== undefined && Number(formatInTz(d, ctx.tz, 'YYYY')) === year);
  const [
    entries,
    fixity,
    store,
    repairs,
    drills,
    restores,
    keepers,
    approvals,
    access,
    deliveries,
    pending,
  ] = await Promise.all([
    ctx.repo.list(),
    ctx.repo.eventsOf('fixity'),
    ctx.repo.eventsOf('store-fixity'),
    ctx.repo.eventsOf('repair'),
    ctx.repo.eventsOf('drill'),
    ctx.repo.eventsOf('restore'),
    ctx.repo.keeperHandovers(),
    ctx.custody.listApprovals(),
    ctx.custody.accessLog(),
    ctx.custody.deliveriesOf(year),
    ctx.repo.pending(),
  ]);
  const byAt = <T extends { at: Date }>(l: T[]) => l.filter((x) => inYear(x.at));
  return {
    entries: entries.filter((e) => inYear(e.createdAt)).reverse(),
    fixity: byAt(fixity).reverse(),
    store: byAt(store).reverse(),
    repairs: byAt(repairs).reverse(),
    drills: byAt(drills).reverse(),
    restores: byAt(restores).reverse(),
    keepers: byAt(keepers),
    approvals: byAt(approvals),
    access: byAt(access),
    deliveries,
    pending,
  };
}

/** The year's review figures (第十二条). */
export async function annualReview(ctx: BackupContext, year: number): Promise<ReviewFigures> {
  const d = await registerData(ctx, year);
  return reviewFigures({
    entries: d.entries,
    fixity: d.fixity,
    storeChecks: d.store,
    repairs: d.repairs,
    drills: d.drills,
    deliveries: d.deliveries.length,
    access: d.access,
    pending: d.pending.length,
    compliance: complianceOf(ctx.settings.targets),
  });
}

const ENTRY_COLUMNS = [
  ['序号', 6],
  ['备份包编号', 44],
  ['类型', 14],
  ['存储位置', 16],
  ['副本', 6],
  ['介质', 10],
  ['存放地点', 14],
  ['文件数', 8],
  ['档案文件(复制/引用)', 16],
  ['数据量(GB)', 11],
  ['标签清单摘要(SHA-256)', 68],
  ['备份时间', 17],
  ['保管人', 14],
  ['确认时间', 17],
  ['封存号', 24],
  ['封存日期', 11],
  ['封存人', 12],
  ['最近检测', 17],
  ['检测结果', 40],
] as const;

/**
 * Writes the register (备份登记表) as XLSX: the entries with keeper, confirmation and seal, then the
 * fixity checks, repairs/drills/restores, sealed-copy approvals and access log, keeper hand-overs and
 * off-site deliveries. With `year`, a review sheet comes first and every sheet covers that year.
 */
export async function writeRegisterXlsx(
  ctx: BackupContext,
  file: string,
  year?: number,
): Promise<void> {
  const d = await registerData(ctx, year);
  const at = (x: Date | undefined) => (x ? formatInTz(x, ctx.tz) : '');
  const who = (id: string | undefined) => (id ? ctx.nameOf(id) : '');
  const wb = newWorkbook(ctx.settings.organization, ctx.clock.now());
  const c = complianceOf(ctx.settings.targets);
  if (year !== undefined) reviewSheet(wb, year, await annualReview(ctx, year));
  addTableSheet(
    wb,
    '备份登记表',
    [
      `备份登记表${year ? `（${year} 年度）` : ''}`,
      `单位：${ctx.settings.organization}\u3000登记表保管人：${who(ctx.settings.keeper)}\u3000异地：${c.offsite ? '是' : '否'}\u3000异质：${c.differentMedia ? '是' : '否'}\u3000制表：${at(ctx.clock.now())}`,
    ],
    ENTRY_COLUMNS.map(([header, width]) => ({ header, width })),
    d.entries.map((e: BackupEntryDoc, i) => [
      i + 1,
      e._id,
      tbLabel('kind', e.kind).zh_cn,
      e.targetName,
      tbLabel('role', e.role).zh_cn,
      tbLabel('media', e.media).zh_cn,
      `${tbLabel('site', e.site).zh_cn} ${e.place}`,
      e.files,
      `${e.copied}/${e.referenced}`,
      gb(e.bytes),
      e.tagDigest,
      at(e.createdAt),
      who(e.keeper),
      e.confirmedAt ? at(e.confirmedAt) : '待确认',
      e.seal?.number ?? '',
      e.seal ? formatInTz(e.seal.date, ctx.tz, 'YYYY-MM-DD') : '',
      who(e.seal?.sealer),
      at(e.lastFixity?.at),
      e.lastFixity ? e.lastFixity.summary : '',
    ]),
  );
  const events = (name: string, list: BackupEventDoc[]) =>
    addTableSheet(
      wb,
      name,
      [],
      [
        { header: '时间', width: 17 },
        { header: '类型', width: 12 },
        { header: '备份包', width: 44 },
        { header: '结果', width: 8 },
        { header: '说明', width: 80 },
        { header: '执行者', width: 20 },
      ],
      list.map((e) => [
        at(e.at),
        e.type,
        e.bagId ?? '',
        e.ok ? '通过' : '未通过',
        e.summary,
        e.actor,
      ]),
    );
  events('检测记录', [...d.fixity, ...d.store]);
  events('修复演练恢复', [...d.repairs, ...d.drills, ...d.restores]);
  addTableSheet(
    wb,
    '封存查阅',
    ['封存副本查阅批准与记录（第九条）'],
    [
      { header: '时间', width: 17 },
      { header: '事项', width: 10 },
      { header: '存储位置/备份包', width: 44 },
      { header: '用途', width: 10 },
      { header: '批准人/执行者', width: 20 },
      { header: '结果/理由', width: 40 },
    ],
    [
      ...d.approvals.map((a) => [
        at(a.at),
        '批准',
        a.bagId ?? a.targetId,
        a.purposes.join(' '),
        who(a.approvedBy),
        a.reason,
      ]),
      ...d.access.map((a) => [
        at(a.at),
        '查阅',
        a.bagId,
        a.purpose,
        a.actor,
        a.allowed ? `准许（${a.approvalId ?? ''}）` : '拒绝：无批准',
      ]),
    ],
  );
  addTableSheet(
    wb,
    '保管人交接',
    ['保管人交接记录（第十条）'],
    [
      { header: '时间', width: 17 },
      { header: '存储位置', width: 16 },
      { header: '移交人', width: 14 },
      { header: '接收人', width: 14 },
      { header: '备注', width: 40 },
    ],
    d.keepers.map((k) => [
      at(k.at),
      k.targetId === '*' ? '登记表' : k.targetId,
      who(k.from),
      who(k.to),
      k.note ?? '',
    ]),
  );
  addTableSheet(
    wb,
    '异地报送',
    ['异地备份报送记录（第五条至第七条）'],
    [
      { header: '编号', width: 12 },
      { header: '年度', width: 6 },
      { header: '备份包', width: 50 },
      { header: '介质编号', width: 16 },
      { header: '启运', width: 17 },
      { header: '到达', width: 17 },
      { header: '核查', width: 17 },
      { header: '核查人', width: 12 },
      { header: '结果', width: 8 },
      { header: '协议书编号', width: 16 },
    ],
    d.deliveries.map((x) => [
      x._id,
      x.year,
      x.bagIds.join('\n'),
      x.mediaId,
      at(x.departedAt),
      at(x.arrivedAt),
      at(x.checkedAt),
      x.checkedBy ?? '',
      x.checkedAt ? (x.checkOk ? '相符' : '不符') : '',
      x.agreementNo ?? '',
    ]),
  );
  await wb.xlsx.writeFile(file);
}

function reviewSheet(wb: ReturnType<typeof newWorkbook>, year: number, f: ReviewFigures): void {
  const ws = addTableSheet(
    wb,
    '年度评价',
    [`${year} 年度备份工作评价（第十二条）`],
    [
      { header: '类型', width: 16 },
      { header: '存储位置', width: 20 },
      { header: '次数', width: 8 },
      { header: '数据量(GB)', width: 12 },
    ],
    f.made.map((m) => [tbLabel('kind', m.kind).zh_cn, m.targetId, m.count, gb(m.bytes)]),
  );
  ws.addRow([]);
  for (const [label, value] of [
    ['检测通过', f.fixityPassed],
    ['检测未通过', f.fixityFailed],
    ['在线存储复核', f.storeChecks],
    ['在线存储复核未通过', f.storeFailed],
    ['修复', f.repairs],
    ['恢复演练', f.drills],
    ['演练通过', f.drillsOk],
    ['异地报送', f.deliveries],
    ['封存副本查阅', f.sealedReads],
    ['封存查阅被拒', f.sealedRefused],
    ['待确认登记', f.pending],
    ['异地', f.offsite ? '是' : '否'],
    ['异质', f.differentMedia ? '是' : '否'],
    ['异地异质合规', f.compliant ? '是' : '否'],
  ] as const)
    ws.addRow([label, '', value]);
}
