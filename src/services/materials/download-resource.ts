import { createHash } from 'node:crypto';
import type { AppDeps } from '../../app/deps';
import { BlobBusyError } from '../../db/material-blob-repo';
import {
  DOWNLOAD_LIMIT_BYTES,
  downloadFailReason,
  type ResourceInContent,
} from '../../domain/material-intake';
import { HEAD_BYTES, TAIL_BYTES } from '../../domain/material-quality';
import { FeishuApiError } from '../../feishu/errors';
import { metrics } from '../../metrics/metrics';

/** A resource to collect: where it lives (the message holding it) and when that was sent. */
export interface ResourceRef extends ResourceInContent {
  holderMessageId: string;
  sentAt: Date;
}

/** Attempts per download when the connection breaks off mid-file (API errors retry in FeishuApi). */
const STREAM_ATTEMPTS = 3;

export type Downloaded =
  | { ok: true; size: number; sha256: string; head: Buffer; tail: Buffer; contentType?: string }
  | { ok: false; failReason: string };

/** The error came from the database while writing, not from the download: let the inbox retry. */
export class StoreError extends Error {
  constructor(cause: unknown) {
    super('storing a blob failed', { cause });
    this.name = 'StoreError';
  }
}

/** Downloads at once per process: the database takes one write at a time anyway, memory stays bounded. */
const PARALLEL_DOWNLOADS = 8;

/** A small counting semaphore, one per bot (keyed by its deps). */
class Gate {
  private free = PARALLEL_DOWNLOADS;
  private readonly waiting: (() => void)[] = [];
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    }
  }
}
const gates = new WeakMap<AppDeps, Gate>();
const gateOf = (deps: AppDeps): Gate => {
  let gate = gates.get(deps);
  if (!gate) gates.set(deps, (gate = new Gate()));
  return gate;
};

/**
 * Streams one resource into GridFS under the item's id while hashing it and keeping its first and
 * last bytes for the quality checks. Whatever an interrupted attempt left is removed first; a
 * failure here removes what this attempt wrote.
 */
async function downloadOnce(ref: ResourceRef, blobId: string, deps: AppDeps): Promise<Downloaded> {
  const { blobs } = deps.repos.materials;
  const res = await deps.messenger.downloadResource(ref.holderMessageId, ref.fileKey, ref.type);
  if ((res.contentLength ?? 0) > DOWNLOAD_LIMIT_BYTES) {
    res.stream.destroy();
    return { ok: false, failReason: 'intake.fail.too_large' };
  }
  const writer = await blobs.open(blobId, deps.clock).catch((err: unknown) => {
    res.stream.destroy();
    throw err instanceof BlobBusyError ? err : new StoreError(err);
  });
  const hash = createHash('sha256');
  const headParts: Buffer[] = [];
  let headBytes = 0;
  let tail = Buffer.alloc(0);
  let size = 0;
  try {
    for await (const part of res.stream) {
      const chunk = part as Buffer;
      size += chunk.length;
      if (size > DOWNLOAD_LIMIT_BYTES) {
        res.stream.destroy();
        await blobs.remove(blobId);
        return { ok: false, failReason: 'intake.fail.too_large' };
      }
      hash.update(chunk);
      if (headBytes < HEAD_BYTES) {
        const take = chunk.subarray(0, HEAD_BYTES - headBytes);
        headParts.push(Buffer.from(take));
        headBytes += take.length;
      }
      tail =
        chunk.length >= TAIL_BYTES
          ? Buffer.from(chunk.subarray(chunk.length - TAIL_BYTES))
          : Buffer.concat([tail, chunk]).subarray(-TAIL_BYTES);
      await writer.write(chunk).catch((err: unknown) => {
        throw new StoreError(err);
      });
    }
    if (res.contentLength !== undefined && size !== res.contentLength) {
      throw new Error(`download ended after ${size} of ${res.contentLength} bytes`);
    }
    const sha256 = hash.digest('hex');
    await writer
      .close(
        ref.fileName ?? ref.fileKey,
        { sha256, contentType: res.contentType },
        deps.clock.now(),
      )
      .catch((err: unknown) => {
        throw new StoreError(err);
      });
    return {
      ok: true,
      size,
      sha256,
      head: Buffer.concat(headParts),
      tail,
      ...(res.contentType ? { contentType: res.contentType } : {}),
    };
  } catch (err) {
    res.stream.destroy();
    await writer.settle();
    // A database failure leaves the marker: the retry of this record cleans up.
    if (!(err instanceof StoreError)) await blobs.remove(blobId);
    throw err;
  }
}

/** Downloads with retries; a refusal or repeated failure becomes a fail reason, not an exception. */
export async function download(
  ref: ResourceRef,
  blobId: string,
  deps: AppDeps,
): Promise<Downloaded> {
  const got = await downloadWithRetries(ref, blobId, deps);
  if (got.ok) metrics.download('stored', got.size);
  else metrics.download('failed');
  return got;
}

async function downloadWithRetries(
  ref: ResourceRef,
  blobId: string,
  deps: AppDeps,
): Promise<Downloaded> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await gateOf(deps).run(() => downloadOnce(ref, blobId, deps));
    } catch (err) {
      if (err instanceof StoreError || err instanceof BlobBusyError) throw err;
      if (err instanceof FeishuApiError) {
        // FeishuApi already retried what can be retried (429, 5xx, network) before throwing.
        deps.log.warn(
          { code: err.feishuCode, kind: err.kind, fileKey: ref.fileKey },
          'intake.download.refused',
        );
        return { ok: false, failReason: downloadFailReason(err.feishuCode) };
      }
      deps.log.warn({ err: String(err), attempt, fileKey: ref.fileKey }, 'intake.download.broken');
      if (attempt >= STREAM_ATTEMPTS) {
        return { ok: false, failReason: 'intake.fail.download_failed' };
      }
    }
  }
}
