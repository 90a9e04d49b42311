import type { Card } from '../../cards/card';
import { noticeCard } from '../../cards/notice';
import type { AppDeps } from '../app/deps';
import type { MaterialCardDoc } from '../db/models/material-card';
import { parseCommand } from '../domain/commands';
import type { IncomingMessage } from '../feishu/normalize';
import { tmd } from '../i18n/messages-materials-describe';
import type { HandlerContext } from '../inbox/worker';
import { MaterialRefusal } from '../services/materials/access';
import { attachToItem, replaceRemovedItem } from '../services/materials/attach';
import { describeByReply } from '../services/materials/describe';
import { isCollectable } from './material-intake';

async function itemsOf(ref: MaterialCardDoc, deps: AppDeps) {
  if (ref.batchId) return deps.repos.curation.batchItems(ref.batchId);
  const item = ref.materialId ? await deps.repos.curation.findById(ref.materialId) : null;
  return item && !item.removedAt ? [item] : [];
}

/** What a reply to one of the bot's material cards means, or undefined when it is not for us. */
function planFor(
  ref: MaterialCardDoc,
  msg: IncomingMessage,
): 'describe' | 'attach' | 'replace' | undefined {
  if (msg.text !== undefined) {
    // "@bot 状态" sent as a reply is still a command.
    if (parseCommand(msg.text)) return undefined;
    return ref.kind === 'batch' || ref.kind === 'filing' || ref.kind === 'item'
      ? 'describe'
      : undefined;
  }
  if (!isCollectable(msg.messageType) || msg.messageType === 'merge_forward') return undefined;
  if (ref.kind === 'physical' || ref.kind === 'link') return 'attach';
  if (ref.kind === 'removed') return 'replace';
  return undefined;
}

/**
 * A message replying to a card the bot sent about a batch or an item (`parent_id`): `字段：值` text
 * describes it, an image or PDF is attached to a physical item or link, a new file replaces a removed
 * item. Returns false when the reply is not for this feature (plain intake and commands go on).
 * Works without an @mention when the app may read every group message.
 */
export async function onReplyToMaterialCard(
  msg: IncomingMessage,
  ctx: HandlerContext,
  deps: AppDeps,
): Promise<boolean> {
  if (!msg.parentId) return false;
  const ref = await deps.repos.curation.cardRef(msg.parentId);
  const plan = ref ? planFor(ref, msg) : undefined;
  if (!ref || !plan) return false;
  const key = `${ctx.recordId}:material-reply`;
  let card: Card;
  try {
    if (plan === 'describe') {
      card = await describeByReply(
        await itemsOf(ref, deps),
        msg.text ?? '',
        msg.senderOpenId,
        deps,
      );
    } else if (plan === 'attach') {
      card = await attachToItem(ref, msg, deps);
    } else {
      card = await replaceRemovedItem(ref, msg, deps);
    }
  } catch (err) {
    if (!(err instanceof MaterialRefusal)) throw err;
    card = noticeCard(tmd('mdesc.refused.title'), err.text, 'grey');
  }
  await deps.messenger.replyCard(msg.messageId, card, key, msg.chatId);
  return true;
}
