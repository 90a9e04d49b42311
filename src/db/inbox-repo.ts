import type { Connection, Model } from 'mongoose';
import {
  inboxClaimModel,
  inboxEventModel,
  type InboxClaimDoc,
  type InboxEventDoc,
} from './models/inbox-event';
import { isDuplicateKeyError } from './mongo-errors';

/** How many due records a claim looks at, so concurrent workers spread over them. */
const CLAIM_CANDIDATES = 8;

export interface NewInboxRecord {
  id: string;
  eventId: string;
  type: string;
  payload: Record<string, unknown>;
  runAt?: Date;
}

/** Every query on the inbox. Claims are one atomic findOneAndUpdate, so several workers never share a record. */
export class InboxRepo {
  private readonly model: Model<InboxEventDoc>;
  private readonly claims: Model<InboxClaimDoc>;
  constructor(conn: Connection) {
    this.model = inboxEventModel(conn);
    this.claims = inboxClaimModel(conn);
  }

  /** Stores a record unless its id or event id is already known; returns whether it was new. */
  async accept(record: NewInboxRecord, now: Date): Promise<'accepted' | 'duplicate'> {
    try {
      await this.model.collection.insertOne({
        _id: record.id as never,
        eventId: record.eventId,
        type: record.type,
        payload: record.payload,
        status: 'pending',
        attempts: 0,
        claims: 0,
        runAt: record.runAt ?? now,
        receivedAt: now,
      });
      return 'accepted';
    } catch (err) {
      if (isDuplicateKeyError(err)) return 'duplicate';
      throw err;
    }
  }

  /**
   * Takes one of the oldest due records (pending, or running with an expired lease) and leases it.
   * The claim is an insert under a unique key, then a conditional update; whoever loses either step
   * tries the next candidate. Safe with several processes on MongoDB and on FerretDB.
   */
  async claim(now: Date, leaseMs: number, workerId: string): Promise<InboxEventDoc | null> {
    const candidates = await this.model
      .find({ status: { $in: ['pending', 'running'] }, runAt: { $lte: now } })
      .sort({ runAt: 1 })
      .limit(CLAIM_CANDIDATES)
      .select({ _id: 1, claims: 1 })
      .lean<{ _id: string; claims: number }[]>();
    const offset = candidates.length
      ? Math.floor(Math.random() * Math.min(candidates.length, 4))
      : 0;
    for (let i = 0; i < candidates.length; i++) {
      const candidate = candidates[(i + offset) % candidates.length]!;
      const claimNo = (candidate.claims ?? 0) + 1;
      try {
        await this.claims.collection.insertOne({
          _id: `${candidate._id}#${claimNo}` as never,
          workerId,
          at: now,
        });
      } catch (err) {
        if (isDuplicateKeyError(err)) continue;
        throw err;
      }
      const leased = await this.model
        .findOneAndUpdate(
          {
            _id: candidate._id,
            claims: candidate.claims ?? 0,
            status: { $in: ['pending', 'running'] },
          },
          {
            $set: {
              status: 'running',
              runAt: new Date(now.getTime() + leaseMs),
              lockedBy: workerId,
              claims: claimNo,
            },
            $inc: { attempts: 1 },
          },
          { new: true },
        )
        .lean<InboxEventDoc>();
      if (leased) return leased;
    }
    return null;
  }

  /** Marks a record done, only if this worker still holds it. */
  async complete(id: string, workerId: string, now: Date): Promise<boolean> {
    const res = await this.model.updateOne(
      { _id: id, lockedBy: workerId, status: 'running' },
      { $set: { status: 'done', doneAt: now }, $unset: { lockedBy: 1 } },
    );
    return res.modifiedCount === 1;
  }

  /** Puts a record back for a later attempt. */
  async retryLater(id: string, workerId: string, runAt: Date, error: string): Promise<void> {
    await this.model.updateOne(
      { _id: id, lockedBy: workerId, status: 'running' },
      {
        $set: { status: 'pending', runAt, lastError: error.slice(0, 2000) },
        $unset: { lockedBy: 1 },
      },
    );
  }

  /** Gives up on a record; it stays as failed for people to look at. */
  async fail(id: string, workerId: string, now: Date, error: string): Promise<void> {
    await this.model.updateOne(
      { _id: id, lockedBy: workerId, status: 'running' },
      {
        $set: { status: 'failed', doneAt: now, lastError: error.slice(0, 2000) },
        $unset: { lockedBy: 1 },
      },
    );
  }

  /** Hands a leased record back without counting the attempt (graceful shutdown). */
  async release(id: string, workerId: string, now: Date): Promise<void> {
    await this.model.updateOne(
      { _id: id, lockedBy: workerId, status: 'running' },
      { $set: { status: 'pending', runAt: now }, $inc: { attempts: -1 }, $unset: { lockedBy: 1 } },
    );
  }

  async get(id: string): Promise<InboxEventDoc | null> {
    return this.model.findById(id).lean<InboxEventDoc>().exec();
  }

  /** Backlog figures for /readyz. */
  async backlog(now: Date): Promise<{
    pending: number;
    running: number;
    failed: number;
    oldestPendingAgeMs: number | null;
  }> {
    const [pending, running, failed, oldest] = await Promise.all([
      this.model.countDocuments({ status: 'pending' }),
      this.model.countDocuments({ status: 'running' }),
      this.model.countDocuments({ status: 'failed' }),
      this.model
        .findOne({ status: 'pending' })
        .sort({ receivedAt: 1 })
        .select({ receivedAt: 1 })
        .lean<{ receivedAt: Date }>(),
    ]);
    return {
      pending,
      running,
      failed,
      oldestPendingAgeMs: oldest ? now.getTime() - oldest.receivedAt.getTime() : null,
    };
  }

  /** Counts records by status and type (tests, benchmarks). */
  async count(filter: { status?: string; type?: string } = {}): Promise<number> {
    return this.model.countDocuments(filter);
  }

  /** Removes finished records older than the cutoff (the cleanup job; no TTL indexes on FerretDB). */
  async purgeDone(before: Date): Promise<number> {
    const res = await this.model.deleteMany({ status: 'done', doneAt: { $lt: before } });
    await this.claims.deleteMany({ at: { $lt: before } });
    return res.deletedCount;
  }
}
