import { randomUUID } from 'node:crypto';
import type { Connection, Model } from 'mongoose';
import {
  activityPriorityModel,
  offsiteDeliveryModel,
  sealedAccessModel,
  sealedApprovalModel,
  type ActivityPriorityDoc,
  type OffsiteDeliveryDoc,
  type SealedAccessDoc,
  type SealedApprovalDoc,
  type SealedPurpose,
} from './models/backup';

export type {
  ActivityPriorityDoc,
  OffsiteDeliveryDoc,
  SealedAccessDoc,
  SealedApprovalDoc,
  SealedPurpose,
} from './models/backup';

/**
 * Custody around the bags: approvals to read sealed copies and the log of every access (第九条),
 * off-site deliveries (第五条–第七条), and activity priorities (第二条).
 */
export class BackupCustodyRepo {
  private readonly approvals: Model<SealedApprovalDoc>;
  private readonly access: Model<SealedAccessDoc>;
  private readonly deliveries: Model<OffsiteDeliveryDoc>;
  private readonly priorities: Model<ActivityPriorityDoc>;

  constructor(conn: Connection) {
    this.approvals = sealedApprovalModel(conn);
    this.access = sealedAccessModel(conn);
    this.deliveries = offsiteDeliveryModel(conn);
    this.priorities = activityPriorityModel(conn);
  }

  async addApproval(a: Omit<SealedApprovalDoc, '_id'>): Promise<string> {
    const id = `appr-${randomUUID().slice(0, 8)}`;
    await this.approvals.collection.insertOne({ _id: id as never, ...a });
    return id;
  }

  /** The newest approval covering a bag (or its whole target) for a purpose, valid at `now`. */
  async approvalFor(
    targetId: string,
    bagId: string,
    purpose: SealedPurpose,
    now: Date,
  ): Promise<SealedApprovalDoc | null> {
    const list = await this.approvals
      .find({ targetId })
      .sort({ at: -1 })
      .lean<SealedApprovalDoc[]>();
    return (
      list.find(
        (a) =>
          (a.bagId === undefined || a.bagId === bagId) &&
          a.purposes.includes(purpose) &&
          a.at.getTime() <= now.getTime() &&
          (a.until === undefined || a.until.getTime() > now.getTime()),
      ) ?? null
    );
  }

  async listApprovals(): Promise<SealedApprovalDoc[]> {
    return this.approvals.find().sort({ at: 1 }).lean<SealedApprovalDoc[]>();
  }

  async logAccess(a: Omit<SealedAccessDoc, '_id'>): Promise<void> {
    await this.access.collection.insertOne({ _id: randomUUID() as never, ...a });
  }

  async accessLog(since?: Date, until?: Date): Promise<SealedAccessDoc[]> {
    const at = { ...(since ? { $gte: since } : {}), ...(until ? { $lt: until } : {}) };
    return this.access
      .find(since || until ? { at } : {})
      .sort({ at: 1 })
      .lean<SealedAccessDoc[]>();
  }

  async addDelivery(d: OffsiteDeliveryDoc): Promise<void> {
    await this.deliveries.collection.insertOne(d as never);
  }

  async delivery(id: string): Promise<OffsiteDeliveryDoc | null> {
    return this.deliveries.findById(id).lean<OffsiteDeliveryDoc>();
  }

  async deliveriesOf(year?: number): Promise<OffsiteDeliveryDoc[]> {
    return this.deliveries
      .find(year === undefined ? {} : { year })
      .sort({ createdAt: 1 })
      .lean<OffsiteDeliveryDoc[]>();
  }

  async updateDelivery(id: string, set: Partial<OffsiteDeliveryDoc>): Promise<void> {
    await this.deliveries.updateOne({ _id: id }, { $set: set });
  }

  async setActivityPriority(doc: ActivityPriorityDoc): Promise<void> {
    await this.priorities.replaceOne({ _id: doc._id }, doc, { upsert: true });
  }

  /** activityId → priority, for every activity an archivist prioritised. */
  async activityPriorities(): Promise<Map<string, ActivityPriorityDoc['priority']>> {
    const docs = await this.priorities.find().lean<ActivityPriorityDoc[]>();
    return new Map(docs.map((d) => [d._id, d.priority]));
  }
}
