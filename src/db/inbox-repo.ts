import type { Connection, Model } from 'mongoose';
import {
  inboxClaimModel,
  inboxDoneModel,
  inboxEventModel,
  inboxQueueModel,
  type InboxClaimDoc,
  type InboxDoneDoc,
  type InboxEventDoc,
  type InboxQueueDoc,
  type InboxRecord,
} from './models/inbox-event';
import { insertManyIgnoringDuplicates } from './mongo-errors';

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
/** Completions gathered before writing, and how long to wait for them. */
const COMPLETE_GATHER = 16;
const COMPLETE_WINDOW_MS = 20;

/**
 * Every query on the durable inbox. Three collections:
 * - `inbox_events`: one record per event or task as received, never updated, kept after it is done
 *   (the dedupe memory), unique on `_id` and `eventId`;
 * - `inbox_queue`: the working state (status, attempts, lease) of each record not yet done: what the
 *   worker scans for due work and the only table that is updated;
 * - `inbox_claims`: one row per claim; an insert under a unique key is the only step two processes
 *   can never both win, on FerretDB (whose findAndModify is a read then a write) or MongoDB.
 * Updates address documents by `_id` alone, the one filter FerretDB 1.24 answers without a scan.
 */
export class InboxRepo {
  private readonly events: Model<InboxEventDoc>;
  private readonly queue: Model<InboxQueueDoc>;
  private readonly claims: Model<InboxClaimDoc>;
  private readonly done: Model<InboxDoneDoc>;
  private pending: PendingAccept[] = [];
  private flushing = false;
  private completing: {
    id: string;
    workerId: string;
    now: Date;
    resolve: (held: boolean) => void;
    reject: (err: unknown) => void;
  }[] = [];
  private flushingCompletes = false;

  constructor(conn: Connection) {
    this.events = inboxEventModel(conn);
    this.queue = inboxQueueModel(conn);
    this.claims = inboxClaimModel(conn);
    this.done = inboxDoneModel(conn);
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
        eventId: record.eventId,
        type: record.type,
        status: 'pending',
        attempts: 0,
        claims: 0,
        runAt: record.runAt ?? now,
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
        receivedAt: now,
      })),
    );
    // A duplicate of a record already done re-creates its queue row; the claim drops it (done marker).
    return items.map((_, i) => (refused.has(i) ? 'duplicate' : 'accepted'));
  }

  /**
   * Leases up to `max` due records (pending, or running with an expired lease), oldest first: one scan
   * of the queue, one insertMany of claims, then one queue update and one event read per record won.
   */
  async claimBatch(
    now: Date,
    leaseMs: number,
    workerId: string,
    max: number,
  ): Promise<InboxRecord[]> {
    const due = await this.queue
      .find({ status: { $in: ['pending', 'running'] }, runAt: { $lte: now } })
      .sort({ runAt: 1 })
      .limit(max)
      .lean<InboxQueueDoc[]>();
    if (due.length === 0) return [];
    // Claim keys name the queue row's incarnation (receivedAt), so a re-created row can be claimed.
    const claimDocs = due.map((q) => ({
      _id: `${q._id}@${q.receivedAt.getTime()}#${q.claims + 1}`,
      workerId,
      at: now,
    }));
    const lost = await insertManyIgnoringDuplicates(
      this.claims as unknown as Model<never>,
      claimDocs,
    );
    const leaseUntil = new Date(now.getTime() + leaseMs);
    const won: InboxRecord[] = [];
    const candidates = due.filter((_, i) => !lost.has(i));
    for (const q of candidates) {
      const [event, finished] = await Promise.all([
        this.events.findById(q._id).lean<InboxEventDoc>(),
        this.done.exists({ _id: q._id }),
      ]);
      if (!event || finished) {
        // A row whose event never got written (crash between the inserts), or re-created for a done record.
        await this.queue.deleteOne({ _id: q._id });
        continue;
      }
      won.push({
        ...event,
        status: 'running',
        attempts: q.attempts + 1,
        lockedBy: workerId,
        ...(q.lastError ? { lastError: q.lastError } : {}),
      });
    }
    if (won.length > 0) {
      // One update for the whole batch: each row was won through its own claim key above.
      await this.queue.updateMany(
        { _id: { $in: won.map((r) => r._id) } },
        {
          $set: { status: 'running', runAt: leaseUntil, lockedBy: workerId },
          $inc: { claims: 1, attempts: 1 },
        },
      );
    }
    return won;
  }

  /** Leases one due record (tests and simple callers). */
  async claim(now: Date, leaseMs: number, workerId: string): Promise<InboxRecord | null> {
    return (await this.claimBatch(now, leaseMs, workerId, 1))[0] ?? null;
  }

  /**
   * Marks a record done (a done marker, and its queue row goes); false when this worker no longer held
   * it. Concurrent completions are written together: one insertMany of markers, one deleteMany.
   */
  complete(id: string, workerId: string, now: Date): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.completing.push({ id, workerId, now, resolve, reject });
      if (!this.flushingCompletes) void this.flushCompletes();
    });
  }

  private async flushCompletes(): Promise<void> {
    this.flushingCompletes = true;
    try {
      while (this.completing.length > 0) {
        // A short window gathers the completions of handlers finishing together: deleting rows scans
        // the queue on FerretDB, so one deleteMany for many records beats one delete each.
        if (this.completing.length < COMPLETE_GATHER)
          await new Promise((r) => setTimeout(r, COMPLETE_WINDOW_MS));
        const group = this.completing.splice(0, ACCEPT_BATCH);
        try {
          const ids = group.map((c) => c.id);
          // Reads by _id are cheap on FerretDB; a $in filter would scan the table.
          const rows = await Promise.all(
            ids.map((id) => this.queue.findById(id).lean<InboxQueueDoc>()),
          );
          const byId = new Map(
            rows.filter((r): r is InboxQueueDoc => r !== null).map((r) => [r._id, r]),
          );
          await insertManyIgnoringDuplicates(
            this.done as unknown as Model<never>,
            group.map((c) => ({
              _id: c.id,
              type: byId.get(c.id)?.type ?? 'unknown',
              doneAt: c.now,
            })),
          );
          await this.queue.deleteMany({ _id: { $in: ids } });
          for (const c of group) {
            const row = byId.get(c.id);
            c.resolve(row?.status === 'running' && row.lockedBy === c.workerId);
          }
        } catch (err) {
          for (const c of group) c.reject(err);
        }
      }
    } finally {
      this.flushingCompletes = false;
    }
  }

  /** Puts a record back for a later attempt. */
  async retryLater(id: string, _workerId: string, runAt: Date, error: string): Promise<void> {
    await this.queue.updateOne(
      { _id: id },
      {
        $set: { status: 'pending', runAt, lastError: error.slice(0, 2000) },
        $unset: { lockedBy: 1 },
      },
    );
  }

  /** Gives up on a record; it stays in the queue as failed, for people to look at, and is never claimed again. */
  async fail(id: string, _workerId: string, now: Date, error: string): Promise<void> {
    await this.queue.updateOne(
      { _id: id },
      {
        $set: { status: 'failed', failedAt: now, lastError: error.slice(0, 2000) },
        $unset: { lockedBy: 1 },
      },
    );
  }

  /** Hands a leased record back without counting the attempt (graceful shutdown). */
  async release(id: string, _workerId: string, now: Date): Promise<void> {
    await this.queue.updateOne(
      { _id: id },
      { $set: { status: 'pending', runAt: now }, $inc: { attempts: -1 }, $unset: { lockedBy: 1 } },
    );
  }

  /** A record with its working state (`done` once its queue row is gone). */
  async get(id: string): Promise<InboxRecord | null> {
    const [event, row] = await Promise.all([
      this.events.findById(id).lean<InboxEventDoc>(),
      this.queue.findById(id).lean<InboxQueueDoc>(),
    ]);
    if (!event) return null;
    if (!row) return { ...event, status: 'done', attempts: 0 };
    return {
      ...event,
      status: row.status,
      attempts: row.attempts,
      ...(row.lockedBy ? { lockedBy: row.lockedBy } : {}),
      ...(row.lastError ? { lastError: row.lastError } : {}),
    };
  }

  /** Backlog figures for /readyz, from the queue (small) rather than every event ever received. */
  async backlog(now: Date): Promise<{
    unfinished: number;
    due: number;
    failed: number;
    oldestUnfinishedAgeMs: number | null;
  }> {
    const [unfinished, due, failed, oldest] = await Promise.all([
      this.queue.countDocuments({ status: { $in: ['pending', 'running'] } }),
      this.queue.countDocuments({ status: { $in: ['pending', 'running'] }, runAt: { $lte: now } }),
      this.queue.countDocuments({ status: 'failed' }),
      this.queue
        .findOne({ status: { $in: ['pending', 'running'] } })
        .sort({ receivedAt: 1 })
        .select({ receivedAt: 1 })
        .lean<{ receivedAt: Date }>(),
    ]);
    return {
      unfinished,
      due,
      failed,
      oldestUnfinishedAgeMs: oldest ? now.getTime() - oldest.receivedAt.getTime() : null,
    };
  }

  /** Counts records by status and type (tests, benchmarks). */
  async count(filter: { status?: string; type?: string } = {}): Promise<number> {
    const byType = filter.type ? { type: filter.type } : {};
    if (filter.status === undefined) return this.events.countDocuments(byType);
    if (filter.status === 'done') {
      const [all, open] = await Promise.all([
        this.events.countDocuments(byType),
        this.queue.countDocuments(byType),
      ]);
      return all - open;
    }
    return this.queue.countDocuments({ ...byType, status: filter.status });
  }

  /** Removes finished records older than the cutoff (a job; no TTL indexes on FerretDB). */
  async purgeDone(before: Date): Promise<number> {
    const open = (await this.queue.find().select({ _id: 1 }).lean<{ _id: string }[]>()).map(
      (r) => r._id,
    );
    const res = await this.events.deleteMany({ receivedAt: { $lt: before }, _id: { $nin: open } });
    await this.claims.deleteMany({ at: { $lt: before } });
    return res.deletedCount;
  }
}
