import type { Connection, Model } from 'mongoose';
import { MaterialBlobRepo } from './material-blob-repo';
import { MaterialIntakeRepo } from './material-intake-repo';
import {
  materialHashModel,
  materialModel,
  type MaterialDoc,
  type MaterialHashDoc,
} from './models/material';
import { isDuplicateKeyError } from './mongo-errors';
import { markSummaryStale } from './summary-marks';

/**
 * Queries on archived items (`materials`) and their content fingerprints (`material_hashes`), plus
 * the blob store and the intake bookkeeping as `blobs` and `intake`. Other features add their
 * methods in repositories of their own.
 */
export class MaterialRepo {
  private readonly materials: Model<MaterialDoc>;
  private readonly hashes: Model<MaterialHashDoc>;
  readonly blobs: MaterialBlobRepo;
  readonly intake: MaterialIntakeRepo;

  constructor(conn: Connection) {
    this.materials = materialModel(conn);
    this.hashes = materialHashModel(conn);
    this.blobs = new MaterialBlobRepo(conn);
    this.intake = new MaterialIntakeRepo(conn);
  }

  async findById(id: string): Promise<MaterialDoc | null> {
    return this.materials.findById(id).lean<MaterialDoc>();
  }

  /** Reads several items by id (one `_id` read each: cheap on FerretDB), in the order asked. */
  async findByIds(ids: string[]): Promise<MaterialDoc[]> {
    const docs = await Promise.all(ids.map((id) => this.findById(id)));
    return docs.filter((d): d is MaterialDoc => d !== null);
  }

  /** Inserts an item once; false when its `_id` (message id + file key) is already there. */
  async insertOnce(doc: MaterialDoc): Promise<boolean> {
    try {
      await this.materials.collection.insertOne(doc as never);
      await this.stale(doc);
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }

  /** Replaces an item that failed earlier with its stored version (a later collect succeeded). */
  async replaceFailed(doc: MaterialDoc): Promise<boolean> {
    const res = await this.materials.replaceOne({ _id: doc._id, status: 'failed' }, doc);
    if (res.modifiedCount === 1) await this.stale(doc);
    return res.modifiedCount === 1;
  }

  /** The console table counts items per activity. */
  private async stale(doc: MaterialDoc): Promise<void> {
    if (doc.activityId)
      await markSummaryStale(this.materials.db, { activityId: doc.activityId }, doc.updatedAt);
  }

  /**
   * Claims content for a scope (an activity, or a sender's unfiled publicity batch): the first item
   * to insert `<scope>|<sha256>` keeps it. Returns the item that holds it (this one when it won, or
   * when an earlier attempt of this same item had already won).
   */
  async claimContent(
    scope: string,
    sha256: string,
    materialId: string,
    now: Date,
  ): Promise<{ won: boolean; holder: string }> {
    const _id = `${scope}|${sha256}`;
    try {
      await this.hashes.collection.insertOne({ _id, materialId, at: now } as never);
      return { won: true, holder: materialId };
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    const existing = await this.hashes.findById(_id).lean<MaterialHashDoc>();
    const holder = existing?.materialId ?? materialId;
    return { won: holder === materialId, holder };
  }

  /** Records which batch items belong to (their acknowledgement and description form). */
  async setBatch(ids: string[], batchId: string, now: Date): Promise<void> {
    for (const id of ids) {
      await this.materials.updateOne({ _id: id }, { $set: { batchId, updatedAt: now } });
    }
  }

  /** Every item of an activity (any status, removed ones too), oldest first. */
  async listByActivity(activityId: string): Promise<MaterialDoc[]> {
    return this.materials.find({ activityId }).sort({ createdAt: 1, _id: 1 }).lean<MaterialDoc[]>();
  }

  /** Items of a batch, oldest first. */
  async listByBatch(batchId: string): Promise<MaterialDoc[]> {
    return this.materials.find({ batchId }).sort({ createdAt: 1, _id: 1 }).lean<MaterialDoc[]>();
  }
}
