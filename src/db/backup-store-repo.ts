import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Connection } from 'mongoose';
import type { Priority } from '../domain/backup-rules';
import { BackupBlobRepo, type GridFileDoc } from './backup-blob-repo';
import { MATERIAL_BUCKET, type MaterialDoc } from './models/material';

export { gridId, gridKey, type GridFileDoc, type ScannedChunk } from './backup-blob-repo';

type Raw = Record<string, unknown>;

/** The fields a backup plan needs from each material. */
export type PlanMaterial = Pick<
  MaterialDoc,
  | '_id'
  | 'activityId'
  | 'kind'
  | 'status'
  | 'fileName'
  | 'size'
  | 'sha256'
  | 'blobId'
  | 'archiveNo'
  | 'priority'
  | 'valueDecision'
  | 'valueReason'
  | 'removedAt'
  | 'removeReason'
  | 'createdAt'
>;

/** Collections never backed up: transient machinery, leases, and the materials' chunks (payload). */
const TRANSIENT = new Set([
  'inbox_events',
  'inbox_claims',
  'inbox_queue',
  'inbox_done',
  'job_runs',
  'backup_runs',
  `${MATERIAL_BUCKET}.chunks`,
  `${MATERIAL_BUCKET}.files`,
]);

/**
 * What a backup reads from (and a restore writes to) the bot's database: materials, activities, audit
 * events, handover records read generically; the GridFS bytes through `blobs` (BackupBlobRepo). Every
 * query of the backup services lives here or there.
 */
export class BackupStoreRepo {
  readonly blobs: BackupBlobRepo;

  constructor(readonly conn: Connection) {
    this.blobs = new BackupBlobRepo(conn);
  }

  private coll(name: string) {
    return this.conn.db!.collection(name);
  }

  /** Names of the collections present (no system ones). */
  async collectionNames(): Promise<string[]> {
    const list = await this.conn.db!.listCollections({}, { nameOnly: true }).toArray();
    return list
      .map((c) => c.name)
      .filter((n) => !n.startsWith('system.'))
      .sort();
  }

  /** Collections a full bag dumps whole (everything persistent except materials' GridFS). */
  async databaseCollections(): Promise<string[]> {
    return (await this.collectionNames()).filter((n) => !TRANSIENT.has(n));
  }

  /** Handover records of the handover feature, read generically (`handovers`, `handover_*`). */
  async handoverCollections(): Promise<string[]> {
    return (await this.collectionNames()).filter(
      (n) => (n === 'handovers' || n.startsWith('handover_')) && !/\.(files|chunks)$/.test(n),
    );
  }

  async planMaterials(filter: Raw = {}): Promise<PlanMaterial[]> {
    return (await this.coll('materials')
      .find(filter, {
        projection: {
          activityId: 1,
          kind: 1,
          status: 1,
          fileName: 1,
          size: 1,
          sha256: 1,
          blobId: 1,
          archiveNo: 1,
          priority: 1,
          valueDecision: 1,
          valueReason: 1,
          removedAt: 1,
          removeReason: 1,
          createdAt: 1,
        },
      })
      .toArray()) as unknown as PlanMaterial[];
  }

  /** id → code, year and title of every activity. */
  async activityIndex(): Promise<Map<string, { code: string; year: number; title: string }>> {
    const docs = await this.coll('activities')
      .find({}, { projection: { code: 1, year: 1, title: 1 } })
      .toArray();
    return new Map(
      docs.map((d) => [
        String(d._id),
        { code: String(d.code), year: Number(d.year), title: String(d.title) },
      ]),
    );
  }

  /** Documents of a collection in `_id` order, streamed. */
  stream(name: string, filter: Raw = {}): AsyncIterable<Raw> {
    return this.coll(name).find(filter).sort({ _id: 1 }) as unknown as AsyncIterable<Raw>;
  }

  async count(name: string, filter: Raw = {}): Promise<number> {
    return this.coll(name).countDocuments(filter);
  }

  async findById(name: string, id: unknown): Promise<Raw | null> {
    return this.coll(name).findOne({ _id: id as never });
  }

  /** An activity by id or code (HD-2026-0001). */
  async findActivity(idOrCode: string): Promise<Raw | null> {
    return (
      (await this.coll('activities').findOne({ _id: idOrCode as never })) ??
      (await this.coll('activities').findOne({ code: idOrCode }))
    );
  }

  /** GridFS file entries of the materials' bucket, by blob id. */
  gridFiles(blobIds: readonly string[]): Promise<Map<string, GridFileDoc>> {
    return this.blobs.gridFiles(blobIds);
  }

  /** Writes a blob under a given id (restore, repair of the live store), replacing any old bytes. */
  putBlob(blobId: string, source: Readable, file: Parameters<BackupBlobRepo['put']>[2]) {
    return this.blobs.put(blobId, source, file);
  }

  /** Restores documents as they were (used on an empty database only). */
  async insertRaw(name: string, docs: Raw[]): Promise<void> {
    if (docs.length) await this.coll(name).insertMany(docs, { ordered: true });
  }

  /** Sets an item's backup priority and logs it on its activity's audit trail. */
  async setMaterialPriority(
    materialId: string,
    priority: Priority,
    actor: string,
    at: Date,
    reason?: string,
  ): Promise<boolean> {
    return this.updateMaterial(materialId, { priority }, 'material.priority', actor, at, reason);
  }

  /** Records a value decision (keep / exclude) with its reason on the item and the audit trail. */
  async setValueDecision(
    materialId: string,
    decision: 'keep' | 'exclude',
    reason: string,
    actor: string,
    at: Date,
  ): Promise<boolean> {
    return this.updateMaterial(
      materialId,
      { valueDecision: decision, valueReason: reason },
      'material.value',
      actor,
      at,
      reason,
    );
  }

  private async updateMaterial(
    id: string,
    set: Raw,
    action: string,
    actor: string,
    at: Date,
    reason?: string,
  ): Promise<boolean> {
    const before = await this.coll('materials').findOne({ _id: id as never });
    if (!before) return false;
    await this.coll('materials').updateOne(
      { _id: id as never },
      { $set: { ...set, updatedAt: at } },
    );
    await this.auditActivity(
      typeof before.activityId === 'string' ? before.activityId : '',
      action,
      actor,
      at,
      Object.keys(set).map((field) => ({
        field,
        before: before[field] as unknown,
        after: set[field],
      })),
      reason,
      { materialId: id },
    );
    return true;
  }

  /** Appends an audit event to an activity's trail (the activities feature's collection). */
  async auditActivity(
    activityId: string,
    action: string,
    actor: string,
    at: Date,
    changes: { field: string; before?: unknown; after?: unknown }[],
    reason?: string,
    extra: Raw = {},
  ): Promise<void> {
    await this.coll('audit_events').insertOne({
      _id: randomUUID() as never,
      activityId,
      at,
      actor,
      action,
      changes,
      ...(reason ? { reason } : {}),
      ...extra,
    });
  }
}
