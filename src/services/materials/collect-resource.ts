import { createHash } from 'node:crypto';
import type { AppDeps } from '../../app/deps';
import type { IntakeItem } from '../../db/models/material-intake';
import type { MaterialDoc, MaterialSource } from '../../db/models/material';
import type { MaterialKind } from '../../domain/categories';
import {
  DOWNLOAD_LIMIT_BYTES,
  downloadFailReason,
  materialIdOf,
  type ResourceInContent,
} from '../../domain/material-intake';
import {
  assessMaterial,
  exifCaptureTime,
  HEAD_BYTES,
  inspectHead,
  TAIL_BYTES,
  type ResourceHint,
} from '../../domain/material-quality';
import { FeishuApiError } from '../../feishu/errors';

/** A resource to collect: where it lives (the message holding it) and when that was sent. */
export interface ResourceRef extends ResourceInContent {
  holderMessageId: string;
  sentAt: Date;
}

/** Where collected items go and who brought them. */
export interface IntakeTarget {
  /** Absent for the publicity drop-box until the batch is filed. */
  activityId?: string;
  source: MaterialSource;
  chatId: string;
  sender: string;
  batchId: string;
  intakeId: string;
  /** Scope of the same-content check: the activity, or the sender's unfiled publicity items. */
  contentScope: string;
}

/** Attempts per download when the connection breaks off mid-file (API errors retry in FeishuApi). */
const STREAM_ATTEMPTS = 3;

const KIND_OF_HINT: Record<ResourceHint, MaterialKind> = {
  image: 'photo',
  audio: 'audio',
  video: 'video',
  file: 'document',
};

type Downloaded =
  | { ok: true; size: number; sha256: string; head: Buffer; tail: Buffer; contentType?: string }
  | { ok: false; failReason: string };

/** The error came from the database while writing, not from the download: let the inbox retry. */
class StoreError extends Error {
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
  const writer = await blobs.open(blobId, deps.clock.now()).catch((err: unknown) => {
    res.stream.destroy();
    throw new StoreError(err);
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
async function download(ref: ResourceRef, blobId: string, deps: AppDeps): Promise<Downloaded> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await gateOf(deps).run(() => downloadOnce(ref, blobId, deps));
    } catch (err) {
      if (err instanceof StoreError) throw err;
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

function baseDoc(ref: ResourceRef, target: IntakeTarget, id: string, now: Date) {
  return {
    _id: id,
    ...(target.activityId ? { activityId: target.activityId } : {}),
    source: target.source,
    batchId: target.batchId,
    intakeId: target.intakeId,
    chatId: target.chatId,
    messageId: ref.holderMessageId,
    fileKey: ref.fileKey,
    ...(ref.fileName ? { fileName: ref.fileName } : {}),
    sender: target.sender,
    sentAt: ref.sentAt,
    createdAt: now,
    updatedAt: now,
    described: false,
  };
}

async function recordFailed(
  ref: ResourceRef,
  target: IntakeTarget,
  id: string,
  failReason: string,
  deps: AppDeps,
): Promise<IntakeItem> {
  const kind = KIND_OF_HINT[ref.hint];
  const doc: MaterialDoc = {
    ...baseDoc(ref, target, id, deps.clock.now()),
    kind,
    status: 'failed',
    failReason,
    warnings: [],
  };
  await deps.repos.materials.insertOnce(doc);
  deps.log.info({ materialId: id, failReason }, 'intake.item.failed');
  return {
    materialId: id,
    outcome: 'failed',
    kind,
    ...(ref.fileName ? { fileName: ref.fileName } : {}),
    warnings: [],
    failReason,
  };
}

const itemOf = (doc: MaterialDoc, outcome: IntakeItem['outcome']): IntakeItem => ({
  materialId: doc._id,
  outcome,
  kind: doc.kind,
  ...(doc.fileName ? { fileName: doc.fileName } : {}),
  ...(doc.mime ? { mime: doc.mime } : {}),
  ...(doc.image ? { image: doc.image } : {}),
  warnings: outcome === 'stored' ? doc.warnings : [],
  ...(doc.failReason ? { failReason: doc.failReason } : {}),
});

/**
 * Collects one resource exactly once: an item already stored under (message id, file key) is not
 * downloaded again; new bytes are streamed to GridFS, checked, fingerprinted, and kept unless the
 * same content is already archived for the activity (then the fresh copy is deleted). The item
 * document is written only after its blob is complete.
 */
export async function collectResource(
  ref: ResourceRef,
  target: IntakeTarget,
  deps: AppDeps,
): Promise<IntakeItem> {
  const { materials } = deps.repos;
  const id = materialIdOf(ref.holderMessageId, ref.fileKey);
  const existing = await materials.findById(id);
  if (existing?.status === 'stored') {
    if (existing.intakeId !== target.intakeId) return itemOf(existing, 'already');
    // A retry of the same intake finds its own item (perhaps before its upload marker was cleared).
    await materials.blobs.settle(id);
    return itemOf(existing, 'stored');
  }
  if (existing && existing.intakeId === target.intakeId) return itemOf(existing, 'failed');
  const got = await download(ref, id, deps);
  if (!got.ok) return recordFailed(ref, target, id, got.failReason, deps);
  const facts = await inspectHead(got.head);
  const verdict = assessMaterial({ facts, size: got.size, tail: got.tail, hint: ref.hint });
  if (!verdict.accepted) {
    await materials.blobs.remove(id);
    return recordFailed(ref, target, id, verdict.reason, deps);
  }
  const now = deps.clock.now();
  const claim = await materials.claimContent(target.contentScope, got.sha256, id, now);
  if (!claim.won) {
    await materials.blobs.remove(id);
    const original = await materials.findById(claim.holder);
    deps.log.info({ materialId: id, original: claim.holder }, 'intake.item.duplicate');
    return {
      materialId: id,
      outcome: 'duplicate',
      kind: verdict.kind,
      ...(ref.fileName ? { fileName: ref.fileName } : {}),
      warnings: [],
      ...(original
        ? {
            original: {
              materialId: original._id,
              at: original.createdAt,
              kind: original.kind,
              ...(original.fileName ? { fileName: original.fileName } : {}),
            },
          }
        : {}),
    };
  }
  const exifTakenAt = exifCaptureTime(facts.exif, deps.config.tz);
  const doc: MaterialDoc = {
    ...baseDoc(ref, target, id, now),
    kind: verdict.kind,
    status: 'stored',
    mime: verdict.mime,
    size: got.size,
    sha256: got.sha256,
    blobId: id,
    ...(verdict.image ? { image: verdict.image } : {}),
    ...(exifTakenAt ? { exifTakenAt } : {}),
    warnings: verdict.warnings,
  };
  const written = existing ? await materials.replaceFailed(doc) : await materials.insertOnce(doc);
  await materials.blobs.settle(id);
  if (!written) {
    const winner = await materials.findById(id);
    if (winner) return itemOf(winner, winner.intakeId === target.intakeId ? 'stored' : 'already');
  }
  deps.log.info({ materialId: id, size: got.size, kind: verdict.kind }, 'intake.item.stored');
  return itemOf(doc, 'stored');
}
