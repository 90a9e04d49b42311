import type { Connection, Model } from 'mongoose';
import {
  inboxClaimModel,
  inboxEventModel,
  inboxQueueModel,
  type InboxClaimDoc,
  type InboxEventDoc,
  type InboxQueueDoc,
} from './models/inbox-event';

export interface NewInboxRecord {
  id: string;
  eventId: string;
  type: string;
  payload: Record<string, unknown>;
  runAt?: Date;
}

type AcceptResult = 'accepted' | 'duplicate';

interface PendingAccept {
  record: NewInboxRecord;
  now: Date;
  resolve: (result: AcceptResult) => void;
  reject: (err: unknown) => void;
}

/** Largest group of concurrent accepts written with one insertMany. */
const ACCEPT_BATCH = 128;
const DUPLICATE_KEY = 11000;

interface BulkWriteErrorLike {
  writeErrors?: { index: number; code: number }[] | { index: number; code: number };
  code?: number;
}

/** Indexes of documents an unordered insertMany refused as duplicates; rethrows anything else. */
function duplicateIndexes(err: unknown): Set<number> {
  const e = err as BulkWriteErrorLike;
  const list =
    e.writeErrors === undefined
      ? []
      : Array.isArray(e.writeErrors)
        ? e.writeErrors
        : [e.writeErrors];
  if (list.length === 0 || list.some((w) => w.code !== DUPLICATE_KEY)) throw err;
  return new Set(list.map((w) => w.index));
}

/** Inserts documents, ignoring the ones whose keys already exist; returns the indexes refused. */
async function insertManyIgnoringDuplicates(
  model: Model<never>,
  docs: object[],
): Promise<Set<number>> {
  if (docs.length === 0) return new Set();
  try {
    await model.collection.insertMany(docs as never[], { ordered: false });
    return new Set();
  } catch (err) {
    return duplicateIndexes(err);
  }
}

/**
 * Every query on the durable inbox. Three collections:
 * - `inbox_events`: one record per event or task, kept after it is done (the dedupe memory), unique
 *   on `_id` and `eventId`;
 * - `inbox_queue`: one small row per record not yet finished (what the worker scans for due work);
 * - `inbox_claims`: one row per claim; an insert under a unique key is the only step two processes
 *   can never both win, on FerretDB (whose findAndModify is a read then a write) or MongoDB.
 * Updates address documents by `_id` alone, the one filter FerretDB 1.24 answers without a scan.
 */
export class InboxRepo {
  private readonly events: Model<InboxEventDoc>;
  private readonly queue: Model<InboxQueueDoc>;
  private readonly claims: Model<InboxClaimDoc>;
  private pending: PendingAccept[] = [];
  private flushing = false;

  constructor(conn: Connection) {
    this.events = inboxEventModel(conn);
    this.queue = inboxQueueModel(conn);
    this.claims = inboxClaimModel(conn);
  }

  /**
   * Stores a record unless its id or event id is already known. Concurrent calls are written together
   * (group commit: one insertMany per group), and each caller's promise settles only once its own
   * record is durable, so the edge still answers 200 only after the write.
   */
  accept(record: NewInboxRecord, now: Date): Promise<AcceptResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ record, now, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.pending.length > 0) {
        const group = this.pending.splice(0, ACCEPT_BATCH);
        try {
          const results = await this.acceptMany(
            group.map((p) => ({ record: p.record, now: p.now })),
          );
          group.forEach((p, i) => p.resolve(results[i]!));
        } catch (err) {
          for (const p of group) p.reject(err);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /**
   * The queue row goes first: a crash between the two writes then leaves a queue row without an event
   * (dropped when claimed), never an event nobody will run.
   */
  private async acceptMany(
    items: { record: NewInboxRecord; now: Date }[],
  ): Promise<AcceptResult[]> {
    await insertManyIgnoringDuplicates(
      this.queue as unknown as Model<never>,
      items.map(({ record, now }) => ({
        _id: record.id,
        runAt: record.runAt ?? now,
        claims: 0,
        receivedAt: now,
      })),
    );
    const refused = await insertManyIgnoringDuplicates(
      this.events as unknown as Model<never>,
      items.map(({ record, now }) => ({
        _id: record.id,
        eventId: record.eventId,
        type: record.type,
        payload: record.payload,
        status: 'pending',
        attempts: 0,
        claims: 0,
        runAt: record.runAt ?? now,
        receivedAt: now,
      })),
    );
    return items.map((_, i) => (refused.has(i) ? 'duplicate' : 'accepted'));
  }

  /**
   * Leases up to `max` due records (pending, or whose lease expired), oldest first: one scan of the
   * queue, one insertMany of claims, then one update per record won.
   */
  async claimBatch(
    now: Date,
    leaseMs: number,
    workerId: string,
    max: number,
  ): Promise<InboxEventDoc[]> {
    const due = await this.queue
      .find({ runAt: { $lte: now } })
      .sort({ runAt: 1 })
      .limit(max)
      .lean<InboxQueueDoc[]>();
    if (due.length === 0) return [];
    const claimDocs = due.map((q) => ({ _id: `${q._id}#${q.claims + 1}`, workerId, at: now }));
    const lost = await insertManyIgnoringDuplicates(
      this.claims as unknown as Model<never>,
      claimDocs,
    );
    const leaseUntil = new Date(now.getTime() + leaseMs);
    const won: InboxEventDoc[] = [];
    for (const [i, q] of due.entries()) {
      if (lost.has(i)) continue;
      await this.queue.updateOne(
        { _id: q._id },
        { $set: { runAt: leaseUntil, claims: q.claims + 1 } },
      );
      const current = await this.events
        .findById(q._id)
        .select({ status: 1 })
        .lean<{ status: string }>();
      if (!current || current.status === 'done' || current.status === 'failed') {
        // A queue row whose event never got written (crash between the two inserts) or already finished.
        await this.queue.deleteOne({ _id: q._id });
        continue;
      }
      const record = await this.events
        .findOneAndUpdate(
          { _id: q._id },
          {
            $set: { status: 'running', runAt: leaseUntil, lockedBy: workerId },
            $inc: { attempts: 1 },
          },
          { new: true },
        )
        .lean<InboxEventDoc>();
      if (record) won.push(record);
    }
    return won;
  }

  /** Leases one due record (tests and simple callers). */
  async claim(now: Date, leaseMs: number, workerId: string): Promise<InboxEventDoc | null> {
    return (await this.claimBatch(now, leaseMs, workerId, 1))[0] ?? null;
  }

  /** Marks a record done and takes it off the queue; false when it was already finished. */
  async complete(id: string, workerId: string, now: Date): Promise<boolean> {
    const before = await this.events
      .findOneAndUpdate(
        { _id: id },
        { $set: { status: 'done', doneAt: now }, $unset: { lockedBy: 1 } },
      )
      .lean<InboxEventDoc>();
    await this.queue.deleteOne({ _id: id });
    return before?.status === 'running' && before.lockedBy === workerId;
  }

  /** Puts a record back for a later attempt. */
  async retryLater(id: string, _workerId: string, runAt: Date, error: string): Promise<void> {
    await this.events.updateOne(
      { _id: id },
      {
        $set: { status: 'pending', runAt, lastError: error.slice(0, 2000) },
        $unset: { lockedBy: 1 },
      },
    );
    await this.queue.updateOne({ _id: id }, { $set: { runAt } });
  }

  /** Gives up on a record; it stays as failed for people to look at. */
  async fail(id: string, _workerId: string, now: Date, error: string): Promise<void> {
    await this.events.updateOne(
      { _id: id },
      {
        $set: { status: 'failed', doneAt: now, lastError: error.slice(0, 2000) },
        $unset: { lockedBy: 1 },
      },
    );
    await this.queue.deleteOne({ _id: id });
  }

  /** Hands a leased record back without counting the attempt (graceful shutdown). */
  async release(id: string, _workerId: string, now: Date): Promise<void> {
    await this.events.updateOne(
      { _id: id },
      { $set: { status: 'pending', runAt: now }, $inc: { attempts: -1 }, $unset: { lockedBy: 1 } },
    );
    await this.queue.updateOne({ _id: id }, { $set: { runAt: now } });
  }

  async get(id: string): Promise<InboxEventDoc | null> {
    return this.events.findById(id).lean<InboxEventDoc>();
  }

  /** Backlog figures for /readyz, from the queue (small) rather than every event ever received. */
  async backlog(
    now: Date,
  ): Promise<{ unfinished: number; due: number; oldestUnfinishedAgeMs: number | null }> {
    const [unfinished, due, oldest] = await Promise.all([
      this.queue.countDocuments(),
      this.queue.countDocuments({ runAt: { $lte: now } }),
      this.queue
        .findOne()
        .sort({ receivedAt: 1 })
        .select({ receivedAt: 1 })
        .lean<{ receivedAt: Date }>(),
    ]);
    return {
      unfinished,
      due,
      oldestUnfinishedAgeMs: oldest ? now.getTime() - oldest.receivedAt.getTime() : null,
    };
  }

  /** Counts records by status and type (tests, benchmarks). */
  async count(filter: { status?: string; type?: string } = {}): Promise<number> {
    return this.events.countDocuments(filter);
  }

  /** Removes finished records older than the cutoff (a job; no TTL indexes on FerretDB). */
  async purgeDone(before: Date): Promise<number> {
    const res = await this.events.deleteMany({ status: 'done', doneAt: { $lt: before } });
    await this.claims.deleteMany({ at: { $lt: before } });
    return res.deletedCount;
  }
}
