import { access, mkdir, rename, rm, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { BackupStoreRepo } from '../../db/backup-store-repo';
import {
  BAG_INFO,
  BAGIT_FILE,
  BAGIT_TXT,
  bagInfoText,
  bagSize,
  manifestText,
  PAYLOAD_MANIFEST,
  payloadOxum,
  TAG_MANIFEST,
  type ManifestEntry,
} from '../../domain/bagit';
import { streamBlobs, type BlobScanOptions } from './blob-export';
import { writeCatalogue, type CatalogueScope } from './catalogue';
import { writeHashed } from './hashing-file';
import { ProgressMeter, silentProgress, type ProgressSink } from './progress';

/** One file of item bytes to copy into the bag (several items may share it: same SHA-256). */
export interface PayloadFile {
  blobId: string;
  path: string;
  length: number;
  chunkSize: number;
  sha256: string;
  materialIds: string[];
}

export interface BagSpec {
  bagId: string;
  /** The target folder the bag goes into. */
  root: string;
  label: string;
  payload: PayloadFile[];
  catalogue: CatalogueScope;
  /** bag-info.txt fields after Payload-Oxum and Bag-Size are known. */
  info: (oxum: string, size: string) => [string, string][];
  /** Scan every chunk once instead of filtering by file id (a full backup). */
  scanAll: boolean;
}

export interface WrittenBag {
  bagId: string;
  path: string;
  files: number;
  bytes: number;
  tagDigest: string;
  records: Record<string, number>;
  /** Payload files that made it in (content → path). */
  stored: { sha256: string; path: string; size: number }[];
  /** Items whose stored bytes did not match their SHA-256 (or were incomplete): left out. */
  damaged: { materialId: string; expected: string; actual: string | null }[];
}

/** A run that stopped with nothing left behind; the message says why in one line. */
export class BagWriteError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BagWriteError';
  }
}

const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );

/**
 * Writes a BagIt bag into `<root>/.tmp-<id>` and renames it to `<root>/<id>` once complete. An
 * existing bag is never overwritten; any failure (a full disk, an injected fault, a crash of the
 * store) removes the temporary folder, so no partial bag is ever left.
 */
export async function writeBag(
  store: BackupStoreRepo,
  spec: BagSpec,
  opts: { progress?: ProgressSink; beforeChunk?: BlobScanOptions['beforeChunk'] } = {},
): Promise<WrittenBag> {
  const finalPath = join(spec.root, spec.bagId);
  const tmp = join(spec.root, `.tmp-${spec.bagId}`);
  if (!(await exists(spec.root))) {
    throw new BagWriteError(`target folder ${spec.root} does not exist (is the media mounted?)`);
  }
  if (await exists(finalPath)) throw new BagWriteError(`bag ${finalPath} already exists`);
  await mkdir(tmp);
  try {
    const bag = await fill(store, spec, tmp, opts);
    if (await exists(finalPath)) throw new BagWriteError(`bag ${finalPath} already exists`);
    await rename(tmp, finalPath);
    return { ...bag, path: finalPath };
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw explain(err, spec);
  }
}

function explain(err: unknown, spec: BagSpec): Error {
  if (err instanceof BagWriteError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOSPC'
      ? `${spec.root} is full`
      : code === 'EDQUOT'
        ? `${spec.root} is over quota`
        : err instanceof Error
          ? err.message
          : String(err);
  return new BagWriteError(`${spec.label}: ${why}; nothing was written or registered`, {
    cause: err,
  });
}

async function fill(
  store: BackupStoreRepo,
  spec: BagSpec,
  tmp: string,
  opts: { progress?: ProgressSink; beforeChunk?: BlobScanOptions['beforeChunk'] },
): Promise<Omit<WrittenBag, 'path'>> {
  const dirs = new Set(spec.payload.map((p) => dirname(join(tmp, p.path))));
  for (const dir of dirs) await mkdir(dir, { recursive: true });
  const totalBytes = spec.payload.reduce((n, p) => n + p.length, 0);
  const meter = new ProgressMeter(
    spec.label,
    spec.payload.length,
    totalBytes,
    opts.progress ?? silentProgress,
  );
  const { results } = await streamBlobs(
    store,
    spec.payload.map((p) => ({
      fileKey: p.blobId,
      dest: join(tmp, p.path),
      length: p.length,
      chunkSize: p.chunkSize,
    })),
    {
      all: spec.scanAll,
      onBytes: (n) => meter.addBytes(n),
      onFile: () => meter.addFile(),
      ...(opts.beforeChunk ? { beforeChunk: opts.beforeChunk } : {}),
    },
  );
  meter.done();
  const manifest: ManifestEntry[] = [];
  const stored: WrittenBag['stored'] = [];
  const damaged: WrittenBag['damaged'] = [];
  for (const file of spec.payload) {
    const got = results.get(file.blobId);
    if (got && got.sha256 === file.sha256 && got.size === file.length) {
      manifest.push({ path: file.path, sha256: got.sha256 });
      stored.push({ sha256: got.sha256, path: file.path, size: got.size });
      continue;
    }
    // The store's bytes differ from the recorded SHA-256 (or chunks are missing): keep them out.
    await unlink(join(tmp, file.path)).catch(() => undefined);
    for (const materialId of file.materialIds) {
      damaged.push({ materialId, expected: file.sha256, actual: got?.sha256 ?? null });
      spec.catalogue.locations.delete(materialId);
      spec.catalogue.omitted.push({ id: materialId, reason: 'damaged-at-source' });
    }
  }
  const catalogue = await writeCatalogue(tmp, store, spec.catalogue);
  for (const f of catalogue.files) manifest.push({ path: f.path, sha256: f.sha256 });
  const bytes =
    stored.reduce((n, s) => n + s.size, 0) + catalogue.files.reduce((n, f) => n + f.size, 0);
  const oxum = payloadOxum(bytes, manifest.length);
  const tags: ManifestEntry[] = [];
  const tag = async (name: string, text: string) => {
    const { sha256 } = await writeHashed(join(tmp, name), text);
    tags.push({ path: name, sha256 });
  };
  await tag(BAGIT_FILE, BAGIT_TXT);
  await tag(BAG_INFO, bagInfoText(spec.info(oxum, bagSize(bytes))));
  await tag(PAYLOAD_MANIFEST, manifestText(manifest));
  const tagManifest = await writeHashed(join(tmp, TAG_MANIFEST), manifestText(tags));
  return {
    bagId: spec.bagId,
    files: manifest.length,
    bytes,
    tagDigest: tagManifest.sha256,
    records: catalogue.records,
    stored,
    damaged,
  };
}
