/**
 * The admins' side of the directory in chat: the `通讯录` card, and the sync from Feishu's contacts as
 * two inbox tasks (reading the contacts and applying a plan take longer than a card callback may).
 */
import type { DirectoryAdminView } from '../../cards/directory-admin';
import {
  directorySyncCard,
  syncScopeMissingCard,
  type SyncPlanState,
} from '../../cards/directory-sync';
import { noticeCard } from '../../cards/notice';
import type { AppDeps } from '../app/deps';
import { OFFICIAL_DATA_SOURCE } from '../config/work-calendar';
import type { SyncPlan } from '../db/directory-sync-repo';
import { formatInTz } from '../domain/deadline';
import { missingYears } from '../domain/work-calendar';
import { dayIn } from '../domain/zoned';
import { MissingScopeError } from '../feishu/contacts';
import { FeishuApiError } from '../feishu/errors';
import { tdir } from '../i18n/messages-directory';
import { applySyncPlan, proposeSync, type SyncContext } from './directory-sync';

/** Inbox task: read the contacts and send the proposal to the admin who asked. */
export const SYNC_PROPOSE_TASK = 'task.directory_sync_propose';
/** Inbox task: apply a proposal (one task per plan). */
export const SYNC_APPLY_TASK = 'task.directory_sync_apply';

export const syncContextOf = (deps: AppDeps): SyncContext => ({
  api: deps.api,
  directory: deps.repos.directory,
  plans: deps.repos.directorySync,
});

/** The `通讯录` card's figures: the directory, the last sync, the work calendar's reach. */
export async function directoryAdminView(deps: AppDeps): Promise<DirectoryAdminView> {
  const [dir, lastSync] = await Promise.all([
    deps.directory.load(),
    deps.repos.directory.lastSyncAt(),
  ]);
  const active = dir.units.filter((u) => u.active);
  const now = deps.clock.now();
  return {
    units: active.length,
    linked: active.filter((u) => u.departmentId).length,
    people: dir.people.filter((p) => p.active !== false).length,
    departed: dir.people.filter((p) => p.active === false).length,
    archivists: dir.archivists.length,
    admins: dir.admins.length,
    ...(lastSync ? { lastSync: formatInTz(lastSync, deps.config.tz, 'YYYY-MM-DD HH:mm') } : {}),
    calendar: {
      lastKnownYear: deps.calendar.knownYears().at(-1) ?? 0,
      source: OFFICIAL_DATA_SOURCE,
      missingYears: missingYears(deps.calendar, dayIn(now, deps.config.tz)),
    },
  };
}

/** How a stored plan shows now. */
export function planState(
  plan: SyncPlan,
  tz: string,
  names: Record<string, string>,
): SyncPlanState {
  switch (plan.status) {
    case 'applied':
      return {
        state: 'applied',
        by: names[plan.decidedBy ?? ''] ?? plan.decidedBy ?? '',
        at: plan.decidedAt ? formatInTz(plan.decidedAt, tz, 'YYYY-MM-DD HH:mm') : '',
      };
    case 'applying':
      return { state: 'applying' };
    case 'discarded':
      return { state: 'discarded' };
    case 'proposed':
      return { state: 'proposed' };
  }
}

/**
 * Reads the contacts and sends the admin the list of changes (with apply / discard). A missing
 * scope is answered with a card naming it; nothing is stored then.
 */
export async function runSyncPropose(
  payload: { operator: string },
  recordId: string,
  deps: AppDeps,
): Promise<void> {
  const to = { openId: payload.operator };
  let proposal;
  try {
    proposal = await proposeSync(syncContextOf(deps), payload.operator, deps.clock.now());
  } catch (err) {
    if (err instanceof FeishuApiError && !err.retryable) {
      // Retrying will not help (a refused department, a bad request): say so, store nothing.
      deps.log.warn({ code: err.feishuCode, kind: err.kind }, 'directory.sync.refused');
      const title = tdir('sync.scope.title');
      const body = tdir('sync.failed.body', {
        reason: `${err.kind} ${err.feishuCode ?? ''}`.trim(),
      });
      await deps.messenger.sendCard(to, noticeCard(title, body, 'red'), `${recordId}:failed`);
      return;
    }
    if (!(err instanceof MissingScopeError)) throw err;
    deps.log.warn({ scopes: err.scopes, op: err.operation }, 'directory.sync.scope_missing');
    await deps.messenger.sendCard(to, syncScopeMissingCard(err.scopes), `${recordId}:scope`);
    return;
  }
  deps.log.info({ planId: proposal.planId, empty: proposal.empty }, 'directory.sync.proposed');
  const card = directorySyncCard({
    planId: proposal.planId,
    changes: proposal.changes,
    names: proposal.names,
    status: { state: 'proposed' },
  });
  await deps.messenger.sendCard(to, card, `${recordId}:plan`);
}

/** Applies a plan and tells the admin how it went (applied, or refused because it is out of date). */
export async function runSyncApply(
  payload: { planId: string; operator: string },
  recordId: string,
  deps: AppDeps,
): Promise<void> {
  const to = { openId: payload.operator };
  const outcome = await applySyncPlan(
    syncContextOf(deps),
    payload.planId,
    payload.operator,
    deps.clock.now(),
  );
  if (outcome.status === 'not_found') {
    const text = tdir('sync.gone');
    await deps.messenger.sendCard(to, noticeCard(text, text, 'grey'), `${recordId}:result`);
    return;
  }
  const { plan } = outcome;
  deps.log.info({ planId: plan.id, outcome: outcome.status }, 'directory.sync.apply');
  const snapshot = await deps.directory.snapshot();
  const names = { ...plan.names, [payload.operator]: snapshot.displayName(payload.operator) };
  const status: SyncPlanState =
    outcome.status === 'stale' ? { state: 'stale' } : planState(plan, deps.config.tz, names);
  const card = directorySyncCard({ planId: plan.id, changes: plan.changes, names, status });
  await deps.messenger.sendCard(to, card, `${recordId}:result`);
}
