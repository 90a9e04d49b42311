import { randomUUID } from 'node:crypto';
import type { Connection, Model } from 'mongoose';
import {
  backupConfirmationModel,
  backupCounterModel,
  backupEntryModel,
  backupEventModel,
  backupFileModel,
  backupRunModel,
  keeperHandoverModel,
  type BackupConfirmationDoc,
  type BackupCounterDoc,
  type BackupEntryDoc,
  type BackupEventDoc,
  type BackupEventType,
  type BackupFileDoc,
  type BackupRunDoc,
  type KeeperHandoverDoc,
} from './models/backup';
import { isDuplicateKeyError } from './mongo-errors';

export type {
  BackupEntryDoc,
  BackupEventDoc,
  BackupEventType,
  BackupFileDoc,
  KeeperHandoverDoc,
} from './models/backup';

/** What claiming a scope gave: the run to perform, or who else is running it. */
export type BackupLease =
  | { taken: true; runId: string }
  | { taken: false; runId: string; holder: string; since: Date };

/** The register (备份登记表) and what it keeps: bags, their files, confirmations, events, runs. */
export class BackupRepo {
  private readonly entries: Model<BackupEntryDoc>;
  private readonly files: Model<BackupFileDoc>;
  private readonly confirmations: Model<BackupConfirmationDoc>;
  private readonly events: Model<BackupEventDoc>;
  private readonly runs: Model<BackupRunDoc>;
  private readonly keepers: Model<KeeperHandoverDoc>;
  private readonly counters: Model<BackupCounterDoc>;

  constructor(conn: Connection) {
    this.entries = backupEntryModel(conn);
    this.files = backupFileModel(conn);
    this.confirmations = backupConfirmationModel(conn);
    this.events = backupEventModel(conn);
    this.runs = backupRunModel(conn);
    this.keepers = keeperHandoverModel(conn);
    this.counters = backupCounterModel(conn);
  }

  /**
   * Claims a scope (`backup`, `fixity`, `drill`): inserts this run, then looks for another running
   * one whose heartbeat is younger than `leaseMs`. Both runs are written before either looks, so two
   * never both proceed (FerretDB 1.24 has no atomic conditional update across processes).
   */
  async acquire(scope: string, holder: string, now: Date, leaseMs: number): Promise<BackupLease> {
    const runId = `${scope}:${now.getTime()}:${randomUUID().slice(0, 8)}`;
    await this.runs.collection.insertOne({
      _id: runId as never,
      scope,
      holder,
      startedAt: now,
      heartbeatAt: now,
      status: 'running',
    });
    const other = await this.runs
      .findOne({
        scope,
        status: 'running',
        _id: { $ne: runId },
        heartbeatAt: { $gt: new Date(now.getTime() - leaseMs) },
      })
      .lean<BackupRunDoc>();
    if (!other) return { taken: true, runId };
    await this.runs.updateOne({ _id: runId }, { $set: { status: 'skipped', finishedAt: now } });
    return { taken: false, runId, holder: other.holder, since: other.startedAt };
  }

  async heartbeat(runId: string, now: Date): Promise<void> {
    await this.runs.updateOne({ _id: runId }, { $set: { heartbeatAt: now } });
  }

  async release(runId: string, status: 'done' | 'failed', now: Date): Promise<void> {
    await this.runs.updateOne({ _id: runId }, { $set: { status, finishedAt: now } });
  }

  /** Forgets finished runs started before `before` (no TTL indexes on FerretDB); returns how many. */
  async purgeRuns(before: Date): Promise<number> {
    const res = await this.runs.deleteMany({
      status: { $ne: 'running' },
      startedAt: { $lt: before },
    });
    return res.deletedCount;
  }

  /** Registers a bag and the content it holds (after the bag was renamed into place). */
  async register(entry: BackupEntryDoc, files: Omit<BackupFileDoc, '_id'>[]): Promise<void> {
    await this.entries.collection.insertOne(entry as never);
    const docs = files.map((f) => ({ _id: `${f.targetId}|${f.sha256}`, ...f }));
    for (let i = 0; i < docs.length; i += 500) {
      const batch = docs.slice(i, i + 500);
      await this.files.collection
        .insertMany(batch as never[], { ordered: false })
        .catch((err: unknown) => {
          // Content another bag of the target already holds keeps its first location.
          if (!isDuplicateKeyError(err) && !isBulkDuplicateOnly(err)) throw err;
        });
    }
  }

  async entry(bagId: string): Promise<BackupEntryDoc | null> {
    return this.entries.findById(bagId).lean<BackupEntryDoc>();
  }

  /** Entries, newest first, optionally of one target. */
  async list(filter: { targetId?: string; since?: Date; until?: Date } = {}) {
    const query: Record<string, unknown> = {};
    if (filter.targetId) query.targetId = filter.targetId;
    if (filter.since || filter.until) {
      query.createdAt = {
        ...(filter.since ? { $gte: filter.since } : {}),
        ...(filter.until ? { $lt: filter.until } : {}),
      };
    }
    return this.entries.find(query).sort({ createdAt: -1 }).lean<BackupEntryDoc[]>();
  }

  async latest(targetId: string, kind?: string): Promise<BackupEntryDoc | null> {
    return this.entries
      .findOne({ targetId, ...(kind ? { kind } : {}) })
      .sort({ createdAt: -1 })
      .lean<BackupEntryDoc>();
  }

  /** sha256 → where the target already holds those bytes. */
  async filesOf(targetId: string): Promise<Map<string, BackupFileDoc>> {
    const docs = await this.files.find({ targetId }).lean<BackupFileDoc[]>();
    return new Map(docs.map((d) => [d.sha256, d]));
  }

  /** Every registered copy of some content, on any target. */
  async copiesOf(sha256: string): Promise<BackupFileDoc[]> {
    return this.files.find({ sha256 }).lean<BackupFileDoc[]>();
  }

  async setLastFixity(bagId: string, fixity: BackupEntryDoc['lastFixity']): Promise<void> {
    await this.entries.updateOne({ _id: bagId }, { $set: { lastFixity: fixity } });
  }

  async markCardSent(bagId: string, at: Date): Promise<void> {
    await this.entries.updateOne({ _id: bagId }, { $set: { cardSentAt: at } });
  }

  /** Entries still waiting for their keeper's confirmation, oldest first. */
  async pending(): Promise<BackupEntryDoc[]> {
    return this.entries
      .find({ confirmedAt: { $exists: false } })
      .sort({ createdAt: 1 })
      .lean<BackupEntryDoc[]>();
  }

  /** The one confirmation of an entry; false when it was already confirmed. */
  async confirm(bagId: string, by: string, at: Date): Promise<boolean> {
    try {
      await this.confirmations.collection.insertOne({ _id: bagId as never, by, at });
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
    await this.entries.updateOne({ _id: bagId }, { $set: { confirmedAt: at, confirmedBy: by } });
    return true;
  }

  /** Moves a target's entries (or all, for `*`) to a new keeper and records the hand-over. */
  async handOverKeeper(h: Omit<KeeperHandoverDoc, '_id'>): Promise<number> {
    await this.keepers.collection.insertOne({ _id: randomUUID() as never, ...h });
    const filter = h.targetId === '*' ? { keeper: h.from } : { targetId: h.targetId };
    // Entries still waiting for confirmation go to the new keeper: their card is sent again.
    await this.entries.updateMany(
      { ...filter, confirmedAt: { $exists: false } },
      { $unset: { cardSentAt: 1 } },
    );
    const res = await this.entries.updateMany(filter, { $set: { keeper: h.to } });
    return res.modifiedCount;
  }

  async keeperHandovers(): Promise<KeeperHandoverDoc[]> {
    return this.keepers.find().sort({ at: 1 }).lean<KeeperHandoverDoc[]>();
  }

  /** The keeper named by the latest hand-over of a target (or of the register), if any. */
  async currentKeeper(targetId: string): Promise<string | undefined> {
    const latest = await this.keepers
      .find({ targetId: { $in: [targetId, '*'] } })
      .sort({ at: -1 })
      .limit(1)
      .lean<KeeperHandoverDoc[]>();
    return latest[0]?.to;
  }

  async addEvent(event: Omit<BackupEventDoc, '_id'>): Promise<string> {
    const id = randomUUID();
    await this.events.collection.insertOne({ _id: id as never, ...event });
    return id;
  }

  async eventsOf(type: BackupEventType, since?: Date, until?: Date): Promise<BackupEventDoc[]> {
    const at = { ...(since ? { $gte: since } : {}), ...(until ? { $lt: until } : {}) };
    return this.events
      .find({ type, ...(since || until ? { at } : {}) })
      .sort({ at: -1 })
      .lean<BackupEventDoc[]>();
  }

  /** The newest event of a type (only successful ones with `ok: true`). */
  async lastEvent(type: BackupEventType, ok?: boolean): Promise<BackupEventDoc | null> {
    return this.events
      .findOne({ type, ...(ok === undefined ? {} : { ok }) })
      .sort({ at: -1 })
      .lean<BackupEventDoc>();
  }

  /** The next number of a sequence (called under the backup lease only). */
  async nextSeq(key: string): Promise<number> {
    const doc = await this.counters.findOneAndUpdate(
      { _id: key },
      { $inc: { seq: 1 } },
      { upsert: true, new: true },
    );
    return doc.seq;
  }
}

/** insertMany(ordered: false) reports duplicates as a bulk error whose write errors are all 11000. */
function isBulkDuplicateOnly(err: unknown): boolean {
  const writeErrors = (err as { writeErrors?: { code?: number }[] | { code?: number } })
    .writeErrors;
  const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
  return list.length > 0 && list.every((e) => e.code === 11000);
}
