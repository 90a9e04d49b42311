/**
 * Materials for handover tests, written straight into the database the way the materials feature
 * stores them (the contract in src/db/models/material.ts): a MaterialDoc per item and, for files,
 * real bytes in the GridFS bucket `materials_files` — files document plus chunks with deterministic
 * ids `<fileId>#<n>`, as material-blob-repo.ts writes them (standard GridFS readers read them too).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { MaterialKind } from '../../src/domain/categories';
import { MATERIAL_BUCKET, type MaterialDoc } from '../../src/db/models/material';
import { sampleFiles, type SampleFile } from './sample-files';

const CHUNK = 255 * 1024;

/** Stores `bytes` as a GridFS file under `fileId`. */
export async function putBlob(
  conn: Connection,
  fileId: string,
  bytes: Buffer,
  fileName = fileId,
): Promise<void> {
  const db = conn.db!;
  const chunks = [];
  for (let n = 0; n * CHUNK < bytes.length || n === 0; n++) {
    const data = bytes.subarray(n * CHUNK, (n + 1) * CHUNK);
    if (data.length === 0 && n > 0) break;
    chunks.push({ _id: `${fileId}#${n}`, files_id: fileId, n, data });
  }
  if (bytes.length > 0)
    await db.collection(`${MATERIAL_BUCKET}.chunks`).insertMany(chunks as never[]);
  await db.collection(`${MATERIAL_BUCKET}.files`).insertOne({
    _id: fileId as never,
    length: bytes.length,
    chunkSize: CHUNK,
    uploadDate: new Date(),
    filename: fileName,
    metadata: {},
  });
}

/** Overwrites one byte of a stored blob (a file changed behind the archive's back). */
export async function tamperBlob(conn: Connection, fileId: string, at = 0): Promise<void> {
  const chunks = conn.db!.collection<{ _id: string; data: { buffer: Uint8Array } }>(
    `${MATERIAL_BUCKET}.chunks`,
  );
  const chunk = await chunks.findOne({ _id: `${fileId}#0` });
  if (!chunk) throw new Error(`no chunk 0 of ${fileId}`);
  const data = Buffer.from(chunk.data.buffer);
  data[at] = (data[at]! + 1) % 256;
  await chunks.updateOne({ _id: `${fileId}#0` }, { $set: { data: data as never } });
}

/** Removes a blob from the store (its record stays: the integrity check must notice). */
export async function dropBlob(conn: Connection, fileId: string): Promise<void> {
  await conn.db!.collection(`${MATERIAL_BUCKET}.files`).deleteOne({ _id: fileId as never });
  await conn.db!.collection(`${MATERIAL_BUCKET}.chunks`).deleteMany({ files_id: fileId });
}

const described: Record<MaterialKind, Partial<MaterialDoc>> = {
  photo: {
    description: {
      takenAt: new Date('2026-03-05T02:30:00Z'),
      place: '学院礼堂',
      people: '院领导、师生代表',
      event: '建校六十周年庆典大会',
      photographer: '王摄影',
    },
  },
  audio: {
    description: {
      takenAt: new Date('2026-03-05T03:00:00Z'),
      place: '学院礼堂',
      people: '院长',
      event: '院长讲话',
      photographer: '李录音',
    },
  },
  video: {
    description: {
      takenAt: new Date('2026-03-05T03:00:00Z'),
      place: '学院礼堂',
      people: '全体师生',
      event: '庆典大会',
      photographer: '赵摄像',
    },
  },
  document: {
    description: {
      title: '建校六十周年庆典活动方案',
      docType: '方案',
      docDate: new Date('2026-02-20T16:00:00Z'),
      pages: 12,
      docNumber: '院办〔2026〕3号',
      author: '院办公室',
    },
  },
  link: {
    link: {
      url: 'https://news.example.cn/60',
      title: '学院隆重举行建校60周年庆典',
      source: '大众日报',
    },
  },
  physical: {
    physical: {
      name: '建校六十周年纪念牌匾',
      type: '牌匾',
      quantity: 1,
      description: '木质烫金，省教育厅赠',
      location: '院办公室',
    },
  },
};

export interface MaterialSpec extends Partial<MaterialDoc> {
  kind: MaterialKind;
  /** Bytes to store (files); default: a sample of the kind. */
  file?: SampleFile;
}

const SAMPLE_BY_KIND: Partial<Record<MaterialKind, SampleFile>> = {
  photo: sampleFiles.jpeg,
  document: sampleFiles.pdf,
  audio: sampleFiles.wav,
  video: sampleFiles.mp4,
};

/**
 * Inserts one material of an activity, described by default (override `description`, `described`,
 * `physical`…), with its bytes in GridFS for files. Returns the stored document.
 */
export async function addMaterial(
  conn: Connection,
  activityId: string,
  spec: MaterialSpec,
  seq = 0,
): Promise<MaterialDoc> {
  const { file: given, kind, ...over } = spec;
  const isFile = kind !== 'physical' && kind !== 'link';
  const sample = isFile ? (given ?? SAMPLE_BY_KIND[kind]!) : undefined;
  const id =
    over._id ?? `${kind === 'physical' ? 'p' : kind === 'link' ? 'l' : 'f'}:${randomUUID()}`;
  const at = new Date(Date.UTC(2026, 2, 5, 4, 0, seq));
  const blobId = sample ? `blob-${id.replace(/[^A-Za-z0-9-]/g, '')}` : undefined;
  const bytes = sample ? uniqueBytes(sample, id) : undefined;
  const doc: MaterialDoc = {
    _id: id,
    activityId,
    kind,
    status: 'stored',
    source: 'group',
    sender: 'ou_org1',
    sentAt: at,
    createdAt: at,
    updatedAt: at,
    warnings: [],
    described: true,
    ...described[kind],
    ...(sample && bytes
      ? {
          fileName: sample.name,
          mime: sample.mime,
          size: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          blobId,
        }
      : {}),
    ...over,
  } as MaterialDoc;
  if (blobId && bytes) await putBlob(conn, blobId, bytes, doc.fileName);
  await conn.db!.collection('materials').insertOne(doc as never);
  return doc;
}

/** Makes each stored file distinct (same format, different bytes) so hashes differ per item. */
function uniqueBytes(sample: SampleFile, id: string): Buffer {
  if (sample.mime !== 'image/jpeg') return sample.bytes;
  // Re-encode the JPEG comment with the id: still a whole JPEG.
  const seed = Buffer.from(id, 'utf8');
  const head = sample.bytes.subarray(0, 20);
  return Buffer.concat([
    head,
    Buffer.from([0xff, 0xfe, (seed.length + 2) >> 8, (seed.length + 2) & 0xff]),
    seed,
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** A typical complete set for a ceremony (category 5): plan, speech, press, photos, video, plaque. */
export async function addCompleteSet(conn: Connection, activityId: string): Promise<MaterialDoc[]> {
  const specs: MaterialSpec[] = [
    { kind: 'document' },
    {
      kind: 'document',
      file: sampleFiles.docx,
      description: {
        title: '院长在庆典大会上的讲话',
        docType: '讲话',
        docDate: new Date('2026-03-04T16:00:00Z'),
        pages: 4,
        author: '院长办公室',
      },
    },
    { kind: 'link' },
    { kind: 'photo', batchId: 'batch-1' },
    { kind: 'photo', batchId: 'batch-1' },
    { kind: 'video' },
    { kind: 'physical' },
  ];
  const out: MaterialDoc[] = [];
  for (const [i, spec] of specs.entries()) out.push(await addMaterial(conn, activityId, spec, i));
  return out;
}
