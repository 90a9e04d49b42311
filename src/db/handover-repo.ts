import { randomUUID } from 'node:crypto';
import type { Connection, Model } from 'mongoose';
import { nextCandidates } from '../domain/archive-number';
import { HandoverBlobs } from './handover-blobs';
import {
  archiveCounterModel,
  archiveNumberModel,
  criticismModel,
  handoverDecisionModel,
  handoverSubmissionModel,
  type ArchiveCounterDoc,
  type ArchiveNumberDoc,
  type CriticismDoc,
  type HandoverDecisionDoc,
  type HandoverSubmissionDoc,
} from './models/handover';
import { materialModel, type MaterialDoc } from './models/material';
import { isDuplicateKeyError } from './mongo-errors';

/** Items of one class to number, in list order. */
export interface NumberRequest {
  classKey: string;
  materialIds: string[];
  format: (itemNo: number) => string;
}

/** Statements per write command (see setArchiveNumbers). */
const BATCH = 50;

const byVersion = (a: HandoverSubmissionDoc, b: HandoverSubmissionDoc) => a.version - b.version;

/**
 * Every query of the handover: submissions and their versions, the one decision per submission,
 * archive-number claims, criticisms, and the material reads and writes handover needs.
 */
export class HandoverRepo {
  readonly blobs: HandoverBlobs;
  private readonly submissions: Model<HandoverSubmissionDoc>;
  private readonly decisions: Model<HandoverDecisionDoc>;
  private readonly numbers: Model<ArchiveNumberDoc>;
  private readonly counters: Model<ArchiveCounterDoc>;
  private readonly criticisms: Model<CriticismDoc>;
  private readonly materials: Model<MaterialDoc>;

  /** The connection (fixtures, the benchmark and the demo write materials through it). */
  readonly connection: Connection;

  constructor(conn: Connection) {
    this.connection = conn;
    this.blobs = new HandoverBlobs(conn);
    this.submissions = handoverSubmissionModel(conn);
    this.decisions = handoverDecisionModel(conn);
    this.numbers = archiveNumberModel(conn);
    this.counters = archiveCounterModel(conn);
    this.criticisms = criticismModel(conn);
    this.materials = materialModel(conn);
  }

  // ── materials ──

  /** An activity's live items (not removed), stored or failed. */
  async liveMaterials(activityId: string): Promise<MaterialDoc[]> {
    return this.materials.find({ activityId, removedAt: { $exists: false } }).lean<MaterialDoc[]>();
  }

  async material(id: string): Promise<MaterialDoc | null> {
    return this.materials.findById(id).lean<MaterialDoc>();
  }

  /**
   * Writes archive numbers onto items: `_id`-keyed updates sent in batches of BATCH (FerretDB 1.24
   * never answers an update command carrying 100 or more statements).
   */
  async setArchiveNumbers(
    assigned: { materialId: string; archiveNo: string; itemNo: number }[],
    now: Date,
  ): Promise<void> {
    for (let from = 0; from < assigned.length; from += BATCH) {
      await this.materials.collection.bulkWrite(
        assigned.slice(from, from + BATCH).map((a) => ({
          updateOne: {
            filter: { _id: a.materialId as never },
            update: { $set: { archiveNo: a.archiveNo, itemNo: a.itemNo, updatedAt: now } },
          },
        })),
        { ordered: false },
      );
    }
  }

  /** Marks a physical item's original received; false when it already was (or is not physical). */
  async markPhysicalReceived(id: string, by: string, now: Date): Promise<boolean> {
    const res = await this.materials.updateOne(
      { _id: id, kind: 'physical', 'physical.receivedAt': { $exists: false } },
      { $set: { 'physical.receivedAt': now, 'physical.receivedBy': by, updatedAt: now } },
    );
    return res.modifiedCount === 1;
  }

  /** Marks a document's paper original received; false when it already was. */
  async markPaperReceived(id: string, now: Date): Promise<boolean> {
    const res = await this.materials.updateOne(
      { _id: id, kind: 'document', originalReceivedAt: { $exists: false } },
      { $set: { originalReceivedAt: now, updatedAt: now } },
    );
    return res.modifiedCount === 1;
  }

  /** Items carrying this archive number (exact). */
  async materialByArchiveNo(archiveNo: string): Promise<MaterialDoc | null> {
    return this.materials.findOne({ archiveNo }).lean<MaterialDoc>();
  }

  // ── submissions ──

  /**
   * Inserts a version under `<activityId>:v<version>`; null when that version exists already (a
   * double tap or a second organizer submitting at the same moment): the caller reports it.
   */
  async insertSubmission(
    doc: Omit<HandoverSubmissionDoc, '_id'>,
  ): Promise<HandoverSubmissionDoc | null> {
    const full: HandoverSubmissionDoc = { ...doc, _id: `${doc.activityId}:v${doc.version}` };
    try {
      await this.submissions.collection.insertOne(full as never);
      return full;
    } catch (err) {
      if (isDuplicateKeyError(err)) return null;
      throw err;
    }
  }

  /** Removes a version nobody decided on (a submit undone because the activity changed). */
  async deleteSubmission(id: string): Promise<void> {
    await this.submissions.deleteOne({ _id: id, status: 'submitted' });
  }

  async submission(id: string): Promise<HandoverSubmissionDoc | null> {
    return this.submissions.findById(id).lean<HandoverSubmissionDoc>();
  }

  /** Every version of an activity's handover, oldest first. */
  async versions(activityId: string): Promise<HandoverSubmissionDoc[]> {
    const docs = await this.submissions.find({ activityId }).lean<HandoverSubmissionDoc[]>();
    return docs.sort(byVersion);
  }

  /** Versions of many activities (assessment), grouped by activity, oldest first. */
  async versionsOf(activityIds: string[]): Promise<Map<string, HandoverSubmissionDoc[]>> {
    const out = new Map<string, HandoverSubmissionDoc[]>();
    if (activityIds.length === 0) return out;
    const docs = await this.submissions
      .find({ activityId: { $in: activityIds } })
      .lean<HandoverSubmissionDoc[]>();
    for (const d of docs.sort(byVersion)) {
      out.set(d.activityId, [...(out.get(d.activityId) ?? []), d]);
    }
    return out;
  }

  async updateSubmission(id: string, set: Partial<HandoverSubmissionDoc>): Promise<void> {
    await this.submissions.updateOne({ _id: id }, { $set: set });
  }

  async addReviewMessage(id: string, messageId: string): Promise<void> {
    await this.submissions.updateOne({ _id: id }, { $addToSet: { reviewMessageIds: messageId } });
  }

  // ── decisions ──

  /** The decision, by unique insert: true when this one won, false when one existed already. */
  async insertDecision(doc: Omit<HandoverDecisionDoc, '_id'>): Promise<boolean> {
    try {
      await this.decisions.collection.insertOne({
        _id: `decision:${doc.submissionId}` as never,
        ...doc,
      });
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }

  async decision(submissionId: string): Promise<HandoverDecisionDoc | null> {
    return this.decisions.findById(`decision:${submissionId}`).lean<HandoverDecisionDoc>();
  }

  // ── archive numbers ──

  /**
   * Gives each item an item number in its class, unique and never reused: each number is claimed
   * by inserting `<class>|<no>`; a number another acceptance took is skipped. Claims already made
   * for this submission (a retried acceptance) are reused, so a retry burns no numbers.
   */
  async claimNumbers(
    requests: NumberRequest[],
    owner: { submissionId: string; activityId: string },
    now: Date,
  ): Promise<Map<string, { itemNo: number; archiveNo: string }>> {
    const out = new Map<string, { itemNo: number; archiveNo: string }>();
    const existing = await this.numbers
      .find({ submissionId: owner.submissionId })
      .lean<ArchiveNumberDoc[]>();
    for (const e of existing) out.set(e.materialId, { itemNo: e.itemNo, archiveNo: e.archiveNo });
    for (const req of requests) {
      const todo = req.materialIds.filter((id) => !out.has(id));
      if (todo.length === 0) continue;
      let hint = (await this.counters.findById(req.classKey).lean<ArchiveCounterDoc>())?.last ?? 0;
      while (todo.length > 0) {
        const candidates = nextCandidates(hint, Math.min(todo.length, BATCH));
        const docs = candidates.map((itemNo, i) => ({
          _id: `${req.classKey}|${itemNo}`,
          classKey: req.classKey,
          itemNo,
          archiveNo: req.format(itemNo),
          materialId: todo[i]!,
          activityId: owner.activityId,
          submissionId: owner.submissionId,
          at: now,
        }));
        const won = await this.insertClaims(docs);
        for (const d of won) out.set(d.materialId, { itemNo: d.itemNo, archiveNo: d.archiveNo });
        const wonIds = new Set(won.map((d) => d.materialId));
        const lost = todo.filter((id) => !wonIds.has(id));
        todo.splice(0, todo.length, ...lost);
        hint = candidates.at(-1)!;
      }
      await this.counters.updateOne(
        { _id: req.classKey },
        { $max: { last: hint } },
        { upsert: true },
      );
    }
    return out;
  }

  /** Inserts claims in order; returns those inserted (a duplicate stops nothing else). */
  private async insertClaims(docs: ArchiveNumberDoc[]): Promise<ArchiveNumberDoc[]> {
    try {
      await this.numbers.collection.insertMany(docs as never[], { ordered: false });
      return docs;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const failed = new Set(
        ((err as { writeErrors?: { index: number }[] }).writeErrors ?? []).map((w) => w.index),
      );
      if (failed.size === 0) return this.confirmClaims(docs);
      return docs.filter((_, i) => !failed.has(i));
    }
  }

  /** When the driver did not say which inserts failed: read back which claims are ours. */
  private async confirmClaims(docs: ArchiveNumberDoc[]): Promise<ArchiveNumberDoc[]> {
    const mine: ArchiveNumberDoc[] = [];
    for (const d of docs) {
      const stored = await this.numbers.findById(d._id).lean<ArchiveNumberDoc>();
      if (stored?.submissionId === d.submissionId && stored.materialId === d.materialId) {
        mine.push(d);
      }
    }
    return mine;
  }

  /** Every claim of an activity (tests and exports). */
  async numbersOf(activityId: string): Promise<ArchiveNumberDoc[]> {
    return this.numbers.find({ activityId }).lean<ArchiveNumberDoc[]>();
  }

  // ── criticisms ──

  async addCriticism(doc: Omit<CriticismDoc, '_id'>): Promise<CriticismDoc> {
    const full = { _id: randomUUID(), ...doc };
    await this.criticisms.collection.insertOne(full as never);
    return full;
  }

  async criticismsOf(year: number): Promise<CriticismDoc[]> {
    return this.criticisms.find({ year }).sort({ at: 1 }).lean<CriticismDoc[]>();
  }
}
