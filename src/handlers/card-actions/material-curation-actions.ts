import type { CardAction } from '../../../cards/actions';
import type { Card } from '../../../cards/card';
import type { AppDeps } from '../../app/deps';
import type { MaterialCardDoc } from '../../db/models/material-card';
import { tmd } from '../../i18n/messages-materials-describe';
import { t } from '../../i18n/t';
import { MaterialRefusal } from '../../services/materials/access';
import { materialListFor, removeFormFor, removeItem } from '../../services/materials/corrections';
import { linkIdOf, physicalIdOf, submitLink, submitPhysical } from '../../services/materials/items';
import { fileBatch, filingCardFor } from '../../services/materials/publicity';
import { refusalsAsToasts } from './material-describe-actions';
import { toast, type CardActionContext, type CardResponse } from './types';

type Act<K extends CardAction['action']> = (
  a: Extract<CardAction, { action: K }>,
  ctx: CardActionContext,
  deps: AppDeps,
) => Promise<CardResponse>;

const raw = (data: Card) => ({ type: 'raw' as const, data });
const str = (v: unknown) => (typeof v === 'string' ? v : '');

async function remember(
  ctx: CardActionContext,
  ref: Omit<MaterialCardDoc, '_id' | 'at'>,
  deps: AppDeps,
): Promise<void> {
  if (ctx.openMessageId)
    await deps.repos.curation.rememberCard({ _id: ctx.openMessageId, ...ref }, deps.clock.now());
}

async function activityOf(activityId: string, deps: AppDeps) {
  const activity = await deps.repos.activities.findById(activityId);
  if (!activity) throw new MaterialRefusal(t('errors.activity_not_found'));
  return activity;
}

const physicalSubmit: Act<'material.physical.submit'> = async (a, ctx, deps) => {
  const activity = await activityOf(a.activityId, deps);
  const outcome = await submitPhysical(activity, a.formId, ctx.formValue, ctx.operatorOpenId, deps);
  if (!outcome.ok) return { toast: toast('error', tmd('mdesc.err.form')), card: raw(outcome.card) };
  const materialId = physicalIdOf(a.formId);
  await remember(ctx, { kind: 'physical', activityId: activity._id, materialId }, deps);
  const name = outcome.item.physical?.name ?? '';
  return {
    toast: toast('success', tmd('mdesc.physical.registered', { name })),
    card: raw(outcome.card),
  };
};

const linkSubmit: Act<'material.link.submit'> = async (a, ctx, deps) => {
  const activity = await activityOf(a.activityId, deps);
  const id = linkIdOf(a.formId);
  const outcome = await submitLink(
    activity,
    id,
    { form: ctx.formValue, formId: a.formId },
    ctx.operatorOpenId,
    deps,
  );
  if (!outcome.ok) return { toast: toast('error', tmd('mdesc.err.form')), card: raw(outcome.card) };
  await remember(ctx, { kind: 'link', activityId: activity._id, materialId: id }, deps);
  const title = outcome.item.link?.title ?? '';
  return {
    toast: toast('success', tmd('mdesc.link.registered', { title })),
    card: raw(outcome.card),
  };
};

/** The filing card of a batch for its sender or an archivist (from the archivists' list). */
const publicityOpen =
  (withQuery: boolean): Act<'material.publicity.open' | 'material.publicity.search'> =>
  async (a, ctx, deps) => {
    const q = withQuery ? str(ctx.formValue?.q).trim().slice(0, 100) : '';
    const card = await filingCardFor(a.batchId, deps, q ? { q } : {});
    if (!card) {
      // Nothing left to file: someone filed it already; show where.
      const filing = await deps.repos.curation.filingOf(a.batchId);
      if (!filing) return { toast: toast('info', tmd('mdesc.pub.gone')) };
      const outcome = await fileBatch(
        a.batchId,
        filing.activityId,
        ctx.operatorOpenId,
        deps,
        ctx.openMessageId,
      );
      return {
        toast: toast('info', tmd('mdesc.pub.already', { code: outcome.activity.code })),
        card: raw(outcome.card),
      };
    }
    await remember(ctx, { kind: 'filing', batchId: a.batchId }, deps);
    return { card: raw(card) };
  };

const publicityFile: Act<'material.publicity.file'> = async (a, ctx, deps) => {
  const outcome = await fileBatch(
    a.batchId,
    a.activityId,
    ctx.operatorOpenId,
    deps,
    ctx.openMessageId,
  );
  await remember(
    ctx,
    { kind: 'filing', batchId: a.batchId, activityId: outcome.activity._id },
    deps,
  );
  const text = outcome.filedNow
    ? tmd('mdesc.pub.filed.title', { code: outcome.activity.code })
    : tmd('mdesc.pub.already', { code: outcome.activity.code });
  return { toast: toast(outcome.filedNow ? 'success' : 'info', text), card: raw(outcome.card) };
};

const list: Act<'material.list'> = async (a, _ctx, deps) => {
  const activity = await activityOf(a.activityId, deps);
  return { card: raw(await materialListFor(activity, a.page, deps)) };
};

const removeOpen: Act<'material.remove.open'> = async (a, ctx, deps) => ({
  card: raw(await removeFormFor(a.materialId, ctx.operatorOpenId, deps)),
});

const removeSubmit: Act<'material.remove.submit'> = async (a, ctx, deps) => {
  const outcome = await removeItem(
    a.materialId,
    str(ctx.formValue?.reason),
    ctx.operatorOpenId,
    deps,
  );
  if (!outcome.ok)
    return { toast: toast('error', tmd('mdesc.remove.reasonRequired')), card: raw(outcome.card) };
  await remember(
    ctx,
    { kind: 'removed', materialId: a.materialId, activityId: outcome.activity._id },
    deps,
  );
  return { toast: toast('success', tmd('mdesc.remove.done')), card: raw(outcome.card) };
};

/** Physical item, link, publicity filing and correction actions, merged into the router's table. */
export const materialCurationActions = {
  'material.physical.submit': refusalsAsToasts(physicalSubmit),
  'material.link.submit': refusalsAsToasts(linkSubmit),
  'material.publicity.open': refusalsAsToasts<'material.publicity.open'>(publicityOpen(false)),
  'material.publicity.search': refusalsAsToasts<'material.publicity.search'>(publicityOpen(true)),
  'material.publicity.file': refusalsAsToasts(publicityFile),
  'material.list': refusalsAsToasts(list),
  'material.remove.open': refusalsAsToasts(removeOpen),
  'material.remove.submit': refusalsAsToasts(removeSubmit),
};
