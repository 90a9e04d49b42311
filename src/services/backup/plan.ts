import type { BackupTarget } from '../../config/backup-targets';
import type { BackupFileDoc } from '../../db/backup-repo';
import type { PlanMaterial } from '../../db/backup-store-repo';
import {
  effectivePriority,
  omissionOf,
  orderByPriority,
  payloadPath,
  type BackupKind,
  type Omission,
  type Priority,
} from '../../domain/backup-rules';
import type { FileLocation } from './catalogue';

/** A material as a backup plan sees it: its effective priority and its activity's code. */
export interface PlanItem {
  id: string;
  activityId: string | undefined;
  activityCode: string | undefined;
  priority: Priority;
  createdAt: Date;
  sha256: string | undefined;
  size: number;
  blobId: string | undefined;
  fileName: string | undefined;
  archiveNo: string | undefined;
  omission: Omission | undefined;
  valueReason: string | undefined;
  material: PlanMaterial;
}

/** Turns stored materials into plan items, highest priority first (第二条). */
export function planItems(
  materials: readonly PlanMaterial[],
  activities: ReadonlyMap<string, { code: string }>,
  activityPriorities: ReadonlyMap<string, Priority>,
): PlanItem[] {
  const items = materials.map((m): PlanItem => {
    const activityId = m.activityId;
    const priority = effectivePriority(
      m.priority,
      activityId ? activityPriorities.get(activityId) : undefined,
    );
    return {
      id: m._id,
      activityId,
      activityCode: activityId ? activities.get(activityId)?.code : undefined,
      priority,
      createdAt: m.createdAt,
      sha256: m.sha256,
      size: m.size ?? 0,
      blobId: m.blobId,
      fileName: m.fileName,
      archiveNo: m.archiveNo,
      omission: omissionOf({ ...m, priority }, undefined),
      valueReason: m.valueReason ?? m.removeReason,
      material: m,
    };
  });
  return orderByPriority(items);
}

/** What one bag for one target will hold. */
export interface TargetPlan {
  materialIds: Set<string>;
  activityIds: Set<string> | 'all';
  /** Content to copy: one file per SHA-256, with every item it serves. */
  copies: { sha256: string; blobId: string; path: string; size: number; materialIds: string[] }[];
  /** Where every included file item's bytes will be (bag id of copies filled in by the caller). */
  locations: Map<string, Omit<FileLocation, 'bagId'> & { bagId: string | null }>;
  omitted: { id: string; reason: string; note?: string }[];
  /** Earlier bags of this target referenced by hash. */
  references: Set<string>;
  /** Items left for the next run (real-time byte budget). */
  deferred: number;
}

export interface PlanOptions {
  kind: BackupKind;
  /** The target's content so far (sha256 → where); ignored by a full run. */
  previous: ReadonlyMap<string, BackupFileDoc>;
  /** Real-time: items created after this were not yet due (the configured delay). */
  cutoff?: Date;
  /** Real-time: the previous real-time bag's cutoff (records without bytes since then are new). */
  lastCutoff?: Date;
  maxBytes?: number;
}

const hasBytes = (i: PlanItem) => i.omission === undefined;

/**
 * Decides a target's bag: which records its catalogue covers, which bytes are copied and which are
 * referenced by hash in an earlier bag of the same target (never for a full run), what is left out
 * and why. Pure; items come in priority order, so a byte budget keeps the most important first.
 */
export function planTarget(
  items: readonly PlanItem[],
  target: { priorities?: BackupTarget['priorities'] },
  opts: PlanOptions,
): TargetPlan {
  const filter = target.priorities;
  const realtime = opts.kind === 'realtime';
  const plan: TargetPlan = {
    materialIds: new Set(),
    activityIds: filter || realtime ? new Set() : 'all',
    copies: [],
    locations: new Map(),
    omitted: [],
    references: new Set(),
    deferred: 0,
  };
  const bySha = new Map<string, TargetPlan['copies'][number]>();
  const usedPaths = new Set<string>();
  let budget = opts.maxBytes ?? Number.POSITIVE_INFINITY;
  for (const item of items) {
    if (opts.cutoff && item.createdAt > opts.cutoff) continue;
    const isNew = !opts.lastCutoff || item.createdAt > opts.lastCutoff;
    if (item.omission === 'excluded' || item.omission === 'removed') {
      if (!realtime || isNew)
        plan.omitted.push({ id: item.id, reason: item.omission, note: item.valueReason });
      continue;
    }
    if (filter && !filter.includes(item.priority)) continue;
    const previous =
      opts.kind === 'full' || !item.sha256 ? undefined : opts.previous.get(item.sha256);
    // Real-time: bytes not yet on the target whatever their age (catch-up), records only when new.
    if (realtime && !isNew && !(hasBytes(item) && !previous)) continue;
    if (hasBytes(item) && !previous && !bySha.has(item.sha256!)) {
      if (item.size > budget && plan.copies.length > 0) {
        plan.deferred += 1;
        continue;
      }
      budget -= item.size;
      const path = uniquePath(payloadPath(item), item.sha256!, usedPaths);
      const copy = {
        sha256: item.sha256!,
        blobId: item.blobId!,
        path,
        size: item.size,
        materialIds: [],
      };
      bySha.set(item.sha256!, copy);
      plan.copies.push(copy);
    }
    include(plan, item, previous, bySha);
  }
  return plan;
}

function include(
  plan: TargetPlan,
  item: PlanItem,
  previous: BackupFileDoc | undefined,
  bySha: Map<string, TargetPlan['copies'][number]>,
): void {
  plan.materialIds.add(item.id);
  if (plan.activityIds !== 'all' && item.activityId) plan.activityIds.add(item.activityId);
  if (!hasBytes(item)) return;
  const base = { materialId: item.id, sha256: item.sha256!, size: item.size, blobId: item.blobId! };
  const copy = bySha.get(item.sha256!);
  if (copy) {
    copy.materialIds.push(item.id);
    plan.locations.set(item.id, { ...base, status: 'copied', bagId: null, path: copy.path });
  } else if (previous) {
    plan.references.add(previous.bagId);
    plan.locations.set(item.id, {
      ...base,
      status: 'referenced',
      bagId: previous.bagId,
      path: previous.path,
    });
  }
}

function uniquePath(path: string, sha256: string, used: Set<string>): string {
  let out = path;
  if (used.has(out)) out = path.replace(/(\.[a-z0-9]+)?$/, (ext) => `-${sha256.slice(0, 8)}${ext}`);
  used.add(out);
  return out;
}
