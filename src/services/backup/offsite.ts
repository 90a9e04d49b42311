import { join } from 'node:path';
import type { BackupTarget } from '../../config/backup-targets';
import type { OffsiteDeliveryDoc } from '../../db/backup-custody-repo';
import type { BackupEntryDoc } from '../../db/backup-repo';
import { formatInTz } from '../../domain/deadline';
import { tbLabel } from '../../i18n/messages-backup';
import { commitBag } from './commit-bag';
import { withLease, type BackupContext } from './context';
import { planTarget } from './plan';
import { loadItems } from './run-backup';
import { addTableSheet, gb, newWorkbook } from './xlsx';

export interface OffsitePackage {
  delivery: OffsiteDeliveryDoc;
  entry: BackupEntryDoc;
  bags: BackupEntryDoc[];
}

/** The off-site target: the one named, else the only full off-site copy in the configuration. */
function offsiteTarget(ctx: BackupContext, targetId?: string): BackupTarget {
  const candidates = ctx.settings.targets.filter((t) =>
    targetId ? t.id === targetId : t.site === 'off-site' && !t.priorities,
  );
  if (candidates.length === 1) return candidates[0]!;
  if (targetId) throw new Error(`unknown target "${targetId}"`);
  throw new Error(
    candidates.length === 0
      ? 'no off-site target is configured (location.site: off-site)'
      : `several off-site targets (${candidates.map((t) => t.id).join(', ')}): choose one with --target`,
  );
}

/**
 * The yearly package for the off-site base (第五条–第七条): a bag of the year's accepted archives
 * (items with archive numbers, of activities of that year) and their catalogue, written to the
 * off-site target, plus the delivery list (异地备份档案清单) naming every bag of that target that
 * year with its digest and media id, for the receiving side to check and sign.
 */
export async function buildOffsitePackage(
  ctx: BackupContext,
  opts: { year: number; targetId?: string; mediaId?: string },
): Promise<OffsitePackage> {
  const target = offsiteTarget(ctx, opts.targetId);
  return withLease(ctx, 'backup', async () => {
    const now = ctx.clock.now();
    const activities = await ctx.store.activityIndex();
    const { items } = await loadItems(ctx);
    const accepted = items.filter(
      (i) => i.archiveNo && i.activityId && activities.get(i.activityId)?.year === opts.year,
    );
    if (accepted.length === 0) {
      throw new Error(
        `no accepted archives of ${opts.year} yet (items get archive numbers when a handover is accepted)`,
      );
    }
    const plan = planTarget(
      accepted,
      { priorities: undefined },
      { kind: 'full', previous: new Map() },
    );
    plan.activityIds = new Set(accepted.map((i) => i.activityId!));
    const mediaId = opts.mediaId ?? `${target.id}-${opts.year}`;
    const { entry } = await commitBag(ctx, {
      target,
      kind: 'offsite',
      plan,
      now,
      activityCodes: new Map([...activities].map(([id, a]) => [id, a.code])),
      year: opts.year,
      mediaId,
      extraInfo: [
        ['Offsite-Year', String(opts.year)],
        ['Media-Identifier', mediaId],
      ],
      databaseDump: false,
      scanAll: false,
    });
    const delivered = new Set((await ctx.custody.deliveriesOf()).flatMap((d) => d.bagIds));
    const others = (await ctx.repo.list({ targetId: target.id })).filter(
      (e) =>
        e._id !== entry._id &&
        !delivered.has(e._id) &&
        Number(formatInTz(e.createdAt, ctx.tz, 'YYYY')) === opts.year,
    );
    const bags = [entry, ...others.reverse()];
    const seq = await ctx.repo.nextSeq(`offsite:${opts.year}`);
    const id = `OD-${opts.year}-${String(seq).padStart(2, '0')}`;
    const listFile = join(target.path, `异地备份档案清单-${id}.xlsx`);
    await writeDeliveryList(ctx, listFile, { id, year: opts.year, target, mediaId, bags, now });
    const delivery: OffsiteDeliveryDoc = {
      _id: id,
      year: opts.year,
      targetId: target.id,
      bagIds: bags.map((b) => b._id),
      mediaId,
      listFile,
      createdAt: now,
      createdBy: ctx.actor,
    };
    await ctx.custody.addDelivery(delivery);
    return { delivery, entry, bags };
  });
}

const DELIVERY_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '备份包编号', width: 44 },
  { header: '类型', width: 14 },
  { header: '副本', width: 8 },
  { header: '文件数', width: 8 },
  { header: '数据量(GB)', width: 12 },
  { header: 'Payload-Oxum', width: 22 },
  { header: '标签清单摘要(SHA-256)', width: 68 },
  { header: '介质编号', width: 18 },
  { header: '核查结果', width: 12 },
  { header: '备注', width: 16 },
];

async function writeDeliveryList(
  ctx: BackupContext,
  file: string,
  v: {
    id: string;
    year: number;
    target: BackupTarget;
    mediaId: string;
    bags: BackupEntryDoc[];
    now: Date;
  },
): Promise<void> {
  const wb = newWorkbook(ctx.settings.organization, v.now);
  const ws = addTableSheet(
    wb,
    '异地备份档案清单',
    [
      `异地备份档案清单（${v.year} 年度）`,
      `清单编号：${v.id}\u3000报送单位：${ctx.settings.organization}\u3000接收地点：${v.target.place}`,
      `介质：${tbLabel('media', v.target.media).zh_cn}\u3000介质编号：${v.mediaId}\u3000制表日期：${formatInTz(v.now, ctx.tz, 'YYYY-MM-DD')}\u3000协议书编号：________`,
      '核查方法：接收方在备份包目录运行 `sha256sum -c manifest-sha256.txt` 或 `npm run backup:verify -- <备份包> --offline`，核对标签清单摘要。',
    ],
    DELIVERY_COLUMNS,
    v.bags.map((b, i) => [
      i + 1,
      b._id,
      tbLabel('kind', b.kind).zh_cn,
      tbLabel('role', b.role).zh_cn,
      b.files,
      gb(b.bytes),
      `${b.bytes}.${b.files}`,
      b.tagDigest,
      b.mediaId ?? v.mediaId,
      '',
      '',
    ]),
  );
  const total = v.bags.reduce((n, b) => n + b.bytes, 0);
  ws.addRow([]);
  ws.addRow([
    '合计',
    `${v.bags.length} 个备份包`,
    '',
    '',
    v.bags.reduce((n, b) => n + b.files, 0),
    gb(total),
  ]);
  ws.addRow([]);
  ws.addRow(['移交人（签字）：', '', '', '接收人（签字）：', '', '', '核查人（签字）：']);
  ws.addRow(['日期：', '', '', '日期：', '', '', '日期：']);
  await wb.xlsx.writeFile(file);
}

export type DeliveryStep = 'departed' | 'arrived' | 'checked';

/**
 * Records a delivery's way on the register: departure, arrival, then the check at the other side
 * (hashes re-verified there with the same verify command) with the agreement number and who checked.
 */
export async function recordDeliveryStep(
  ctx: BackupContext,
  id: string,
  step: DeliveryStep,
  v: { by: string; at?: Date; agreementNo?: string; ok?: boolean; note?: string },
): Promise<OffsiteDeliveryDoc> {
  const d = await ctx.custody.delivery(id);
  if (!d) throw new Error(`no off-site delivery ${id}`);
  const at = v.at ?? ctx.clock.now();
  if (step === 'departed')
    await ctx.custody.updateDelivery(id, { departedAt: at, departedBy: v.by });
  if (step === 'arrived') {
    if (!d.departedAt) throw new Error(`${id} has not departed yet (record --departed first)`);
    await ctx.custody.updateDelivery(id, { arrivedAt: at, arrivedBy: v.by });
  }
  if (step === 'checked') {
    if (!d.arrivedAt) throw new Error(`${id} has not arrived yet (record --arrived first)`);
    if (!v.agreementNo)
      throw new Error('the check after arrival needs the agreement number (--agreement)');
    await ctx.custody.updateDelivery(id, {
      checkedAt: at,
      checkedBy: v.by,
      checkOk: v.ok ?? true,
      agreementNo: v.agreementNo,
      ...(v.note ? { checkNote: v.note } : {}),
    });
  }
  return (await ctx.custody.delivery(id))!;
}
