import type { AppDeps } from '../../app/deps';
import type { MaterialIntakeDoc } from '../../db/models/material-intake';
import { sendFilingCard } from './publicity';

/** A batch the publicity office dropped into a private chat, stored and not yet filed. */
export interface PublicityBatch {
  batchId: string;
  /** The private chat it came in, and the publicity staff member who sent it. */
  chatId: string;
  sender: string;
  /** The collected messages of the batch, oldest first, with what became of each resource. */
  rows: MaterialIntakeDoc[];
  /** Ids of the items stored (status `stored`, no `activityId` yet). */
  storedIds: string[];
  /** Base of idempotency keys for anything sent in answer (a rerun must not send twice). */
  replyKey: string;
  /** The message to reply to (the batch's first message). */
  replyTo: string;
}

/**
 * Called once per publicity batch, when it is complete (the sender paused for the batch window),
 * instead of the plain acknowledgement. Answers the sender with the filing card (activities under way
 * or ended within 60 days, search, one tap files the whole batch) and returns true; returns false when
 * nothing of the batch was stored (all duplicates or failed), so intake's acknowledgement says why.
 */
export async function onPublicityBatchStored(
  batch: PublicityBatch,
  deps: AppDeps,
): Promise<boolean> {
  deps.log.info(
    { batchId: batch.batchId, sender: batch.sender, items: batch.storedIds.length },
    'intake.publicity_batch.stored',
  );
  if (batch.storedIds.length === 0) return false;
  return sendFilingCard(
    batch.batchId,
    { openId: batch.sender, replyTo: batch.replyTo, chatId: batch.chatId },
    batch.replyKey,
    deps,
  );
}
