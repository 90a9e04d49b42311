import type { AppDeps } from '../../app/deps';
import type { ActivityDoc } from '../../db/models/activity';
import type { MaterialDoc } from '../../db/models/material';
import {
  precheck,
  type FileCheck,
  type PrecheckItem,
  type PrecheckReport,
} from '../../domain/handover-precheck';
import { formatInTz } from '../../domain/deadline';
import { KIND_LABELS } from '../../domain/transfer-list';
import { checkStoredFile, mapLimit } from './file-check';

/** Blobs read at once: enough to overlap the database's round trips, little memory. */
export const READ_CONCURRENCY = 4;

/** "照片 03-06 10:05": an item without a file name, as the organizer saw it arrive. */
export const arrivalLabel = (m: MaterialDoc, tz: string): string =>
  `${KIND_LABELS[m.kind].zh_cn} ${formatInTz(m.sentAt, tz, 'MM-DD HH:mm')}`;

/** What the pre-check rules need of a stored material. */
export function toPrecheckItem(m: MaterialDoc, tz: string): PrecheckItem {
  return {
    id: m._id,
    kind: m.kind,
    status: m.status,
    described: m.described,
    label: arrivalLabel(m, tz),
    ...(m.attachedTo ? { attachedTo: m.attachedTo } : {}),
    hasBlob: Boolean(m.blobId),
    warnings: m.warnings ?? [],
    ...(m.fileName ? { fileName: m.fileName } : {}),
    ...(m.size !== undefined ? { size: m.size } : {}),
    ...(m.mime ? { mime: m.mime } : {}),
    ...(m.failReason ? { failReason: m.failReason } : {}),
    ...(m.description ? { description: m.description } : {}),
    ...(m.physical ? { physical: m.physical } : {}),
    ...(m.link ? { link: m.link } : {}),
  };
}

/**
 * The pre-check of an activity's live items: every stored file is streamed back from GridFS once
 * (SHA-256 recomputed, format sniffed and checked whole), then the rules judge descriptions,
 * checklist gaps and the four properties. Returns the items too, for the transfer list.
 */
export async function runPrecheck(
  activity: ActivityDoc,
  deps: AppDeps,
): Promise<{ report: PrecheckReport; materials: MaterialDoc[] }> {
  const repo = deps.repos.handover;
  const materials = await repo.liveMaterials(activity._id);
  const stored = materials.filter((m) => m.status === 'stored' && m.blobId);
  const checks = await mapLimit(stored, READ_CONCURRENCY, (m) => checkStoredFile(repo.blobs, m));
  const files = new Map<string, FileCheck>(stored.map((m, i) => [m._id, checks[i]!]));
  const report = precheck({
    category: activity.category,
    items: materials.map((m) => toPrecheckItem(m, deps.config.tz)),
    files,
  });
  return { report, materials };
}
