import { randomBytes } from 'node:crypto';
import type { AppDeps } from '../../app/deps';
import type { ActivityDoc } from '../../db/models/activity';
import type { ListFileRef } from '../../db/models/handover';
import type { MaterialDoc } from '../../db/models/material';
import { categoryLabel } from '../../domain/categories';
import { formatInTz } from '../../domain/deadline';
import type { Directory } from '../../domain/directory';
import { displayName } from '../../domain/roles';
import {
  buildTransferList,
  type ListItem,
  type TransferListData,
} from '../../domain/transfer-list';
import { writeTransferListXlsx, type ListHeader } from './transfer-list-xlsx';

/** The list's view of a stored material. */
export function toListItem(m: MaterialDoc): ListItem {
  return {
    id: m._id,
    kind: m.kind,
    sentAt: m.sentAt,
    createdAt: m.createdAt,
    ...(m.fileName ? { fileName: m.fileName } : {}),
    ...(m.size !== undefined ? { size: m.size } : {}),
    ...(m.sha256 ? { sha256: m.sha256 } : {}),
    ...(m.blobId ? { blobId: m.blobId } : {}),
    ...(m.batchId ? { batchId: m.batchId } : {}),
    ...(m.description ? { description: m.description } : {}),
    ...(m.physical ? { physical: m.physical } : {}),
    ...(m.link ? { link: m.link } : {}),
    ...(m.archiveNo ? { archiveNo: m.archiveNo } : {}),
    ...(m.attachedTo ? { attachedTo: m.attachedTo } : {}),
  };
}

export const unitNameOf = (code: string, dir: Directory): string =>
  dir.units.find((u) => u.code === code)?.name ?? code;

/** The list's data for an activity's items (stored ones only: failed items never reach a list). */
export function transferListData(
  activity: ActivityDoc,
  materials: readonly MaterialDoc[],
  dir: Directory,
  tz: string,
): TransferListData {
  return buildTransferList(materials.filter((m) => m.status === 'stored').map(toListItem), {
    tz,
    unitName: unitNameOf(activity.unit, dir),
  });
}

/**
 * Builds and stores a transfer list as XLSX in GridFS; returns its reference (file SHA-256 and the
 * content digest printed in its header) and the data it holds.
 */
export async function storeTransferList(
  activity: ActivityDoc,
  materials: readonly MaterialDoc[],
  opts: {
    version: number;
    submittedBy: string;
    submittedAt: Date;
    accepted?: { at: Date; by: string; retention: string };
  },
  deps: AppDeps,
): Promise<{ ref: ListFileRef; data: TransferListData }> {
  const dir = await deps.directory.load();
  const tz = deps.config.tz;
  const data = transferListData(activity, materials, dir, tz);
  const header: ListHeader = {
    unitName: unitNameOf(activity.unit, dir),
    roomName: deps.config.archive.roomName,
    activityCode: activity.code,
    activityTitle: activity.title,
    categoryLabel: `${activity.category}. ${categoryLabel(activity.category, 'zh_cn')}`,
    handoverDate: formatInTz(opts.submittedAt, tz, 'YYYY-MM-DD'),
    handedOverBy: displayName(opts.submittedBy, dir),
    version: opts.version,
    ...(opts.accepted
      ? {
          accepted: {
            at: formatInTz(opts.accepted.at, tz),
            by: displayName(opts.accepted.by, dir),
            retention: opts.accepted.retention,
          },
        }
      : {}),
  };
  const suffix = opts.accepted ? '-验收' : '';
  const fileName = `移交清册-${activity.code}-v${opts.version}${suffix}.xlsx`;
  const blobId = `list:${activity._id}:v${opts.version}${opts.accepted ? ':accepted' : ''}:${randomBytes(4).toString('hex')}`;
  const stored = await deps.repos.handover.blobs.storeHandoverFile(
    blobId,
    fileName,
    (sink) => writeTransferListXlsx(data, header, sink),
    { activityId: activity._id, version: opts.version },
  );
  return { ref: { ...stored, fileName, digest: data.digest }, data };
}
