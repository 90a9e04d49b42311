import type { AppDeps } from '../../app/deps';
import type { IntakeItem } from '../../db/models/material-intake';
import type { MaterialDoc, MaterialSource } from '../../db/models/material';
import type { MaterialKind } from '../../domain/categories';
import { materialIdOf } from '../../domain/material-intake';
import {
  assessMaterial,
  exifCaptureTime,
  inspectHead,
  type ResourceHint,
} from '../../domain/material-quality';
import { download, type ResourceRef } from './download-resource';

export type { ResourceRef } from './download-resource';

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

const KIND_OF_HINT: Record<ResourceHint, MaterialKind> = {
  image: 'photo',
  audio: 'audio',
  video: 'video',
  file: 'document',
};

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
