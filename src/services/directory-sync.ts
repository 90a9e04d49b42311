import { randomUUID } from 'node:crypto';
import type { DirectoryRepo } from '../db/directory-repo';
import type { DirectorySyncRepo, SyncPlan } from '../db/directory-sync-repo';
import type { Directory } from '../domain/directory';
import {
  isEmptySync,
  planDirectorySync,
  type OrgChart,
  type SyncChanges,
} from '../domain/directory-sync';
import type { FeishuApi } from '../feishu/api';
import { readOrgChart, type ReadProgress } from '../feishu/contacts';

/** What proposing and applying a sync needs (the CLI has no messenger; the bot passes its deps). */
export interface SyncContext {
  api: FeishuApi;
  directory: DirectoryRepo;
  plans: DirectorySyncRepo;
}

export interface Proposal {
  planId: string;
  changes: SyncChanges;
  /** Display names of everyone the changes mention (Feishu's, else the directory's). */
  names: Record<string, string>;
  empty: boolean;
}

/** Names for the people a list of changes mentions. */
function namesFor(changes: SyncChanges, org: OrgChart, dir: Directory): Record<string, string> {
  const mentioned = new Set<string>([
    ...changes.unitsAdded.flatMap((u) => (u.leaderInCharge ? [u.leaderInCharge] : [])),
    ...changes.unitsChanged.flatMap((c) =>
      [c.before.leaderInCharge, c.after.leaderInCharge].filter((x): x is string => Boolean(x)),
    ),
    ...changes.peopleDeactivated.map((p) => p.openId),
    ...changes.departedWithRoles.map((p) => p.openId),
  ]);
  const names: Record<string, string> = {};
  for (const p of dir.people) if (p.name && mentioned.has(p.openId)) names[p.openId] = p.name;
  for (const u of org.users) if (mentioned.has(u.openId)) names[u.openId] = u.name;
  return names;
}

/**
 * Reads the whole org chart from Feishu (nothing is written while reading: a read that fails halfway
 * — a missing scope, the network — leaves no trace), compares it with today's directory and stores
 * the proposal for an admin to apply. Throws `MissingScopeError` naming the scope when one is missing.
 */
export async function proposeSync(
  ctx: SyncContext,
  requestedBy: string,
  now: Date,
  progress?: ReadProgress,
): Promise<Proposal> {
  const org = await readOrgChart(ctx.api, progress);
  const { directory, revision } = await ctx.directory.read();
  const changes = planDirectorySync(org, directory);
  const names = namesFor(changes, org, directory);
  const planId = `sync-${now.toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}`;
  await ctx.plans.insert({
    id: planId,
    requestedBy,
    baseRevision: revision,
    changes,
    names,
    createdAt: now,
  });
  return { planId, changes, names, empty: isEmptySync(changes) };
}

export type ApplyOutcome =
  | { status: 'applied'; plan: SyncPlan }
  | { status: 'already_applied' | 'discarded' | 'stale'; plan: SyncPlan }
  | { status: 'not_found' };

/**
 * Applies a stored proposal once. Refused (`stale`) when the directory was imported or synced after
 * the proposal was computed: applying it would undo that change; sync again. A run interrupted after
 * it began (`applying`) is finished by running it again: every write sets a final value.
 */
export async function applySyncPlan(
  ctx: SyncContext,
  planId: string,
  by: string,
  now: Date,
): Promise<ApplyOutcome> {
  const plan = await ctx.plans.get(planId);
  if (!plan) return { status: 'not_found' };
  if (plan.status === 'applied') return { status: 'already_applied', plan };
  if (plan.status === 'discarded') return { status: 'discarded', plan };
  if (plan.status === 'proposed') {
    if ((await ctx.directory.revision()) !== plan.baseRevision) return { status: 'stale', plan };
    await ctx.plans.setStatus(planId, 'applying', by, now);
  }
  await ctx.directory.applySync(plan.changes, now);
  await ctx.plans.setStatus(planId, 'applied', by, now);
  return { status: 'applied', plan: { ...plan, status: 'applied', decidedBy: by, decidedAt: now } };
}

/** Drops a proposal that was not applied; false when it already was (or is being) applied. */
export async function discardSyncPlan(
  ctx: SyncContext,
  planId: string,
  by: string,
  now: Date,
): Promise<SyncPlan | undefined> {
  const plan = await ctx.plans.get(planId);
  if (!plan || plan.status !== 'proposed') return plan;
  await ctx.plans.setStatus(planId, 'discarded', by, now);
  return { ...plan, status: 'discarded', decidedBy: by, decidedAt: now };
}

const line = (text: string) => `  ${text}`;

/** The changes as plain text, one line each (the CLI prints it; names as Feishu has them). */
export function formatSyncChanges(c: SyncChanges, names: (openId: string) => string): string {
  const who = (id: string | undefined) => (id ? `${names(id)} (${id})` : '—');
  const out: string[] = [];
  const section = (title: string, rows: string[]) => {
    if (rows.length === 0) return;
    out.push(`${title} (${rows.length}):`, ...rows.map(line));
  };
  section(
    'units added',
    c.unitsAdded.map(
      (u) =>
        `+ ${u.code} ${u.name}, leader in charge ${who(u.leaderInCharge)}${u.generatedCode ? ' [code made up: set one in the directory file to change it]' : ''}`,
    ),
  );
  section(
    'units changed',
    c.unitsChanged.map((ch) => {
      const parts: string[] = [];
      if (ch.before.name !== ch.after.name) parts.push(`name ${ch.before.name} → ${ch.after.name}`);
      if (ch.before.leaderInCharge !== ch.after.leaderInCharge)
        parts.push(
          `leader in charge ${who(ch.before.leaderInCharge)} → ${who(ch.after.leaderInCharge)}`,
        );
      if (!ch.before.active) parts.push('active again');
      if (parts.length === 0) parts.push('linked to its Feishu department');
      return `~ ${ch.after.code}: ${parts.join('; ')}`;
    }),
  );
  section(
    'units deactivated (department gone)',
    c.unitsDeactivated.map((u) => `- ${u.code} ${u.name}`),
  );
  section(
    'people added',
    c.peopleAdded.map((p) => `+ ${p.name} (${p.openId})${p.unit ? `, ${p.unit}` : ''}`),
  );
  section(
    'people changed',
    c.peopleChanged.map((ch) => {
      const parts: string[] = [];
      if (ch.before.name !== ch.after.name)
        parts.push(`name ${ch.before.name ?? '—'} → ${ch.after.name}`);
      if (ch.before.unit !== ch.after.unit)
        parts.push(`unit ${ch.before.unit ?? '—'} → ${ch.after.unit ?? '—'}`);
      if (ch.before.active === false) parts.push('back in the contacts');
      return `~ ${ch.after.name} (${ch.after.openId}): ${parts.join('; ')}`;
    }),
  );
  section(
    'people deactivated (no longer in the contacts)',
    c.peopleDeactivated.map((p) => `- ${p.name ?? p.openId} (${p.openId})`),
  );
  section(
    'warning: people who left still hold a role the directory file gives them',
    c.departedWithRoles.map(
      (d) =>
        `! ${d.name ?? d.openId} (${d.openId}): ${d.roles.map((r) => ('unit' in r ? `${r.role} of ${r.unit}` : r.role)).join(', ')}`,
    ),
  );
  return out.length > 0 ? out.join('\n') : 'nothing to change: the directory matches the contacts';
}
