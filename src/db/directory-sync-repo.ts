import type { Connection, Model } from 'mongoose';
import type { SyncChanges } from '../domain/directory-sync';
import { directorySyncPlanModel, type DirectorySyncPlanDoc } from './models/directory';

export type SyncPlanStatus = DirectorySyncPlanDoc['status'];

export interface SyncPlan {
  id: string;
  status: SyncPlanStatus;
  requestedBy: string;
  baseRevision: number;
  changes: SyncChanges;
  /** Display names of the people the changes mention. */
  names: Record<string, string>;
  createdAt: Date;
  decidedBy?: string;
  decidedAt?: Date;
}

/** Proposed directory syncs, read and written by `_id` only. */
export class DirectorySyncRepo {
  private readonly plans: Model<DirectorySyncPlanDoc>;

  constructor(conn: Connection) {
    this.plans = directorySyncPlanModel(conn);
  }

  async insert(plan: Omit<SyncPlan, 'status'>): Promise<void> {
    await this.plans.create({
      _id: plan.id,
      status: 'proposed',
      requestedBy: plan.requestedBy,
      baseRevision: plan.baseRevision,
      changes: plan.changes as unknown as Record<string, unknown>,
      names: plan.names,
      createdAt: plan.createdAt,
    });
  }

  async get(id: string): Promise<SyncPlan | undefined> {
    const doc = await this.plans.findById(id).lean<DirectorySyncPlanDoc>();
    if (!doc) return undefined;
    return {
      id: doc._id,
      status: doc.status,
      requestedBy: doc.requestedBy,
      baseRevision: doc.baseRevision,
      changes: doc.changes as unknown as SyncChanges,
      names: doc.names ?? {},
      createdAt: doc.createdAt,
      ...(doc.decidedBy ? { decidedBy: doc.decidedBy } : {}),
      ...(doc.decidedAt ? { decidedAt: doc.decidedAt } : {}),
    };
  }

  /**
   * Records a plan's new status. An `_id` write only (FerretDB scans for anything else); the callers
   * run one at a time per plan (one inbox task per plan and decision).
   */
  async setStatus(id: string, to: SyncPlanStatus, by: string, at: Date): Promise<void> {
    await this.plans.updateOne({ _id: id }, { $set: { status: to, decidedBy: by, decidedAt: at } });
  }
}
