/**
 * Backups without the chat flows: activities and materials inserted as the materials feature stores
 * them (MaterialDoc + real bytes in the GridFS bucket), targets in a temporary folder, and a backup
 * context on a fresh test database.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import mongoose from 'mongoose';
import { stringify } from 'yaml';
import { parseBackupTargets, type BackupSettings } from '../../src/config/backup-targets';
import { ensureIndexes } from '../../src/db/indexes';
import { activityModel, auditEventModel, type ActivityDoc } from '../../src/db/models/activity';
import { MATERIAL_BUCKET, materialModel, type MaterialDoc } from '../../src/db/models/material';
import { FixedClock } from '../../src/lib/clock';
import { createLogger } from '../../src/lib/logger';
import type { BackupEntryDoc } from '../../src/db/backup-repo';
import { backupRepos, type BackupContext } from '../../src/services/backup/context';
import type { TargetOutcome } from '../../src/services/backup/run-backup';
import { openTestDatabase, type TestDatabase } from './test-db';

export interface BackupFixture {
  db: TestDatabase;
  ctx: BackupContext;
  clock: FixedClock;
  /** The temporary folder holding every target (removed on close). */
  root: string;
  settings: BackupSettings;
  addActivity(overrides?: Partial<ActivityDoc>): Promise<ActivityDoc>;
  addMaterial(
    activity: ActivityDoc | undefined,
    opts?: Partial<MaterialDoc> & { bytes?: Buffer; size?: number; layout?: 'gridfs' | 'intake' },
  ): Promise<MaterialDoc>;
  /** A context on another connection (a second process, a restore target). */
  contextOn(conn: mongoose.Connection, actor?: string): BackupContext;
  close(): Promise<void>;
}

/** Two targets: a use disk on site and a sealed disc staging folder off site (异地异质). */
export function defaultTargets(root: string): Record<string, unknown> {
  return {
    organization: '测试技师学院 综合档案室',
    keeper: 'ou_arch1',
    targets: [
      {
        id: 'use-disk',
        name: '档案室移动硬盘A',
        path: join(root, 'use-disk'),
        media: 'hdd',
        location: { site: 'on-site', place: '综合档案室' },
        role: 'use',
        kinds: ['realtime', 'full', 'staged'],
      },
      {
        id: 'sealed-disc',
        name: '封存光盘',
        path: join(root, 'sealed-disc'),
        media: 'optical',
        location: { site: 'off-site', place: '市档案馆' },
        role: 'sealed',
        kinds: ['realtime', 'full', 'staged'],
        sealer: 'ou_arch2',
      },
    ],
    realtime: { delayMinutes: 10 },
  };
}

let seq = 0;

export async function startBackupFixture(
  opts: { targets?: (root: string) => Record<string, unknown>; now?: string } = {},
): Promise<BackupFixture> {
  const db = await openTestDatabase('backup');
  await ensureIndexes(db.connection);
  const root = mkdtempSync(join(tmpdir(), 'bk-test-'));
  const raw = (opts.targets ?? defaultTargets)(root);
  const file = join(root, 'backup-targets.yaml');
  writeFileSync(file, stringify(raw));
  const settings = parseBackupTargets(raw, file);
  for (const t of settings.targets) mkdirSync(t.path, { recursive: true });
  const clock = new FixedClock(opts.now ?? '2026-03-02T02:00:00Z');
  const log = createLogger('silent');
  const contextOn = (conn: mongoose.Connection, actor = 'test'): BackupContext => ({
    settings,
    ...backupRepos(conn),
    clock,
    log,
    tz: 'Asia/Shanghai',
    actor,
    nameOf: (id) => ({ ou_arch1: '王档案员', ou_arch2: '赵档案员' })[id] ?? id,
  });
  const ctx = contextOn(db.connection);
  const { addActivity, addMaterial } = materialSeeder(db.connection, clock);

  return {
    db,
    ctx,
    clock,
    root,
    settings,
    addActivity,
    addMaterial,
    contextOn,
    close: async () => {
      await db.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Inserts activities and materials (with real bytes in GridFS) the way their features store them. */
export function materialSeeder(
  conn: mongoose.Connection,
  clock: { now(): Date },
): Pick<BackupFixture, 'addActivity' | 'addMaterial'> {
  const bucket = new mongoose.mongo.GridFSBucket(conn.db!, {
    bucketName: MATERIAL_BUCKET,
  });

  const addActivity = async (overrides: Partial<ActivityDoc> = {}): Promise<ActivityDoc> => {
    seq += 1;
    const now = clock.now();
    const doc: ActivityDoc = {
      _id: `act_${seq}_${randomBytes(3).toString('hex')}`,
      code: `HD-2026-${String(seq).padStart(4, '0')}`,
      year: 2026,
      title: `测试活动 ${seq}`,
      category: 5,
      unit: 'jwc',
      coUnits: [],
      startAt: new Date('2026-02-20T01:00:00Z'),
      endAt: new Date('2026-02-20T09:00:00Z'),
      location: '学术报告厅',
      contact: 'ou_org1',
      registrant: 'ou_org1',
      state: 'collecting' as ActivityDoc['state'],
      deadline: new Date('2026-03-20T15:59:59Z'),
      effectiveDeadline: new Date('2026-03-20T15:59:59Z'),
      createdAt: now,
      updatedAt: now,
      ...overrides,
    };
    await activityModel(conn).collection.insertOne(doc as never);
    await auditEventModel(conn).collection.insertOne({
      _id: `audit_${doc._id}` as never,
      activityId: doc._id,
      at: now,
      actor: 'ou_org1',
      action: 'activity.registered',
      changes: [],
    });
    return doc;
  };

  const addMaterial: BackupFixture['addMaterial'] = async (activity, o = {}) => {
    seq += 1;
    const { bytes: given, size, layout, ...overrides } = o;
    const bytes = given ?? randomBytes(size ?? 2048 + seq * 37);
    const now = clock.now();
    const id = `f:om_${seq}:file_${randomBytes(3).toString('hex')}`;
    const fileName = overrides.fileName ?? `photo-${seq}.jpg`;
    const blobId =
      layout === 'intake'
        ? await putIntakeBlob(
            conn,
            `blob_${seq}_${randomBytes(3).toString('hex')}`,
            bytes,
            fileName,
          )
        : await putGridfsBlob(bucket, bytes, fileName, id);
    const doc: MaterialDoc = {
      _id: id,
      ...(activity ? { activityId: activity._id } : {}),
      kind: 'photo' as MaterialDoc['kind'],
      status: 'stored',
      source: 'group',
      fileName,
      mime: 'image/jpeg',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      blobId,
      warnings: [],
      sender: 'ou_org1',
      sentAt: now,
      createdAt: now,
      described: true,
      description: {
        takenAt: now,
        place: '礼堂',
        people: '张三、李四',
        event: '开幕式',
        photographer: '王五',
      },
      updatedAt: now,
      ...overrides,
    };
    await materialModel(conn).collection.insertOne(doc as never);
    return doc;
  };

  return { addActivity, addMaterial };
}

/** A blob written by the driver's GridFSBucket (ObjectId ids). */
async function putGridfsBlob(
  bucket: mongoose.mongo.GridFSBucket,
  bytes: Buffer,
  fileName: string,
  materialId: string,
): Promise<string> {
  const upload = bucket.openUploadStream(fileName, { metadata: { materialId } });
  await pipeline(Readable.from([bytes]), upload);
  return upload.id.toHexString();
}

/**
 * A blob in the intake's layout (src/db/material-blob-repo.ts): a string file id, chunks of 512 KiB
 * with ids `<fileId>#<n>`, the files entry last. Backups read such chunks by `_id`.
 */
async function putIntakeBlob(
  conn: mongoose.Connection,
  fileId: string,
  bytes: Buffer,
  fileName: string,
): Promise<string> {
  const chunkSize = 512 * 1024;
  const chunks = conn.collection(`${MATERIAL_BUCKET}.chunks`);
  for (let n = 0; n * chunkSize < bytes.length; n++) {
    const data = bytes.subarray(n * chunkSize, (n + 1) * chunkSize);
    await chunks.insertOne({ _id: `${fileId}#${n}` as never, files_id: fileId, n, data });
  }
  await conn.collection(`${MATERIAL_BUCKET}.files`).insertOne({
    _id: fileId as never,
    length: bytes.length,
    chunkSize,
    uploadDate: new Date(),
    filename: fileName,
    metadata: {},
  });
  return fileId;
}

/** The bytes of a stored blob (to compare a restore with the original). */
export async function readBlob(conn: mongoose.Connection, blobId: string): Promise<Buffer> {
  const bucket = new mongoose.mongo.GridFSBucket(conn.db!, { bucketName: MATERIAL_BUCKET });
  const id = /^[0-9a-f]{24}$/.test(blobId) ? new mongoose.Types.ObjectId(blobId) : blobId;
  const parts: Buffer[] = [];
  for await (const c of bucket.openDownloadStream(id as never)) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

/** The registered bag a run wrote for a target (fails the test when none was written). */
export function bagOf(result: { outcomes: TargetOutcome[] }, targetId?: string): BackupEntryDoc {
  const outcome = result.outcomes.find((o) => !targetId || o.targetId === targetId);
  if (outcome?.status !== 'written') {
    throw new Error(
      `no bag written${targetId ? ` for ${targetId}` : ''}: ${JSON.stringify(outcome)}`,
    );
  }
  return outcome.entry;
}
