import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import * as archiverModule from 'archiver';
import type { Archiver, ZipOptions } from 'archiver';
import type { AppDeps } from '../../app/deps';
import type { ActivityDoc } from '../../db/models/activity';
import type { HandoverSubmissionDoc } from '../../db/models/handover';
import type { MaterialDoc } from '../../db/models/material';
import { DomainError } from '../../domain/errors';

/**
 * archiver 7 exports a factory function; @types/archiver 8 describes version 8's classes. Take the
 * factory from the CommonJS module (esModuleInterop puts it on `default`).
 */
const createArchiver = ((archiverModule as unknown as { default?: unknown }).default ??
  archiverModule) as (format: 'zip', options?: ZipOptions) => Archiver;

const EXT_BY_MIME: Record<string, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/tiff': '.tif',
  'image/heic': '.heic',
  'application/pdf': '.pdf',
  'audio/mpeg': '.mp3',
  'audio/wav': '.wav',
  'audio/x-wav': '.wav',
  'video/mp4': '.mp4',
  'video/quicktime': '.mov',
};

/** The file's extension: from its name, else from its type, else none. */
export function extensionOf(m: Pick<MaterialDoc, 'fileName' | 'mime'>): string {
  const fromName = /\.[A-Za-z0-9]{1,8}$/.exec(m.fileName ?? '')?.[0];
  return (fromName ?? (m.mime ? EXT_BY_MIME[m.mime] : undefined) ?? '').toLowerCase();
}

/**
 * Entry name of a file in the ZIP: its item's archive number (DA/T 22 §1.2; photos too); the files
 * attached to an item (photos of a physical item) get `-01`, `-02`… after its number.
 */
export const entryName = (m: MaterialDoc, parent?: MaterialDoc, n = 1): string =>
  parent
    ? `files/${parent.archiveNo ?? parent._id}-${String(n).padStart(2, '0')}${extensionOf(m)}`
    : `files/${m.archiveNo ?? m._id}${extensionOf(m)}`;

export interface ExportSummary {
  activity: ActivityDoc;
  files: number;
  bytes: number;
}

function metadata(
  activity: ActivityDoc,
  s: HandoverSubmissionDoc,
  items: readonly MaterialDoc[],
  names: ReadonlyMap<string, string>,
  ctx: { fondsCode: string; exportedAt: Date; exportedBy: string },
) {
  return {
    fondsCode: ctx.fondsCode,
    exportedAt: ctx.exportedAt.toISOString(),
    exportedBy: ctx.exportedBy,
    activity: {
      code: activity.code,
      title: activity.title,
      category: activity.category,
      unit: activity.unit,
      coUnits: activity.coUnits,
      startAt: activity.startAt.toISOString(),
      endAt: activity.endAt.toISOString(),
      location: activity.location ?? null,
      summary: activity.summary ?? null,
    },
    handover: {
      version: s.version,
      submittedAt: s.submittedAt.toISOString(),
      submittedBy: s.submittedBy,
      acceptedAt: s.decidedAt?.toISOString() ?? null,
      acceptedBy: s.decidedBy ?? null,
      retention: s.retention,
      transferList: s.acceptedList
        ? {
            file: s.acceptedList.fileName,
            sha256: s.acceptedList.sha256,
            digest: s.acceptedList.digest,
          }
        : null,
    },
    items: items.map((m) => ({
      archiveNo: m.archiveNo ?? null,
      itemNo: m.itemNo ?? null,
      kind: m.kind,
      attachedTo: m.attachedTo ?? null,
      file: names.get(m._id) ?? null,
      originalFileName: m.fileName ?? null,
      mime: m.mime ?? null,
      size: m.size ?? null,
      sha256: m.sha256 ?? null,
      description: m.description ?? null,
      physical: m.physical ?? null,
      link: m.link ?? null,
      paperOriginalReceivedAt: m.originalReceivedAt?.toISOString() ?? null,
    })),
  };
}

/**
 * Streams one accepted activity into a ZIP on `sink`: every file named by its archive number (one
 * blob read at a time, straight from GridFS into the archive: nothing is held whole), the accepted
 * transfer list, and `metadata.json` (activity, handover, every item with its hash and description).
 * Files are stored, not recompressed (photos and video are compressed already).
 */
export async function exportArchiveZip(
  activityId: string,
  operator: string,
  sink: Writable,
  deps: AppDeps,
): Promise<ExportSummary> {
  const activity = await deps.repos.activities.findById(activityId);
  if (!activity) throw new DomainError('activity_not_found');
  if (activity.state !== 'accepted') {
    throw new DomainError('invalid_transition', { from: activity.state, event: 'export' });
  }
  const versions = await deps.repos.handover.versions(activityId);
  const accepted = versions.find((v) => v.status === 'accepted');
  if (!accepted) throw new DomainError('activity_not_found');
  const numbered = await deps.repos.archives.numberedMaterials(activityId);
  const byId = new Map(numbered.map((m) => [m._id, m]));
  const attached = (await deps.repos.archives.attachments(activityId)).filter((a) =>
    byId.has(a.attachedTo!),
  );
  const items = [...numbered, ...attached];
  const names = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const m of items) {
    if (!m.blobId) continue;
    const parent = m.attachedTo ? byId.get(m.attachedTo) : undefined;
    const n = (counts.get(m.attachedTo ?? '') ?? 0) + 1;
    if (parent) counts.set(parent._id, n);
    names.set(m._id, entryName(m, parent, n));
  }
  const zip = createArchiver('zip', { store: true });
  const done = finished(sink);
  zip.pipe(sink);
  const failure = new Promise<never>((_, reject) => zip.once('error', reject));
  const append = async (source: NodeJS.ReadableStream | Buffer, name: string) => {
    const entry = once(zip, 'entry');
    zip.append(source as never, { name });
    await Promise.race([entry, failure]);
  };
  let files = 0;
  let bytes = 0;
  for (const m of items) {
    if (!m.blobId) continue;
    const blob = await deps.repos.handover.blobs.openMaterialBlob(m.blobId);
    if (!blob) throw new Error(`blob of ${m._id} is missing`);
    await append(blob.stream, names.get(m._id)!);
    files += 1;
    bytes += blob.length;
  }
  if (accepted.acceptedList) {
    await append(
      deps.repos.handover.blobs.openHandoverFile(accepted.acceptedList.blobId),
      accepted.acceptedList.fileName,
    );
  }
  const meta = metadata(activity, accepted, items, names, {
    fondsCode: deps.config.archive.fondsCode,
    exportedAt: deps.clock.now(),
    exportedBy: operator,
  });
  await append(Buffer.from(JSON.stringify(meta, null, 2), 'utf8'), 'metadata.json');
  await Promise.race([zip.finalize(), failure]);
  await done;
  return { activity, files, bytes };
}
