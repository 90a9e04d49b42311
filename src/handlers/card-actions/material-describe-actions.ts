import type { CardAction } from '../../../cards/actions';
import type { Card } from '../../../cards/card';
import type { AppDeps } from '../../app/deps';
import { tmd } from '../../i18n/messages-materials-describe';
import { MaterialRefusal } from '../../services/materials/access';
import { describeFormFor, submitDescribeForm } from '../../services/materials/describe';
import { toast, type CardActionContext, type CardResponse } from './types';

type Act<K extends CardAction['action']> = (
  a: Extract<CardAction, { action: K }>,
  ctx: CardActionContext,
  deps: AppDeps,
) => Promise<CardResponse>;

const raw = (data: Card) => ({ type: 'raw' as const, data });

/** Turns a refusal (not allowed, accepted, nothing left) into an error toast; rethrows the rest. */
export function refusalsAsToasts<K extends CardAction['action']>(act: Act<K>): Act<K> {
  return async (a, ctx, deps) => {
    try {
      return await act(a, ctx, deps);
    } catch (err) {
      if (err instanceof MaterialRefusal) return { toast: toast('error', err.text) };
      throw err;
    }
  };
}

/** Remembers that the tapped card now speaks for this batch, so replies to it describe the batch. */
async function rememberBatchCard(
  ctx: CardActionContext,
  batchId: string,
  activityId: string,
  deps: AppDeps,
): Promise<void> {
  if (!ctx.openMessageId) return;
  await deps.repos.curation.rememberCard(
    { _id: ctx.openMessageId, kind: 'batch', batchId, activityId },
    deps.clock.now(),
  );
}

const open: Act<'material.describe.open' | 'material.describe.page'> = async (a, ctx, deps) => {
  const page = 'page' in a ? a.page : 1;
  const card = await describeFormFor(a.batchId, page, ctx.operatorOpenId, deps);
  await rememberBatchCard(ctx, a.batchId, a.activityId, deps);
  return { card: raw(card) };
};

const submit: Act<'material.describe.submit'> = async (a, ctx, deps) => {
  const outcome = await submitDescribeForm(
    {
      batchId: a.batchId,
      page: a.page,
      itemIds: a.items,
      ...(ctx.formValue ? { form: ctx.formValue } : {}),
    },
    ctx.operatorOpenId,
    deps,
  );
  await rememberBatchCard(ctx, a.batchId, a.activityId, deps);
  if (!outcome.ok) return { toast: toast('error', tmd('mdesc.err.form')), card: raw(outcome.card) };
  const text =
    outcome.left === 0
      ? tmd('mdesc.savedAll')
      : tmd('mdesc.saved', { n: outcome.saved, left: outcome.left });
  return { toast: toast('success', text), card: raw(outcome.card) };
};

/** Description card actions, merged into the router's table (after intake's, so these win). */
export const materialDescribeActions = {
  'material.describe.open': refusalsAsToasts(open),
  'material.describe.page': refusalsAsToasts(open),
  'material.describe.submit': refusalsAsToasts(submit),
};
