import type { Connection, Model } from 'mongoose';
import {
  extensionDecisionModel,
  extensionRequestModel,
  type DeciderCardRef,
  type ExtensionDecisionDoc,
  type ExtensionRequestDoc,
} from './models/extension';
import { markSummaryStale } from './summary-marks';
import { isDuplicateKeyError } from './mongo-errors';

/** A request with its decision folded in (the decision record is the truth; `status` may lag it). */
function merge(
  req: ExtensionRequestDoc,
  decision: ExtensionDecisionDoc | null,
): ExtensionRequestDoc {
  if (!decision) return req;
  return {
    ...req,
    status: decision.status,
    decidedBy: decision.decidedBy,
    decidedAs: decision.decidedAs,
    decidedAt: decision.decidedAt,
    ...(decision.comment ? { comment: decision.comment } : {}),
  };
}

export type DecisionOutcome =
  | { won: true; decision: ExtensionDecisionDoc }
  | { won: false; decision: ExtensionDecisionDoc };

/** Every query on extension requests and their decisions. */
export class ExtensionRepo {
  private readonly requests: Model<ExtensionRequestDoc>;
  private readonly decisions: Model<ExtensionDecisionDoc>;

  constructor(conn: Connection) {
    this.requests = extensionRequestModel(conn);
    this.decisions = extensionDecisionModel(conn);
  }

  static requestId(activityId: string, seq: number): string {
    return `ext:${activityId}:${seq}`;
  }

  async findById(id: string): Promise<ExtensionRequestDoc | null> {
    const req = await this.requests.findById(id).lean<ExtensionRequestDoc>();
    if (!req || req.status !== 'pending') return req;
    return merge(req, await this.decisions.findById(id).lean<ExtensionDecisionDoc>());
  }

  /** The activity's latest request, if any. */
  async latestFor(activityId: string): Promise<ExtensionRequestDoc | null> {
    const [req] = await this.requests
      .find({ activityId })
      .sort({ seq: -1 })
      .limit(1)
      .lean<ExtensionRequestDoc[]>();
    if (!req || req.status !== 'pending') return req ?? null;
    return merge(req, await this.decisions.findById(req._id).lean<ExtensionDecisionDoc>());
  }

  /** Inserts the request; false when one with this `_id` exists already (a double submit). */
  async create(doc: ExtensionRequestDoc): Promise<boolean> {
    try {
      await this.requests.collection.insertOne(doc as never);
      await markSummaryStale(this.requests.db, { activityId: doc.activityId }, doc.createdAt);
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }

  /**
   * Records the decision once: the first insert wins, every later or concurrent one gets the
   * winner's decision back. A single insert under the request's `_id` is atomic on every server.
   */
  async decide(decision: ExtensionDecisionDoc): Promise<DecisionOutcome> {
    try {
      await this.decisions.collection.insertOne(decision as never);
      return { won: true, decision };
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const winner = await this.decisions.findById(decision._id).lean<ExtensionDecisionDoc>();
      if (!winner) throw err;
      return { won: false, decision: winner };
    }
  }

  /** Copies the decision onto the request (idempotent; a rerun after a crash writes the same). */
  async markDecided(decision: ExtensionDecisionDoc): Promise<void> {
    await this.requests.updateOne(
      { _id: decision._id },
      {
        $set: {
          status: decision.status,
          decidedBy: decision.decidedBy,
          decidedAs: decision.decidedAs,
          decidedAt: decision.decidedAt,
          ...(decision.comment ? { comment: decision.comment } : {}),
        },
      },
    );
    await markSummaryStale(
      this.requests.db,
      { activityId: decision.activityId },
      decision.decidedAt,
    );
  }

  async addCard(id: string, ref: DeciderCardRef): Promise<void> {
    await this.requests.updateOne({ _id: id }, { $push: { cards: ref } });
  }

  /** Requests still waiting for a decision (the follow-up job reminds and re-sends their cards). */
  async pending(): Promise<ExtensionRequestDoc[]> {
    const rows = await this.requests
      .find({ status: 'pending' })
      .sort({ createdAt: 1 })
      .lean<ExtensionRequestDoc[]>();
    const out: ExtensionRequestDoc[] = [];
    for (const row of rows) {
      const merged = merge(
        row,
        await this.decisions.findById(row._id).lean<ExtensionDecisionDoc>(),
      );
      if (merged.status === 'pending') out.push(merged);
    }
    return out;
  }

  /** Requests decided (a decision record exists) whose status copy was never written: a crash mid-way. */
  async unapplied(): Promise<{ request: ExtensionRequestDoc; decision: ExtensionDecisionDoc }[]> {
    const rows = await this.requests.find({ status: 'pending' }).lean<ExtensionRequestDoc[]>();
    const out: { request: ExtensionRequestDoc; decision: ExtensionDecisionDoc }[] = [];
    for (const request of rows) {
      const decision = await this.decisions.findById(request._id).lean<ExtensionDecisionDoc>();
      if (decision) out.push({ request, decision });
    }
    return out;
  }

  /** Activity ids with a pending request, for the overdue digest and reminders. */
  async pendingActivityIds(): Promise<Set<string>> {
    return new Set((await this.pending()).map((r) => r.activityId));
  }
}
