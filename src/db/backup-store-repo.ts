import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import mongoose, { type Connection } from 'mongoose';
import type { Priority } from '../domain/backup-rules';
import { MATERIAL_BUCKET, type MaterialDoc } from './models/material';

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

/** One GridFS chunk as scanned: which file, which piece, the bytes. */
export interface ScannedChunk {
  fileKey: string;
  n: number;
  data: Buffer;
}

/** A GridFS file entry (`<bucket>.files`). */
export interface GridFileDoc {
  _id: unknown;
  length: number;
  chunkSize: number;
  filename?: string;
  uploadDate?: Date;
  metadata?: Raw;
  contentType?: string;
}

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

/** GridFS ids are ObjectIds in hex (what the intake stores as blobId) or plain strings. */
export function gridId(blobId: string): unknown {
  return /^[0-9a-f]{24}$/.test(blobId) ? new mongoose.Types.ObjectId(blobId) : blobId;
}

/** The key a file id has in maps: its hex or its string. */
export const gridKey = (id: unknown): string =>
  id instanceof mongoose.Types.ObjectId ? id.toHexString() : String(id);

/**
 * What a backup reads from (and a restore writes to) the bot's database: materials, activities, audit
 * events, handover records read generically, and the GridFS bytes. Every query of the backup
 * services lives here. GridFS is read with one scan of the chunks collection for many files at once,
 * because FerretDB 1.24 answers a `files_id` filter with a full scan (only `_id` is pushed down).
 */
export class BackupStoreRepo {
  constructor(readonly conn: Connection) {}

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
  async gridFiles(blobIds: readonly string[]): Promise<Map<string, GridFileDoc>> {
    const out = new Map<string, GridFileDoc>();
    for (let i = 0; i < blobIds.length; i += 1000) {
      const ids = blobIds.slice(i, i + 1000).map(gridId);
      const docs = await this.coll(`${MATERIAL_BUCKET}.files`)
        .find({ _id: { $in: ids as never[] } })
        .toArray();
      for (const d of docs) out.set(gridKey(d._id), d as unknown as GridFileDoc);
    }
    return out;
  }

  /**
   * Streams the chunks of the given files (or of every file) in one pass, in storage order. Chunks of
   * one file normally arrive in order; callers must not rely on it (positional writes).
   */
  async *scanChunks(
    blobIds: readonly string[] | 'all',
    batchSize = 24,
  ): AsyncGenerator<ScannedChunk> {
    const filter = blobIds === 'all' ? {} : { files_id: { $in: blobIds.map(gridId) as never[] } };
    const cursor = this.coll(`${MATERIAL_BUCKET}.chunks`).find(filter, {
      batchSize,
      promoteBuffers: true,
      projection: { files_id: 1, n: 1, data: 1 },
    });
    try {
      for await (const c of cursor) {
        yield { fileKey: gridKey(c.files_id), n: Number(c.n), data: c.data as Buffer };
      }
    } finally {
      await cursor.close();
    }
  }

  /** Writes a blob under a given id (restore, repair of the live store), replacing any old bytes. */
  async putBlob(
    blobId: string,
    source: Readable,
    file: { filename: string; metadata?: Raw; uploadDate?: Date; contentType?: string },
  ): Promise<void> {
    const bucket = new mongoose.mongo.GridFSBucket(this.conn.db!, { bucketName: MATERIAL_BUCKET });
    const id = gridId(blobId);
    const existing = await this.coll(`${MATERIAL_BUCKET}.files`).findOne({ _id: id as never });
    if (existing) await bucket.delete(id as mongoose.Types.ObjectId);
    const upload = bucket.openUploadStreamWithId(id as mongoose.Types.ObjectId, file.filename, {
      ...(file.metadata ? { metadata: file.metadata } : {}),
      ...(file.contentType ? { contentType: file.contentType } : {}),
    });
    await pipeline(source, upload);
    if (file.uploadDate) {
      await this.coll(`${MATERIAL_BUCKET}.files`).updateOne(
        { _id: id as never },
        { $set: { uploadDate: file.uploadDate } },
      );
    }
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
