import type { Readable } from 'node:stream';
import mongoose, { type Connection } from 'mongoose';
import { MATERIAL_BUCKET } from './models/material';

type Raw = Record<string, unknown>;

/** One GridFS chunk as read: which file, which piece, the bytes. */
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

/** GridFS ids are ObjectIds in hex (GridFSBucket uploads) or plain strings (the intake's blobs). */
export function gridId(blobId: string): unknown {
  return /^[0-9a-f]{24}$/.test(blobId) ? new mongoose.Types.ObjectId(blobId) : blobId;
}

/** The key a file id has in maps: its hex or its string. */
export const gridKey = (id: unknown): string =>
  id instanceof mongoose.Types.ObjectId ? id.toHexString() : String(id);

/** Chunk id of the intake's layout (src/db/material-blob-repo.ts): `<fileId>#<n>`. */
const chunkId = (fileKey: string, n: number) => `${fileKey}#${n}`;

const DEFAULT_CHUNK = 512 * 1024;

/**
 * The materials' GridFS bytes as backups read and restores write them. FerretDB 1.24 answers any
 * filter but `_id` equality with a full scan of the chunks table, so reads take one of two paths:
 * a single pass over every chunk (a full backup), or, for some files, point reads by chunk `_id`
 * where the intake's deterministic ids (`<fileId>#<n>`) exist; other files fall back to one `$in` scan.
 */
export class BackupBlobRepo {
  constructor(private readonly conn: Connection) {}

  private coll(suffix: 'files' | 'chunks') {
    return this.conn.db!.collection(`${MATERIAL_BUCKET}.${suffix}`);
  }

  /** File entries by blob id. */
  async gridFiles(blobIds: readonly string[]): Promise<Map<string, GridFileDoc>> {
    const out = new Map<string, GridFileDoc>();
    for (let i = 0; i < blobIds.length; i += 1000) {
      const ids = blobIds.slice(i, i + 1000).map(gridId);
      const docs = await this.coll('files')
        .find({ _id: { $in: ids as never[] } })
        .toArray();
      for (const d of docs) out.set(gridKey(d._id), d as unknown as GridFileDoc);
    }
    return out;
  }

  /**
   * The chunks of the given files, or of every file (`all`). Chunks of one file normally arrive in
   * order; callers must not rely on it (they write at offsets).
   */
  async *chunks(
    files: readonly { key: string; count: number }[],
    all: boolean,
  ): AsyncGenerator<ScannedChunk> {
    if (all) {
      yield* this.scan({});
      return;
    }
    const scanned: string[] = [];
    for (const f of files) {
      const first = await this.pointRead(f.key, 0);
      if (!first) {
        scanned.push(f.key);
        continue;
      }
      yield first;
      for (let n = 1; n < f.count; n++) {
        const chunk = await this.pointRead(f.key, n);
        if (!chunk) break; // reported as incomplete by the caller
        yield chunk;
      }
    }
    for (let i = 0; i < scanned.length; i += 1000) {
      const ids = scanned.slice(i, i + 1000).map(gridId);
      yield* this.scan({ files_id: { $in: ids as never[] } });
    }
  }

  private async pointRead(key: string, n: number): Promise<ScannedChunk | null> {
    if (/^[0-9a-f]{24}$/.test(key)) return null;
    const doc = await this.coll('chunks').findOne(
      { _id: chunkId(key, n) as never },
      { promoteBuffers: true },
    );
    return doc ? { fileKey: key, n: Number(doc.n), data: doc.data as Buffer } : null;
  }

  private async *scan(filter: Raw): AsyncGenerator<ScannedChunk> {
    const cursor = this.coll('chunks').find(filter, {
      batchSize: 24,
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

  /**
   * Writes a blob under its id (restore, repair of the live store), replacing any old bytes: chunks
   * first (string ids in the intake's `<id>#<n>` layout), the files entry last, as a GridFS reader
   * expects. At most two chunks are held in memory.
   */
  async put(
    blobId: string,
    source: Readable,
    file: {
      filename: string;
      metadata?: Raw;
      uploadDate?: Date;
      contentType?: string;
      chunkSize?: number;
    },
  ): Promise<number> {
    const id = gridId(blobId);
    const chunkSize = file.chunkSize ?? DEFAULT_CHUNK;
    await this.coll('files').deleteOne({ _id: id as never });
    await this.coll('chunks').deleteMany({ files_id: id as never });
    let n = 0;
    let length = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async (final: boolean) => {
      while (pendingBytes >= chunkSize || (final && pendingBytes > 0)) {
        const all = Buffer.concat(pending, pendingBytes);
        const data = all.subarray(0, Math.min(chunkSize, all.length));
        const rest = all.subarray(data.length);
        const _id = typeof id === 'string' ? chunkId(id, n) : new mongoose.Types.ObjectId();
        await this.coll('chunks').insertOne({ _id: _id as never, files_id: id, n, data });
        n += 1;
        pending = rest.length ? [Buffer.from(rest)] : [];
        pendingBytes = rest.length;
      }
    };
    for await (const piece of source) {
      const buf = piece as Buffer;
      pending.push(buf);
      pendingBytes += buf.length;
      length += buf.length;
      await flush(false);
    }
    await flush(true);
    await this.coll('files').insertOne({
      _id: id as never,
      length,
      chunkSize,
      uploadDate: file.uploadDate ?? new Date(),
      filename: file.filename,
      ...(file.metadata ? { metadata: file.metadata } : {}),
      ...(file.contentType ? { contentType: file.contentType } : {}),
    });
    return length;
  }
}
