import { createHash, type Hash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import type { BackupStoreRepo, ScannedChunk } from '../../db/backup-store-repo';
import { hashFile } from './hashing-file';

/** One stored blob to read: where to write it (null = hash only) and its GridFS geometry. */
export interface BlobJob {
  fileKey: string;
  dest: string | null;
  length: number;
  chunkSize: number;
}

export interface BlobOutcome {
  sha256: string;
  size: number;
}

export interface BlobScanOptions {
  /** Scan the whole chunks collection (a full backup) instead of filtering by file id. */
  all?: boolean;
  onBytes?: (n: number) => void;
  onFile?: (fileKey: string, outcome: BlobOutcome) => void;
  /** Called before each chunk is written, with the bytes written so far (fault injection in tests). */
  beforeChunk?: (bytesSoFar: number) => void | Promise<void>;
}

interface FileState {
  job: BlobJob;
  expected: number;
  received: number;
  nextN: number;
  fh: FileHandle | null;
  /** Null once a chunk arrived out of order: the digest is then computed from the written file. */
  hash: Hash | null;
  /** Hash-only files keep early chunks until their turn (rare: chunks normally arrive in order). */
  held: Map<number, Buffer>;
}

/** Keeps up to `max` items read ahead of the consumer, so the database works while we write. */
async function* readAhead<T>(source: AsyncIterable<T>, max: number): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  const queue: Promise<IteratorResult<T>>[] = [];
  const fill = () => {
    while (queue.length < max) queue.push(it.next());
  };
  try {
    fill();
    for (;;) {
      const next = await queue.shift()!;
      if (next.done) return;
      fill();
      yield next.value;
    }
  } finally {
    await Promise.allSettled(queue);
    await it.return?.();
  }
}

/**
 * Reads many blobs (one pass over the chunks, or point reads; see BackupBlobRepo.chunks), writing each chunk
 * at its offset and hashing in order as it goes. Memory stays bounded by the read-ahead, whatever
 * the number or size of files. Files whose chunks are missing come back in `incomplete`.
 */
export async function streamBlobs(
  store: BackupStoreRepo,
  jobs: readonly BlobJob[],
  opts: BlobScanOptions = {},
): Promise<{ results: Map<string, BlobOutcome>; incomplete: string[] }> {
  const states = new Map<string, FileState>();
  const results = new Map<string, BlobOutcome>();
  for (const job of jobs) {
    const expected = job.length === 0 ? 0 : Math.ceil(job.length / job.chunkSize);
    states.set(job.fileKey, {
      job,
      expected,
      received: 0,
      nextN: 0,
      fh: null,
      hash: createHash('sha256'),
      held: new Map(),
    });
  }
  let written = 0;
  try {
    for (const st of states.values()) if (st.expected === 0) await finish(st, results, opts);
    const wanted = [...states.values()].filter((s) => s.expected > 0);
    if (wanted.length > 0) {
      const source = store.blobs.chunks(
        wanted.map((s) => ({ key: s.job.fileKey, count: s.expected })),
        opts.all === true,
      );
      for await (const chunk of readAhead(source, 32)) {
        const st = states.get(chunk.fileKey);
        if (!st || st.received >= st.expected) continue;
        await opts.beforeChunk?.(written);
        await take(st, chunk);
        written += chunk.data.length;
        opts.onBytes?.(chunk.data.length);
        if (st.received === st.expected) await finish(st, results, opts);
      }
    }
  } finally {
    for (const st of states.values()) await st.fh?.close().catch(() => undefined);
  }
  const incomplete = [...states.values()]
    .filter((s) => !results.has(s.job.fileKey))
    .map((s) => s.job.fileKey);
  return { results, incomplete };
}

async function take(st: FileState, chunk: ScannedChunk): Promise<void> {
  st.received += 1;
  const { dest, chunkSize } = st.job;
  if (dest) {
    st.fh ??= await open(dest, 'wx');
    await st.fh.write(chunk.data, 0, chunk.data.length, chunk.n * chunkSize);
    if (st.hash && chunk.n === st.nextN) {
      st.hash.update(chunk.data);
      st.nextN += 1;
    } else {
      st.hash = null;
    }
    return;
  }
  st.held.set(chunk.n, chunk.data);
  for (let next = st.held.get(st.nextN); next; next = st.held.get(st.nextN)) {
    st.held.delete(st.nextN);
    st.hash!.update(next);
    st.nextN += 1;
  }
}

async function finish(
  st: FileState,
  results: Map<string, BlobOutcome>,
  opts: BlobScanOptions,
): Promise<void> {
  const { dest, fileKey, length } = st.job;
  if (dest && !st.fh) st.fh = await open(dest, 'wx');
  if (st.fh) {
    await st.fh.close();
    st.fh = null;
  }
  const outcome =
    st.hash && st.nextN === st.expected
      ? { sha256: st.hash.digest('hex'), size: length }
      : await hashFile(dest!);
  st.hash = null;
  results.set(fileKey, outcome);
  opts.onFile?.(fileKey, outcome);
}
