import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupStoreRepo, GridFileDoc } from '../../db/backup-store-repo';
import { CSV_BOM, csvRow, jsonLine, pick } from './csv';
import { HashingFile } from './hashing-file';

/** Where an item's bytes are: copied into this bag, or referenced in an earlier bag of the target. */
export interface FileLocation {
  materialId: string;
  sha256: string;
  size: number;
  status: 'copied' | 'referenced';
  bagId: string;
  /** Path inside that bag (`data/files/…`). */
  path: string;
  blobId: string;
}

/** Which records a bag's catalogue covers. */
export interface CatalogueScope {
  activityIds: Set<string> | 'all';
  materialIds: Set<string>;
  locations: Map<string, FileLocation>;
  omitted: { id: string; reason: string; note?: string }[];
  blobs: Map<string, GridFileDoc>;
  activityCodes: Map<string, string>;
  /** A full bag also dumps every other persistent collection (数据库定期完全备份). */
  databaseDump: boolean;
}

/** One collection written to the catalogue, for `catalogue/index.json` (what restore reads). */
export interface CatalogueIndexEntry {
  file: string;
  collection: string;
  count: number;
}

export const CATALOGUE_COLLECTIONS = ['activities', 'materials', 'audit_events'] as const;
export const BLOBS_FILE = 'data/catalogue/blobs.jsonl';
export const FILES_FILE = 'data/catalogue/files.jsonl';
export const INDEX_FILE = 'data/catalogue/index.json';

const ACTIVITY_COLUMNS = [
  '_id',
  'code',
  'year',
  'title',
  'category',
  'unit',
  'coUnits',
  'startAt',
  'endAt',
  'location',
  'summary',
  'state',
  'contact',
  'registrant',
  'effectiveDeadline',
  'createdAt',
  'updatedAt',
];
const MATERIAL_COLUMNS = [
  '_id',
  'activityId',
  'kind',
  'status',
  'archiveNo',
  'itemNo',
  'fileName',
  'mime',
  'size',
  'sha256',
  'priority',
  'valueDecision',
  'valueReason',
  'description.takenAt',
  'description.place',
  'description.people',
  'description.event',
  'description.photographer',
  'description.title',
  'description.docType',
  'description.docDate',
  'description.pages',
  'description.docNumber',
  'description.author',
  'description.note',
  'physical.name',
  'physical.type',
  'physical.quantity',
  'physical.location',
  'link.url',
  'link.title',
  'link.source',
  'sender',
  'sentAt',
  'createdAt',
];
const AUDIT_COLUMNS = ['_id', 'activityId', 'at', 'actor', 'action', 'reason', 'changes'];

/** Writes JSON Lines (and optionally CSV) files, hashing both; reports each to `onFile`. */
class CatalogueFiles {
  readonly written: { path: string; sha256: string; size: number }[] = [];
  constructor(private readonly root: string) {}

  async open(rel: string, csvHeader?: readonly string[]): Promise<HashingFile> {
    const file = await HashingFile.create(join(this.root, rel));
    if (csvHeader) await file.write(CSV_BOM + csvRow(csvHeader));
    return file;
  }

  async close(rel: string, file: HashingFile): Promise<void> {
    const { sha256, size } = await file.close();
    this.written.push({ path: rel, sha256, size });
  }
}

/**
 * Writes the catalogue of a bag under `<root>/data/catalogue` (and `data/database` for a full bag):
 * JSON Lines of the exact documents (what restore inserts) and CSV for people, plus where each
 * file's bytes are. Returns the files written (for the manifest) and the record counts.
 */
export async function writeCatalogue(
  root: string,
  store: BackupStoreRepo,
  scope: CatalogueScope,
): Promise<{ files: CatalogueFiles['written']; records: Record<string, number> }> {
  await mkdir(join(root, 'data', 'catalogue'), { recursive: true });
  const out = new CatalogueFiles(root);
  const index: CatalogueIndexEntry[] = [];
  const records: Record<string, number> = {};
  const activityFilter =
    scope.activityIds === 'all' ? {} : { activityId: { $in: [...scope.activityIds] } };

  const dump = async (
    collection: string,
    base: string,
    filter: Record<string, unknown>,
    columns: readonly string[] | null,
    keep: (doc: Record<string, unknown>) => boolean = () => true,
    row: (doc: Record<string, unknown>) => unknown[] = (doc) =>
      (columns ?? []).map((c) => pick(doc, c)),
  ) => {
    const jsonRel = `${base}.jsonl`;
    const json = await out.open(jsonRel);
    const csv = columns ? await out.open(`${base}.csv`, columns) : undefined;
    let count = 0;
    for await (const doc of store.stream(collection, filter)) {
      if (!keep(doc)) continue;
      count += 1;
      await json.write(jsonLine(doc));
      if (csv) await csv.write(csvRow(row(doc)));
    }
    await out.close(jsonRel, json);
    if (csv) await out.close(`${base}.csv`, csv);
    index.push({ file: jsonRel, collection, count });
    records[collection] = count;
  };

  const cat = 'data/catalogue';
  const activityIds = scope.activityIds;
  await dump(
    'activities',
    `${cat}/activities`,
    activityIds === 'all' ? {} : { _id: { $in: [...activityIds] } },
    ACTIVITY_COLUMNS,
  );
  await dump(
    'materials',
    `${cat}/materials`,
    {},
    [...MATERIAL_COLUMNS, 'activityCode', 'bagPath'],
    (doc) => scope.materialIds.has(String(doc._id)),
    (doc) => {
      const loc = scope.locations.get(String(doc._id));
      return [
        ...MATERIAL_COLUMNS.map((c) => pick(doc, c)),
        scope.activityCodes.get(String(doc.activityId)) ?? '',
        loc ? (loc.status === 'copied' ? loc.path : `${loc.bagId}/${loc.path}`) : '',
      ];
    },
  );
  await dump('audit_events', `${cat}/audit-events`, activityFilter, AUDIT_COLUMNS);
  for (const name of await store.handoverCollections()) {
    await dump(name, `${cat}/${name}`, activityFilter, ['_id', 'activityId', 'status']);
  }
  await writeLocations(out, scope);
  if (scope.databaseDump) {
    await mkdir(join(root, 'data', 'database'), { recursive: true });
    const skip = new Set<string>([
      ...CATALOGUE_COLLECTIONS,
      ...(await store.handoverCollections()),
    ]);
    for (const name of await store.databaseCollections()) {
      if (!skip.has(name)) await dump(name, `data/database/${name}`, {}, null);
    }
  }
  const indexFile = await out.open(INDEX_FILE);
  await indexFile.write(`${JSON.stringify(index, null, 2)}\n`);
  await out.close(INDEX_FILE, indexFile);
  return { files: out.written, records };
}

/** files.jsonl/csv (where each item's bytes are), blobs.jsonl (GridFS entries), omitted.csv. */
async function writeLocations(out: CatalogueFiles, scope: CatalogueScope): Promise<void> {
  const columns = ['materialId', 'sha256', 'size', 'status', 'bagId', 'path'];
  const json = await out.open(FILES_FILE);
  const csv = await out.open('data/catalogue/files.csv', columns);
  const blobs = await out.open(BLOBS_FILE);
  const locations = [...scope.locations.values()].sort((a, b) =>
    a.materialId < b.materialId ? -1 : 1,
  );
  for (const loc of locations) {
    await json.write(jsonLine(loc));
    await csv.write(csvRow(columns.map((c) => loc[c as keyof FileLocation])));
  }
  for (const [key, doc] of [...scope.blobs].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    await blobs.write(jsonLine({ key, ...doc }));
  }
  await out.close(FILES_FILE, json);
  await out.close('data/catalogue/files.csv', csv);
  await out.close(BLOBS_FILE, blobs);
  const omitted = await out.open('data/catalogue/omitted.csv', ['materialId', 'reason', 'note']);
  for (const o of scope.omitted) await omitted.write(csvRow([o.id, o.reason, o.note]));
  await out.close('data/catalogue/omitted.csv', omitted);
}
