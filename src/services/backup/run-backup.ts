import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupTarget } from '../../config/backup-targets';
import type { BackupEntryDoc } from '../../db/backup-repo';
import { duplicateGroups, type BackupKind, type DuplicateGroup } from '../../domain/backup-rules';
import type { WrittenBag } from './bag-writer';
import { commitBag } from './commit-bag';
import { withLease, type BackupContext } from './context';
import { planItems, planTarget, type PlanItem, type TargetPlan } from './plan';

/** One target's outcome: a registered bag, or why none was written. */
export type TargetOutcome =
  | { targetId: string; status: 'written'; entry: BackupEntryDoc; damaged: WrittenBag['damaged'] }
  | { targetId: string; status: 'nothing-new' }
  | { targetId: string; status: 'failed'; error: string };

export interface BackupRunResult {
  kind: BackupKind;
  outcomes: TargetOutcome[];
  /** Content stored under more than one item, reported for value assessment before the run. */
  duplicates: DuplicateGroup[];
  deferred: number;
}

/** The targets a run writes to: those named, else every target whose kinds include the run's kind. */
export function targetsFor(ctx: BackupContext, kind: BackupKind, ids?: string[]): BackupTarget[] {
  if (!ids?.length) return ctx.settings.targets.filter((t) => t.kinds.includes(kind));
  return ids.map((id) => {
    const t = ctx.settings.targets.find((x) => x.id === id);
    if (!t)
      throw new Error(
        `unknown target "${id}" (targets: ${ctx.settings.targets.map((x) => x.id).join(', ')})`,
      );
    if (!t.kinds.includes(kind))
      throw new Error(`target ${id} does not take ${kind} backups (kinds: ${t.kinds.join(', ')})`);
    return t;
  });
}

/** Loads what every target's plan starts from: items in priority order and the duplicate report. */
export async function loadItems(
  ctx: BackupContext,
): Promise<{ items: PlanItem[]; duplicates: DuplicateGroup[] }> {
  const [materials, activities, priorities] = await Promise.all([
    ctx.store.planMaterials(),
    ctx.store.activityIndex(),
    ctx.custody.activityPriorities(),
  ]);
  const items = planItems(materials, activities, priorities);
  const duplicates = duplicateGroups(
    items
      .filter((i) => i.sha256 && i.omission !== 'removed' && i.omission !== 'no-file')
      .map((i) => ({
        id: i.id,
        sha256: i.sha256!,
        activityId: i.activityId,
        decision: i.material.valueDecision,
      })),
  );
  return { items, duplicates };
}

/**
 * A backup run (第四条): one bag per target, under the `backup` lease. Real-time bags hold the items
 * that arrived since the last one (after the configured delay, most important first, within the byte
 * budget); staged bags hold everything since the last bag of the target; full bags hold everything.
 * A target that fails leaves nothing behind and does not stop the others.
 */
export async function runBackup(
  ctx: BackupContext,
  opts: { kind: BackupKind; targetIds?: string[] },
): Promise<BackupRunResult> {
  const targets = targetsFor(ctx, opts.kind, opts.targetIds);
  return withLease(ctx, 'backup', async () => {
    const { items, duplicates } = await loadItems(ctx);
    const activities = await ctx.store.activityIndex();
    const activityCodes = new Map([...activities].map(([id, a]) => [id, a.code]));
    const outcomes: TargetOutcome[] = [];
    let deferred = 0;
    for (const target of targets) {
      await removeStaleTemps(target.path);
      try {
        const outcome = await backupTarget(ctx, target, opts.kind, items, activityCodes);
        deferred += outcome.deferred;
        outcomes.push(outcome.result);
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        ctx.log.error({ err, target: target.id, kind: opts.kind }, 'backup.target_failed');
        await ctx.repo.addEvent({
          type: 'run-failed',
          at: ctx.clock.now(),
          ok: false,
          summary: error,
          targetId: target.id,
          actor: ctx.actor,
        });
        outcomes.push({ targetId: target.id, status: 'failed', error });
      }
    }
    return { kind: opts.kind, outcomes, duplicates, deferred };
  });
}

/** Temporary folders of runs that died (we hold the lease, so none is in use). */
async function removeStaleTemps(root: string): Promise<void> {
  const names = await readdir(root).catch(() => [] as string[]);
  for (const name of names) {
    if (name.startsWith('.tmp-')) await rm(join(root, name), { recursive: true, force: true });
  }
}

async function backupTarget(
  ctx: BackupContext,
  target: BackupTarget,
  kind: BackupKind,
  items: PlanItem[],
  activityCodes: Map<string, string>,
): Promise<{ result: TargetOutcome; deferred: number }> {
  const now = ctx.clock.now();
  const lastRealtime = kind === 'realtime' ? await ctx.repo.latest(target.id, 'realtime') : null;
  const cutoff =
    kind === 'realtime'
      ? new Date(now.getTime() - ctx.settings.realtime.delayMinutes * 60_000)
      : undefined;
  const plan = planTarget(items, target, {
    kind,
    previous: kind === 'full' ? new Map() : await ctx.repo.filesOf(target.id),
    ...(cutoff ? { cutoff } : {}),
    ...(lastRealtime?.cutoff ? { lastCutoff: lastRealtime.cutoff } : {}),
    ...(kind === 'realtime' ? { maxBytes: ctx.settings.realtime.maxBytesPerRun } : {}),
  });
  if (await nothingNew(ctx, target, kind, plan)) {
    return { result: { targetId: target.id, status: 'nothing-new' }, deferred: plan.deferred };
  }
  const { entry, written } = await commitBag(ctx, {
    target,
    kind,
    plan,
    now,
    activityCodes,
    ...(cutoff ? { cutoff } : {}),
  });
  return {
    result: { targetId: target.id, status: 'written', entry, damaged: written.damaged },
    deferred: plan.deferred,
  };
}

/** A real-time or staged run with nothing to add writes no bag. */
async function nothingNew(
  ctx: BackupContext,
  target: BackupTarget,
  kind: BackupKind,
  plan: TargetPlan,
): Promise<boolean> {
  if (kind === 'full' || plan.copies.length > 0) return false;
  if (kind === 'realtime') return plan.materialIds.size === 0;
  const last = await ctx.repo.latest(target.id);
  if (!last) return false;
  const since = { $gt: last.createdAt };
  const changed =
    (await ctx.store.count('materials', { updatedAt: since })) +
    (await ctx.store.count('activities', { updatedAt: since })) +
    (await ctx.store.count('audit_events', { at: since }));
  return changed === 0;
}
