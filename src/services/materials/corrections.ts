import type { Card } from '../../../cards/card';
import {
  materialListCard,
  materialRemovedCard,
  materialRemoveFormCard,
} from '../../../cards/material-list';
import type { AppDeps } from '../../app/deps';
import type { ActivityDoc } from '../../db/models/activity';
import type { MaterialDoc } from '../../db/models/material';
import { materialsEditable, REMOVE_REASON_MAX } from '../../domain/material-items';
import { displayName } from '../../domain/roles';
import { tmd } from '../../i18n/messages-materials-describe';
import { activityOfItems, assertEditable, assertMayChange, MaterialRefusal } from './access';
import { itemName } from './describe-views';

export const LIST_PAGE_SIZE = 10;

/** "材料清单": an activity's live items with remove buttons while it is open. */
export async function materialListFor(
  activity: ActivityDoc,
  page: number,
  deps: AppDeps,
): Promise<Card> {
  const [dir, { undescribed }] = await Promise.all([
    deps.directory.load(),
    deps.repos.activities.countMaterials(activity._id),
  ]);
  const { items, total } = await deps.repos.curation.activityItems(
    activity._id,
    page,
    LIST_PAGE_SIZE,
  );
  const pageCount = Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
  return materialListCard({
    activityId: activity._id,
    code: activity.code,
    title: activity.title,
    total,
    undescribed,
    page,
    pageCount,
    editable: materialsEditable(activity.state),
    items: items.map((m, i) => ({
      id: m._id,
      n: (page - 1) * LIST_PAGE_SIZE + i + 1,
      kind: m.kind,
      name: itemName(m, deps.config.tz),
      senderName: displayName(m.sender, dir),
      described: m.described,
    })),
  });
}

/** Loads a live item, its activity, and checks that `operator` may still change it. */
async function loadChangeable(
  materialId: string,
  operator: string,
  deps: AppDeps,
): Promise<{ item: MaterialDoc; activity: ActivityDoc }> {
  const item = await deps.repos.curation.findById(materialId);
  if (!item) throw new MaterialRefusal(tmd('mdesc.notFound'));
  const activity = await activityOfItems([item], deps);
  assertEditable(activity);
  if (item.removedAt) throw new MaterialRefusal(tmd('mdesc.remove.already'));
  assertMayChange(operator, activity, [item], await deps.directory.load());
  return { item, activity };
}

/** The removal form (reason required) for someone who may remove the item. */
export async function removeFormFor(
  materialId: string,
  operator: string,
  deps: AppDeps,
  error?: boolean,
): Promise<Card> {
  const { item, activity } = await loadChangeable(materialId, operator, deps);
  const dir = await deps.directory.load();
  return materialRemoveFormCard({
    materialId,
    code: activity.code,
    kind: item.kind,
    name: itemName(item, deps.config.tz),
    senderName: displayName(item.sender, dir),
    ...(error ? { error: tmd('mdesc.remove.reasonRequired') } : {}),
  });
}

export type RemoveOutcome =
  | { ok: true; card: Card; activity: ActivityDoc }
  | { ok: false; card: Card };

/**
 * Removes an item with a reason: it leaves the counts and the handover, the removal goes into the
 * activity's log, and its bytes stay until acceptance. Replying to the confirmation with a new file
 * replaces it.
 */
export async function removeItem(
  materialId: string,
  reasonRaw: string,
  operator: string,
  deps: AppDeps,
): Promise<RemoveOutcome> {
  const reason = reasonRaw.trim().slice(0, REMOVE_REASON_MAX);
  if (!reason) return { ok: false, card: await removeFormFor(materialId, operator, deps, true) };
  const { item, activity } = await loadChangeable(materialId, operator, deps);
  const now = deps.clock.now();
  const name = itemName(item, deps.config.tz);
  if (await deps.repos.curation.markRemoved(materialId, operator, reason, now)) {
    await deps.repos.activities.recordAudit({
      activityId: activity._id,
      at: now,
      actor: operator,
      action: 'material.removed',
      changes: [{ field: 'material', before: name }],
      reason,
    });
  }
  return {
    ok: true,
    activity,
    card: materialRemovedCard({ code: activity.code, kind: item.kind, name, reason }),
  };
}

/** The removal confirmation as it reads now (after a replacement: with the new item's name). */
export async function removedCardFor(materialId: string, deps: AppDeps): Promise<Card | undefined> {
  const item = await deps.repos.curation.findById(materialId);
  if (!item?.activityId) return undefined;
  const activity = await deps.repos.activities.findById(item.activityId);
  if (!activity) return undefined;
  const replacement = item.replacedBy ? await deps.repos.curation.findById(item.replacedBy) : null;
  return materialRemovedCard({
    code: activity.code,
    kind: item.kind,
    name: itemName(item, deps.config.tz),
    reason: item.removeReason ?? '',
    ...(replacement ? { replacedByName: itemName(replacement, deps.config.tz) } : {}),
  });
}
