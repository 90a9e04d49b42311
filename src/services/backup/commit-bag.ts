import { randomBytes } from 'node:crypto';
import type { BackupTarget } from '../../config/backup-targets';
import type { BackupEntryDoc } from '../../db/backup-repo';
import { bagIdFor, type BagKind } from '../../domain/backup-rules';
import { formatInTz } from '../../domain/deadline';
import { writeBag, type WrittenBag } from './bag-writer';
import type { FileLocation } from './catalogue';
import type { BackupContext } from './context';
import type { TargetPlan } from './plan';

export interface CommitOptions {
  target: BackupTarget;
  kind: BagKind;
  plan: TargetPlan;
  now: Date;
  activityCodes: Map<string, string>;
  cutoff?: Date;
  /** Off-site yearly package: the year and the media label. */
  year?: number;
  mediaId?: string;
  extraInfo?: [string, string][];
  databaseDump?: boolean;
  scanAll?: boolean;
}

/**
 * Writes one planned bag into its target (temporary folder, then rename) and registers it with its
 * keeper, and for a sealed copy its seal number, date and sealer. Nothing is registered unless the
 * bag is complete in place.
 */
export async function commitBag(
  ctx: BackupContext,
  opts: CommitOptions,
): Promise<{ entry: BackupEntryDoc; written: WrittenBag }> {
  const { target, kind, plan, now, activityCodes, cutoff } = opts;
  const bagId = bagIdFor(target.id, kind, now, randomBytes(2).toString('hex'));
  const keeper = (await ctx.repo.currentKeeper(target.id)) ?? target.keeper;
  const seal = target.role === 'sealed' ? await sealFor(ctx, target, now) : undefined;
  const blobs = await ctx.store.gridFiles(
    plan.copies
      .map((c) => c.blobId)
      .concat(
        [...plan.locations.values()].filter((l) => l.status === 'referenced').map((l) => l.blobId),
      ),
  );
  const locations = new Map<string, FileLocation>();
  for (const [id, loc] of plan.locations) locations.set(id, { ...loc, bagId: loc.bagId ?? bagId });
  const started = Date.now();
  const written = await writeBag(
    ctx.store,
    {
      bagId,
      root: target.path,
      label: `${kind} → ${target.id}`,
      scanAll: opts.scanAll ?? (kind === 'full' && !target.priorities),
      payload: plan.copies.map((c) => ({
        blobId: c.blobId,
        path: c.path,
        length: blobs.get(c.blobId)?.length ?? c.size,
        chunkSize: blobs.get(c.blobId)?.chunkSize ?? 255 * 1024,
        sha256: c.sha256,
        materialIds: c.materialIds,
      })),
      catalogue: {
        activityIds: plan.activityIds,
        materialIds: plan.materialIds,
        locations,
        omitted: plan.omitted,
        blobs,
        activityCodes,
        databaseDump: opts.databaseDump ?? kind === 'full',
      },
      info: (oxum, size) =>
        bagInfo(ctx, {
          target,
          kind,
          bagId,
          keeper,
          seal,
          plan,
          oxum,
          size,
          now,
          extraInfo: opts.extraInfo ?? [],
        }),
    },
    {
      ...(ctx.progress ? { progress: ctx.progress } : {}),
      ...(ctx.hooks?.beforeChunk ? { beforeChunk: ctx.hooks.beforeChunk } : {}),
    },
  );
  const entry = await register(ctx, {
    target,
    kind,
    keeper,
    seal,
    plan,
    written,
    now,
    cutoff,
    durationMs: Date.now() - started,
    ...(opts.year !== undefined ? { year: opts.year } : {}),
    ...(opts.mediaId ? { mediaId: opts.mediaId } : {}),
  });
  ctx.log.info(
    { bagId, target: target.id, kind, files: entry.files, bytes: entry.bytes },
    'backup.bag_written',
  );
  return { entry, written };
}

async function sealFor(ctx: BackupContext, target: BackupTarget, now: Date) {
  const year = Number(formatInTz(now, ctx.tz, 'YYYY'));
  const seq = await ctx.repo.nextSeq(`seal:${target.id}:${year}`);
  return {
    number: `FC-${target.id}-${year}-${String(seq).padStart(4, '0')}`,
    date: now,
    sealer: target.sealer ?? target.keeper,
  };
}

function bagInfo(
  ctx: BackupContext,
  v: {
    target: BackupTarget;
    kind: BagKind;
    bagId: string;
    keeper: string;
    seal: Awaited<ReturnType<typeof sealFor>> | undefined;
    plan: TargetPlan;
    oxum: string;
    size: string;
    now: Date;
    extraInfo: [string, string][];
  },
): [string, string][] {
  const t = v.target;
  const fields: [string, string][] = [
    ['Source-Organization', ctx.settings.organization],
    ['Bagging-Date', formatInTz(v.now, ctx.tz, 'YYYY-MM-DD')],
    ['Payload-Oxum', v.oxum],
    ['Bag-Size', v.size],
    ['External-Identifier', v.bagId],
    ['Bag-Group-Identifier', t.id],
    ['Internal-Sender-Description', `活动归档助手 ${v.kind} backup / 备份`],
    ['Backup-Kind', v.kind],
    ['Copy-Role', t.role],
    ['Backup-Target', `${t.id} (${t.name})`],
    ['Media-Type', t.media],
    ['Storage-Location', `${t.site} ${t.place}`],
    ['Keeper', `${v.keeper} (${ctx.nameOf(v.keeper)})`],
    ['Bagging-Time', v.now.toISOString()],
    ['Items-Copied', String(v.plan.copies.reduce((n, c) => n + c.materialIds.length, 0))],
    [
      'Items-Referenced',
      String([...v.plan.locations.values()].filter((l) => l.status === 'referenced').length),
    ],
    ['Items-Omitted', String(v.plan.omitted.length)],
  ];
  if (v.plan.references.size)
    fields.push(['Referenced-Bags', [...v.plan.references].sort().join(' ')]);
  if (t.priorities) fields.push(['Priorities', t.priorities.join(' ')]);
  fields.push(...v.extraInfo);
  if (v.seal) {
    fields.push(
      ['Seal-Number', v.seal.number],
      ['Seal-Date', formatInTz(v.seal.date, ctx.tz, 'YYYY-MM-DD')],
      ['Sealer', `${v.seal.sealer} (${ctx.nameOf(v.seal.sealer)})`],
    );
  }
  return fields;
}

async function register(
  ctx: BackupContext,
  v: {
    target: BackupTarget;
    kind: BagKind;
    keeper: string;
    seal: BackupEntryDoc['seal'];
    plan: TargetPlan;
    written: WrittenBag;
    now: Date;
    cutoff: Date | undefined;
    durationMs: number;
    year?: number;
    mediaId?: string;
  },
): Promise<BackupEntryDoc> {
  const t = v.target;
  const locations = [...v.plan.locations.values()];
  const entry: BackupEntryDoc = {
    _id: v.written.bagId,
    kind: v.kind,
    targetId: t.id,
    targetName: t.name,
    media: t.media,
    site: t.site,
    place: t.place,
    role: t.role,
    online: t.online,
    path: v.written.path,
    files: v.written.files,
    bytes: v.written.bytes,
    copied: locations.filter((l) => l.status === 'copied').length - v.written.damaged.length,
    referenced: locations.filter((l) => l.status === 'referenced').length,
    records: v.written.records,
    tagDigest: v.written.tagDigest,
    references: [...v.plan.references].sort(),
    createdAt: v.now,
    durationMs: v.durationMs,
    keeper: v.keeper,
    ...(v.seal ? { seal: v.seal } : {}),
    ...(t.priorities ? { priorities: t.priorities } : {}),
    ...(v.cutoff ? { cutoff: v.cutoff } : {}),
    ...(v.year !== undefined ? { year: v.year } : {}),
    ...(v.mediaId ? { mediaId: v.mediaId } : {}),
    ...(v.written.damaged.length ? { damaged: v.written.damaged.map((d) => d.materialId) } : {}),
  };
  await ctx.repo.register(
    entry,
    v.written.stored.map((s) => ({
      targetId: t.id,
      sha256: s.sha256,
      bagId: entry._id,
      path: s.path,
      size: s.size,
      at: v.now,
    })),
  );
  return entry;
}
