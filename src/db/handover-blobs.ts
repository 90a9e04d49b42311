import { createHash } from 'node:crypto';
import { Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { mongo, type Connection } from 'mongoose';
import { MATERIAL_BUCKET } from './models/material';
import { HANDOVER_BUCKET } from './models/handover';

interface FileDoc {
  _id: string | mongo.ObjectId;
  length: number;
  chunkSize: number;
  filename?: string;
}

interface ChunkDoc {
  _id: string | mongo.ObjectId;
  files_id: string | mongo.ObjectId;
  n: number;
  data: mongo.Binary | Buffer;
}

const HEX24 = /^[0-9a-f]{24}$/i;

const chunkBytes = (data: mongo.Binary | Buffer): Buffer =>
  Buffer.isBuffer(data) ? data : Buffer.from(data.buffer);

/**
 * Reads material blobs and stores handover files (transfer lists, exports, reports) in GridFS.
 *
 * Material blobs are written with deterministic chunk ids (`<fileId>#<n>`, see material-blob-repo.ts),
 * so they are read chunk by chunk by `_id` — the only fast lookup on FerretDB — holding one chunk at a
 * time. Blobs written by a standard GridFS writer (ObjectId ids) fall back to the driver's reader.
 */
export class HandoverBlobs {
  private readonly db: mongo.Db;

  constructor(conn: Connection) {
    if (!conn.db) throw new Error('HandoverBlobs needs an open connection');
    this.db = conn.db;
  }

  private async materialFile(blobId: string): Promise<FileDoc | null> {
    const files = this.db.collection<FileDoc>(`${MATERIAL_BUCKET}.files`);
    const byString = await files.findOne({ _id: blobId });
    if (byString || !HEX24.test(blobId)) return byString;
    return files.findOne({ _id: new mongo.ObjectId(blobId) });
  }

  /** A material blob's bytes as a stream, or null when the store has no such file. */
  async openMaterialBlob(blobId: string): Promise<{ stream: Readable; length: number } | null> {
    const file = await this.materialFile(blobId);
    if (!file) return null;
    const chunks = this.db.collection<ChunkDoc>(`${MATERIAL_BUCKET}.chunks`);
    const first = file.length === 0 ? null : await chunks.findOne({ _id: `${blobId}#0` });
    if (first || file.length === 0) {
      const count = Math.ceil(file.length / file.chunkSize);
      async function* read(): AsyncGenerator<Buffer> {
        if (first) yield chunkBytes(first.data);
        for (let n = 1; n < count; n++) {
          const chunk = await chunks.findOne({ _id: `${blobId}#${n}` });
          if (!chunk) throw new Error(`blob ${blobId}: chunk ${n} missing`);
          yield chunkBytes(chunk.data);
        }
      }
      return { stream: Readable.from(read(), { objectMode: false }), length: file.length };
    }
    const bucket = new mongo.GridFSBucket(this.db, { bucketName: MATERIAL_BUCKET });
    return { stream: bucket.openDownloadStream(file._id as mongo.ObjectId), length: file.length };
  }

  /**
   * Stores a handover file (XLSX, ZIP, report) from a stream, computing its SHA-256 on the way.
   * `write` receives the sink and must end it (exceljs/archiver do).
   */
  async storeHandoverFile(
    id: string,
    fileName: string,
    write: (sink: Writable) => Promise<void>,
    metadata: Record<string, unknown> = {},
  ): Promise<{ blobId: string; size: number; sha256: string }> {
    const bucket = new mongo.GridFSBucket(this.db, { bucketName: HANDOVER_BUCKET });
    await this.deleteHandoverFile(id);
    const upload = bucket.openUploadStreamWithId(id as never, fileName, { metadata });
    const hash = createHash('sha256');
    let size = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    await Promise.all([write(tap), pipeline(tap, upload)]);
    return { blobId: id, size, sha256: hash.digest('hex') };
  }

  /** A stored handover file as a stream. */
  openHandoverFile(blobId: string): Readable {
    return new mongo.GridFSBucket(this.db, {
      bucketName: HANDOVER_BUCKET,
    }).openDownloadStream(blobId as never);
  }

  /** A stored handover file read whole (transfer lists and reports are small: for uploading). */
  async readHandoverFile(blobId: string): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const chunk of this.openHandoverFile(blobId)) parts.push(chunk as Buffer);
    return Buffer.concat(parts);
  }

  /** Removes a handover file if present (a retried step rewrites it). */
  async deleteHandoverFile(blobId: string): Promise<void> {
    const files = this.db.collection(`${HANDOVER_BUCKET}.files`);
    const found = await files.findOne({ _id: blobId as never });
    if (!found) return;
    await new mongo.GridFSBucket(this.db, { bucketName: HANDOVER_BUCKET }).delete(blobId as never);
  }
}
