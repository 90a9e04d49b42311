import type { Connection } from 'mongoose';
import { summaryDirtyModel } from './models/activity-summary';

/**
 * Marks the console table's row of an activity stale after a change (ActivitySummaryRepo recomputes
 * it on the next read). By material id when the writer only knows that: the reader resolves it.
 * One upsert by `_id`, cheap on every server.
 */
export async function markSummaryStale(
  conn: Connection,
  of: { activityId: string } | { materialId: string },
  now: Date,
): Promise<void> {
  const _id = 'activityId' in of ? `a:${of.activityId}` : `m:${of.materialId}`;
  await summaryDirtyModel(conn).replaceOne({ _id }, { at: now }, { upsert: true });
}
