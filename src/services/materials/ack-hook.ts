import type { AppDeps } from '../../app/deps';

/**
 * Called after a batch's acknowledgement card was sent, with the card's message id, so features
 * that act on replies to that card (descriptions given as `字段：值`) can remember which batch it is
 * about. Intake itself needs nothing here.
 */
export async function onBatchAcknowledged(
  ack: { batchId: string; activityId?: string; cardMessageId: string },
  deps: AppDeps,
): Promise<void> {
  deps.log.debug({ batchId: ack.batchId, card: ack.cardMessageId }, 'intake.ack.sent');
  // A `字段：值` reply to the acknowledgement describes the batch.
  await deps.repos.curation.rememberCard(
    {
      _id: ack.cardMessageId,
      kind: 'batch',
      batchId: ack.batchId,
      ...(ack.activityId ? { activityId: ack.activityId } : {}),
    },
    deps.clock.now(),
  );
}
