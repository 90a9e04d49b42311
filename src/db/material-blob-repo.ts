import { mongo, type Connection } from 'mongoose';
import type { Readable } from 'node:stream';
import { MATERIAL_BUCKET } from './models/material';
import { isDuplicateKeyError } from './mongo-errors';

type Collection<T extends mongo.Document> = mongo.Collection<T>;

/** GridFS chunk size of material blobs (readers take it from the files document). */
export const BLOB_CHUNK_BYTES = 512 * 1024;
/** A live upload refreshes its marker this often; one not refreshed for UPLOAD_STALE_MS is dead. */
const HEARTBEAT_MS = 10_000;
export const UPLOAD_STALE_MS = 60_000;

/** Another run is still writing this blob (an inbox lease ran out under it): try again later. */
export class BlobBusyError extends Error {
  constructor(readonly fileId: string) {
    super(`blob ${fileId} is being written by another run`);
    this.name = 'BlobBusyError';
  }
}

/** Chunks written per insert; one insert may be in flight while the next chunks are read. */
const CHUNKS_PER_INSERT = 2;

interface ChunkDoc {
  _id: string;
  files_id: string;
  n: number;
  data: Buffer;
}

interface FileDoc {
  _id: string;
  length: number;
  chunkSize: number;
  uploadDate: Date;
  filename: string;
  metadata?: Record<string, unknown>;
}

/**
 * Writes one blob into the GridFS bucket under a given id, chunk by chunk, holding at most a few
 * chunks in memory. Chunks get deterministic ids (`<fileId>#<n>`) and are written in order, and the
 * files document comes last; an upload marker (see MaterialBlobRepo) tells the next writer of the
 * same id to clear what a crashed one left. Standard GridFS readers read the result.
 */
export class BlobWriter {
  /** The chunk being filled: one allocation per chunk, each byte copied once. */
  private current: Buffer | undefined;
  private filled = 0;
  private batch: ChunkDoc[] = [];
  private inFlight: Promise<unknown> | undefined;
  private n = 0;
  private length = 0;

  private lastBeat: number;

  constructor(
    private readonly chunks: Collection<ChunkDoc>,
    private readonly files: Collection<FileDoc>,
    readonly fileId: string,
    private readonly beat: (now: Date) => Promise<unknown>,
    private readonly now: () => Date,
  ) {
    this.lastBeat = now().getTime();
  }

  /** Appends bytes; resolves once the caller may send more (backpressure). */
  async write(data: Buffer): Promise<void> {
    this.length += data.length;
    let offset = 0;
    while (offset < data.length) {
      this.current ??= Buffer.allocUnsafe(BLOB_CHUNK_BYTES);
      const copied = data.copy(this.current, this.filled, offset);
      offset += copied;
      this.filled += copied;
      if (this.filled === BLOB_CHUNK_BYTES) {
        this.cut(this.current);
        this.current = undefined;
        this.filled = 0;
        if (this.batch.length >= CHUNKS_PER_INSERT) await this.flush();
      }
    }
    const now = this.now();
    if (now.getTime() - this.lastBeat >= HEARTBEAT_MS) {
      this.lastBeat = now.getTime();
      await this.beat(now);
    }
  }

  private cut(data: Buffer): void {
    const n = this.n++;
    this.batch.push({ _id: `${this.fileId}#${n}`, files_id: this.fileId, n, data });
  }

  private async flush(): Promise<void> {
    if (this.inFlight) await this.inFlight;
    this.inFlight = undefined;
    if (this.batch.length === 0) return;
    const docs = this.batch;
    this.batch = [];
    this.inFlight = this.chunks.insertMany(docs, { ordered: true });
  }

  /** Writes the last chunk and the files document; returns the blob's length in bytes. */
  async close(filename: string, metadata: Record<string, unknown>, now: Date): Promise<number> {
    if (this.current && this.filled > 0) this.cut(this.current.subarray(0, this.filled));
    this.current = undefined;
    this.filled = 0;
    await this.flush();
    if (this.inFlight) await this.inFlight;
    this.inFlight = undefined;
    try {
      await this.files.insertOne({
        _id: this.fileId,
        length: this.length,
        chunkSize: BLOB_CHUNK_BYTES,
        uploadDate: now,
        filename,
        metadata,
      });
    } catch (err) {
      // Another writer of the same id (the same resource) finished first: same bytes, keep theirs.
      if (!isDuplicateKeyError(err)) throw err;
    }
    return this.length;
  }

  /** Waits for a write in flight (after a failure, before cleaning up). */
  async settle(): Promise<void> {
    await this.inFlight?.catch(() => undefined);
    this.inFlight = undefined;
  }
}

interface UploadDoc {
  _id: string;
  at: Date;
}

/**
 * Every query on the material blobs (GridFS bucket `materials_files`). An upload marker
 * (`material_uploads`, by blob id) lives from the first chunk until the caller settles the blob
 * (its item written, or the blob removed): finding one at the start of an upload means an earlier
 * attempt died midway, and only then are chunks looked up. On FerretDB every query on the chunks
 * table reads all of it, so the normal path never queries it.
 */
export class MaterialBlobRepo {
  private readonly db: mongo.Db;
  private readonly chunks: Collection<ChunkDoc>;
  private readonly files: Collection<FileDoc>;
  private readonly uploads: Collection<UploadDoc>;

  constructor(conn: Connection) {
    if (!conn.db) throw new Error('MaterialBlobRepo needs an open connection');
    this.db = conn.db;
    this.chunks = this.db.collection<ChunkDoc>(`${MATERIAL_BUCKET}.chunks`);
    this.files = this.db.collection<FileDoc>(`${MATERIAL_BUCKET}.files`);
    this.uploads = this.db.collection<UploadDoc>('material_uploads');
  }

  /**
   * Starts writing a blob under `fileId`. An earlier attempt's marker means it died midway (its
   * chunks are removed first) unless it was refreshed lately: then that attempt is still writing
   * (its inbox lease ran out under it) and this one backs off with BlobBusyError.
   */
  async open(fileId: string, clock: { now(): Date }): Promise<BlobWriter> {
    const now = clock.now();
    try {
      await this.uploads.insertOne({ _id: fileId, at: now });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const marker = await this.uploads.findOne({ _id: fileId });
      if (marker && now.getTime() - marker.at.getTime() < UPLOAD_STALE_MS) {
        throw new BlobBusyError(fileId);
      }
      await this.uploads.updateOne({ _id: fileId }, { $set: { at: now } });
      await this.purge(fileId);
    }
    const beat = (at: Date) => this.uploads.updateOne({ _id: fileId }, { $set: { at } });
    return new BlobWriter(this.chunks, this.files, fileId, beat, () => clock.now());
  }

  /** The blob is accounted for (its item is written): forget its upload marker. */
  async settle(fileId: string): Promise<void> {
    await this.uploads.deleteOne({ _id: fileId });
  }

  /** Removes a blob (a duplicate, a refused file, a broken download) and then its marker. */
  async remove(fileId: string): Promise<void> {
    await this.purge(fileId);
    await this.settle(fileId);
  }

  private async purge(fileId: string): Promise<void> {
    await this.files.deleteOne({ _id: fileId });
    await this.chunks.deleteMany({ files_id: fileId });
  }

  /** The stored length, or null when no complete blob exists under the id. */
  async length(fileId: string): Promise<number | null> {
    return (await this.files.findOne({ _id: fileId }))?.length ?? null;
  }

  /** All files documents' ids, all chunks' count, open upload markers (tests: no orphans). */
  async census(): Promise<{ files: string[]; chunks: number; uploads: number }> {
    const files = (await this.files.find({}, { projection: { _id: 1 } }).toArray()).map(
      (f) => f._id,
    );
    return {
      files,
      chunks: await this.chunks.countDocuments({}),
      uploads: await this.uploads.countDocuments({}),
    };
  }

  /** Streams a blob back (standard GridFS reader). */
  openDownload(fileId: string): Readable {
    return new mongo.GridFSBucket(this.db, { bucketName: MATERIAL_BUCKET }).openDownloadStream(
      fileId as never,
    );
  }
}
