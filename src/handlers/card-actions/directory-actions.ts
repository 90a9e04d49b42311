import { directorySyncCard } from '../../../cards/directory-sync';
import type { CardAction } from '../../../cards/actions';
import type { AppDeps } from '../../app/deps';
import { tdir } from '../../i18n/messages-directory';
import { enqueueTask } from '../../inbox/intake';
import { authorize } from '../../policies';
import {
  planState,
  SYNC_APPLY_TASK,
  SYNC_PROPOSE_TASK,
  syncContextOf,
} from '../../services/directory-admin';
import { discardSyncPlan } from '../../services/directory-sync';
import { toast, type CardActionContext, type CardResponse } from './types';

type Act<K extends CardAction['action']> = (
  a: Extract<CardAction, { action: K }>,
  ctx: CardActionContext,
  deps: AppDeps,
) => Promise<CardResponse>;

/** Minute-wide key: a double tap reads the contacts once; a tap a minute later reads them again. */
const minuteOf = (d: Date) => d.toISOString().slice(0, 16);

const start: Act<'directory.sync.start'> = async (_a, ctx, deps) => {
  authorize(await deps.directory.actor(ctx.operatorOpenId), 'directory.manage');
  await enqueueTask(deps.repos.inbox, deps.clock, {
    key: `directory-sync:${ctx.operatorOpenId}:${minuteOf(deps.clock.now())}`,
    type: SYNC_PROPOSE_TASK,
    payload: { operator: ctx.operatorOpenId },
  });
  return { toast: toast('info', tdir('directory.sync.started')) };
};

const apply: Act<'directory.sync.apply'> = async (a, ctx, deps) => {
  authorize(await deps.directory.actor(ctx.operatorOpenId), 'directory.manage');
  const plan = await deps.repos.directorySync.get(a.planId);
  if (!plan) return { toast: toast('error', tdir('sync.gone')) };
  if (plan.status !== 'proposed') {
    const card = directorySyncCard({
      planId: plan.id,
      changes: plan.changes,
      names: plan.names,
      status: planState(plan, deps.config.tz, plan.names),
    });
    return { card: { type: 'raw', data: card } };
  }
  // One task per plan: a second tap, or a second admin, queues nothing more.
  await enqueueTask(deps.repos.inbox, deps.clock, {
    key: `directory-sync-apply:${plan.id}`,
    type: SYNC_APPLY_TASK,
    payload: { planId: plan.id, operator: ctx.operatorOpenId },
  });
  const card = directorySyncCard({
    planId: plan.id,
    changes: plan.changes,
    names: plan.names,
    status: { state: 'applying' },
  });
  return { toast: toast('info', tdir('sync.applying')), card: { type: 'raw', data: card } };
};

const discard: Act<'directory.sync.discard'> = async (a, ctx, deps) => {
  authorize(await deps.directory.actor(ctx.operatorOpenId), 'directory.manage');
  const plan = await discardSyncPlan(
    syncContextOf(deps),
    a.planId,
    ctx.operatorOpenId,
    deps.clock.now(),
  );
  if (!plan) return { toast: toast('error', tdir('sync.gone')) };
  const card = directorySyncCard({
    planId: plan.id,
    changes: plan.changes,
    names: plan.names,
    status: planState(plan, deps.config.tz, plan.names),
  });
  return { card: { type: 'raw', data: card } };
};

/** Directory card actions, spread into the router's table. */
export const directoryActions = {
  'directory.sync.start': start,
  'directory.sync.apply': apply,
  'directory.sync.discard': discard,
};
