import { createHash } from 'node:crypto';
import { escapeMd } from '../../../cards/activity-common';
import { noticeCard } from '../../../cards/notice';
import type { Card } from '../../../cards/card';
import type { AppDeps } from '../../app/deps';
import type { MaterialCardDoc } from '../../db/models/material-card';
import type { ActivityDoc } from '../../db/models/activity';
import type { MaterialDoc } from '../../db/models/material';
import type { IntakeItem } from '../../db/models/material-intake';
import { isDescribed, mergeDescription } from '../../domain/material-description';
import { resourcesIn } from '../../domain/material-intake';
import type { IncomingMessage } from '../../feishu/normalize';
import { isIntakeKey, ti } from '../../i18n/messages-intake';
import { tmd } from '../../i18n/messages-materials-describe';
import { activityOfItems, assertEditable, assertMayChange, MaterialRefusal } from './access';
import { collectResource } from './collect-resource';
import { removedCardFor } from './corrections';
import { itemName } from './describe-views';
import { linkDoneCard, physicalDoneCard } from './items';

/** Captures a link or physical item keeps: images and PDFs. */
const isCapture = (m: MaterialDoc) => m.kind === 'photo' || m.mime === 'application/pdf';

/** Stores the first resource of `msg` for the activity through intake's collector. */
async function storeFirstResource(
  msg: IncomingMessage,
  activity: ActivityDoc,
  batchId: string,
  deps: AppDeps,
): Promise<{ item: IntakeItem; doc: MaterialDoc | null }> {
  const ref = resourcesIn(msg.messageType, msg.content)[0];
  if (!ref) throw new MaterialRefusal(tmd('mdesc.attach.wrongType'));
  const item = await collectResource(
    { ...ref, holderMessageId: msg.messageId, sentAt: msg.sentAt ?? deps.clock.now() },
    {
      activityId: activity._id,
      source: msg.chatType === 'group' ? 'group' : 'private',
      chatId: msg.chatId,
      sender: msg.senderOpenId,
      batchId,
      intakeId: msg.messageId,
      contentScope: activity._id,
    },
    deps,
  );
  if (item.outcome === 'failed') {
    const reason =
      item.failReason && isIntakeKey(item.failReason) ? ti(item.failReason) : undefined;
    throw new MaterialRefusal(reason ?? ti('intake.fail.download_failed'));
  }
  const id = item.outcome === 'duplicate' ? item.original?.materialId : item.materialId;
  return { item, doc: id ? await deps.repos.curation.findById(id) : null };
}

const attachBatchOf = (parentId: string) =>
  `att_${createHash('sha256').update(parentId).digest('hex').slice(0, 20)}`;

async function loadParent(ref: MaterialCardDoc, sender: string, deps: AppDeps) {
  const parent = ref.materialId ? await deps.repos.curation.findById(ref.materialId) : null;
  if (!parent) throw new MaterialRefusal(tmd('mdesc.attach.notYet'));
  if (parent.removedAt) throw new MaterialRefusal(tmd('mdesc.remove.already'));
  const activity = await activityOfItems([parent], deps);
  assertEditable(activity);
  assertMayChange(sender, activity, [parent], await deps.directory.load());
  return { parent, activity };
}

/** Shows the new state on the card that was replied to; a card past its 14 days stays as it was. */
async function patchQuietly(messageId: string, card: Card, deps: AppDeps): Promise<void> {
  try {
    await deps.messenger.patchCard(messageId, card);
  } catch (err) {
    deps.log.warn({ err: String(err), messageId }, 'material.card_patch_failed');
  }
}

/**
 * An image or PDF sent in reply to a physical item's or link's card: stored once through intake,
 * then attached (part of the item, not counted on its own). A file of another type stays an
 * ordinary item of the activity, and the answer says so.
 */
export async function attachToItem(
  ref: MaterialCardDoc,
  msg: IncomingMessage,
  deps: AppDeps,
): Promise<Card> {
  const { parent, activity } = await loadParent(ref, msg.senderOpenId, deps);
  const { item, doc } = await storeFirstResource(msg, activity, attachBatchOf(parent._id), deps);
  if (!doc) throw new MaterialRefusal(tmd('mdesc.notFound'));
  if (!isCapture(doc)) throw new MaterialRefusal(tmd('mdesc.attach.keptAsItem'));
  const now = deps.clock.now();
  if (item.outcome !== 'duplicate' && doc._id !== parent._id) {
    const description = mergeDescription(doc.description, {
      title: parent.physical?.name ?? parent.link?.title,
    });
    await deps.repos.curation.update(
      doc._id,
      { attachedTo: parent._id, described: true, description },
      now,
    );
  }
  const attachments = [...new Set([...(parent.attachments ?? []), doc._id])];
  const updated = (await deps.repos.curation.update(parent._id, { attachments }, now)) ?? parent;
  const name = doc.fileName ?? itemName(doc, deps.config.tz);
  const card =
    parent.kind === 'link'
      ? linkDoneCard(activity, updated, name)
      : physicalDoneCard(activity, updated, name);
  await patchQuietly(ref._id, card, deps);
  const line =
    parent.kind === 'link'
      ? tmd('mdesc.link.capture', { name: escapeMd(name) })
      : tmd('mdesc.physical.photo', { name: escapeMd(name) });
  return noticeCard(tmd('mdesc.attach.title', { code: activity.code }), line, 'green');
}

/**
 * A file sent in reply to a removal's confirmation replaces the removed item: the new file is stored
 * through intake into the same batch, takes over the old description, and the old item records
 * `replacedBy`. The confirmation card then names the replacement.
 */
export async function replaceRemovedItem(
  ref: MaterialCardDoc,
  msg: IncomingMessage,
  deps: AppDeps,
): Promise<Card> {
  const old = ref.materialId ? await deps.repos.curation.findById(ref.materialId) : null;
  if (!old) throw new MaterialRefusal(tmd('mdesc.notFound'));
  const activity = await activityOfItems([old], deps);
  assertEditable(activity);
  assertMayChange(msg.senderOpenId, activity, [old], await deps.directory.load());
  const { doc } = await storeFirstResource(
    msg,
    activity,
    old.batchId ?? attachBatchOf(old._id),
    deps,
  );
  if (!doc) throw new MaterialRefusal(tmd('mdesc.notFound'));
  const now = deps.clock.now();
  if (doc._id !== old._id && !old.replacedBy) {
    const description = mergeDescription(old.description, doc.description);
    await deps.repos.curation.update(
      doc._id,
      { description, described: isDescribed({ ...doc, description }) },
      now,
    );
    await deps.repos.curation.update(old._id, { replacedBy: doc._id }, now);
    await deps.repos.activities.recordAudit({
      activityId: activity._id,
      at: now,
      actor: msg.senderOpenId,
      action: 'material.replaced',
      changes: [
        {
          field: 'material',
          before: itemName(old, deps.config.tz),
          after: itemName(doc, deps.config.tz),
        },
      ],
    });
  }
  const card = await removedCardFor(old._id, deps);
  if (card) await patchQuietly(ref._id, card, deps);
  return (
    card ??
    noticeCard(tmd('mdesc.remove.done.title', { code: activity.code }), tmd('mdesc.remove.done'))
  );
}
