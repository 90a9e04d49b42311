import { createHash } from 'node:crypto';
import type { Connection, Model } from 'mongoose';
import {
  materialBatchAckModel,
  materialBatchHeadModel,
  materialBatchModel,
  materialIntakeModel,
  type IntakeItem,
  type MaterialBatchAckDoc,
  type MaterialBatchDoc,
  type MaterialBatchHeadDoc,
  type MaterialIntakeDoc,
} from './models/material-intake';
import { isDuplicateKeyError } from './mongo-errors';

/** The batch id of a sender's `seq`-th batch in a chat: short, stable, safe in card payloads. */
export function batchIdOf(chatId: string, sender: string, seq: number): string {
  return `b_${createHash('sha256').update(`${chatId}|${sender}#${seq}`).digest('hex').slice(0, 20)}`;
}

/**
 * Intake bookkeeping: one row per collected message (`material_intakes`), the batches they form
 * (`material_batches`) and each sender's latest batch per chat (`material_batch_heads`). Every read
 * and update addresses one document by `_id`; exclusion comes from unique inserts.
 */
export class MaterialIntakeRepo {
  private readonly rows: Model<MaterialIntakeDoc>;
  private readonly batches: Model<MaterialBatchDoc>;
  private readonly heads: Model<MaterialBatchHeadDoc>;
  private readonly ackClaims: Model<MaterialBatchAckDoc>;

  constructor(conn: Connection) {
    this.rows = materialIntakeModel(conn);
    this.batches = materialBatchModel(conn);
    this.heads = materialBatchHeadModel(conn);
    this.ackClaims = materialBatchAckModel(conn);
  }

  /** Starts (or, on a retry, resumes) the row of a collected message. */
  async begin(
    row: Omit<MaterialIntakeDoc, 'status' | 'items' | 'updatedAt'>,
  ): Promise<MaterialIntakeDoc> {
    const doc: MaterialIntakeDoc = {
      ...row,
      status: 'collecting',
      items: [],
      updatedAt: row.receivedAt,
    };
    try {
      await this.rows.collection.insertOne(doc as never);
      return doc;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    return (await this.row(row._id))!;
  }

  async row(id: string): Promise<MaterialIntakeDoc | null> {
    return this.rows.findById(id).lean<MaterialIntakeDoc>();
  }

  async rowsByIds(ids: string[]): Promise<MaterialIntakeDoc[]> {
    const rows = await Promise.all(ids.map((id) => this.row(id)));
    return rows.filter((r): r is MaterialIntakeDoc => r !== null);
  }

  async finish(id: string, items: IntakeItem[], now: Date): Promise<void> {
    await this.rows.updateOne(
      { _id: id },
      { $set: { status: 'collected', items, updatedAt: now } },
    );
  }

  async setRowBatch(id: string, batchId: string, now: Date): Promise<void> {
    await this.rows.updateOne({ _id: id }, { $set: { batchId, updatedAt: now } });
  }

  async batch(id: string): Promise<MaterialBatchDoc | null> {
    return this.batches.findById(id).lean<MaterialBatchDoc>();
  }

  /**
   * Puts a row into its sender's current batch in the chat, or opens the next one when the current
   * batch is acknowledged or its latest row is older than the window. Two rows racing to open the
   * next batch insert the same id: the loser joins the winner's batch.
   */
  async joinBatch(
    row: Pick<MaterialIntakeDoc, '_id' | 'chatId' | 'sender' | 'activityId' | 'source'>,
    now: Date,
    windowMs: number,
  ): Promise<MaterialBatchDoc> {
    const headId = `${row.chatId}|${row.sender}`;
    const seq = (await this.heads.findById(headId).lean<MaterialBatchHeadDoc>())?.seq ?? 0;
    if (seq > 0) {
      const current = await this.batch(batchIdOf(row.chatId, row.sender, seq));
      const open =
        current &&
        !current.ackedAt &&
        current.activityId === row.activityId &&
        now.getTime() - current.lastAt.getTime() <= windowMs;
      if (open) return this.addRow(current._id, row._id, now);
    }
    const next = seq + 1;
    const doc: MaterialBatchDoc = {
      _id: batchIdOf(row.chatId, row.sender, next),
      chatId: row.chatId,
      sender: row.sender,
      ...(row.activityId ? { activityId: row.activityId } : {}),
      source: row.source,
      seq: next,
      rowIds: [row._id],
      lastAt: now,
      createdAt: now,
    };
    try {
      await this.batches.collection.insertOne(doc as never);
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      return this.addRow(doc._id, row._id, now);
    }
    await this.advanceHead(headId, next);
    return doc;
  }

  private async addRow(batchId: string, rowId: string, now: Date): Promise<MaterialBatchDoc> {
    await this.batches.updateOne(
      { _id: batchId },
      { $addToSet: { rowIds: rowId }, $max: { lastAt: now } },
    );
    return (await this.batch(batchId))!;
  }

  private async advanceHead(headId: string, seq: number): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await this.heads.updateOne({ _id: headId }, { $max: { seq } }, { upsert: true });
        return;
      } catch (err) {
        // Two first batches upserting the head at once: one insert wins, the other updates.
        if (!isDuplicateKeyError(err)) throw err;
      }
    }
  }

  /**
   * Decides which acknowledgement task answers a batch (several may find it complete at once): the
   * first to insert the claim, or a retry of that same task.
   */
  async claimAck(batchId: string, rowId: string, now: Date): Promise<boolean> {
    try {
      await this.ackClaims.collection.insertOne({ _id: batchId, rowId, at: now } as never);
      return true;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    const claim = await this.ackClaims.findById(batchId).lean<MaterialBatchAckDoc>();
    return claim?.rowId === rowId;
  }

  /** Marks a batch acknowledged, naming the rows its card covered. */
  async markAcked(batchId: string, rowIds: string[], now: Date): Promise<void> {
    await this.batches.updateOne({ _id: batchId }, { $set: { ackedAt: now, ackedRowIds: rowIds } });
  }
}
