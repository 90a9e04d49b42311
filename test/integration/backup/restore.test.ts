import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { activityModel, auditEventModel } from '../../../src/db/models/activity';
import { materialModel } from '../../../src/db/models/material';
import { runBackup } from '../../../src/services/backup/run-backup';
import { restoreBag } from '../../../src/services/backup/restore';
import {
  bagOf,
  readBlob,
  startBackupFixture,
  type BackupFixture,
} from '../../support/backup-fixtures';

let fx: BackupFixture;
const opened: mongoose.Connection[] = [];

beforeEach(async () => {
  fx = await startBackupFixture();
});
afterEach(async () => {
  for (const c of opened.splice(0)) {
    await c.dropDatabase();
    await c.close();
  }
  await fx.close();
});

/** A fresh, empty database on the test server (the "empty database" of a restore). */
function emptyDatabase(): { uri: string; name: string } {
  const name = `t_restore_${randomBytes(5).toString('hex')}`;
  return { uri: `${process.env['TEST_MONGODB_URI']!.replace(/\/?$/, '/')}${name}`, name };
}

async function connect(uri: string) {
  const conn = await mongoose.createConnection(uri, { maxPoolSize: 1 }).asPromise();
  opened.push(conn);
  return conn;
}

const plain = (docs: unknown[]) => JSON.parse(JSON.stringify(docs)) as unknown[];

describe('restore', () => {
  it('round trip: back up, wipe database and store, restore, every record and byte back', async () => {
    const a1 = await fx.addActivity({ title: '校运会' });
    const a2 = await fx.addActivity({ title: '技能大赛' });
    await fx.addMaterial(a1, { size: 700_000, fileName: '开幕.jpg' });
    await fx.addMaterial(a1, { size: 1, fileName: 'tiny.txt', kind: 'document' });
    await fx.addMaterial(a2, { size: 0, fileName: 'empty.bin', kind: 'document' });
    await fx.addMaterial(a2, { size: 300_000, archiveNo: 'Z001-ZP·2026-Y-JWC-0003' });
    await materialModel(fx.db.connection).collection.insertOne({
      _id: 'p:plaque',
      activityId: a2._id,
      kind: 'physical',
      status: 'stored',
      source: 'manual',
      warnings: [],
      sender: 'ou_org1',
      sentAt: fx.clock.now(),
      createdAt: fx.clock.now(),
      described: true,
      physical: { name: '奖杯', type: '荣誉', quantity: 1, description: '一等奖', location: '柜A' },
      updatedAt: fx.clock.now(),
    } as never);
    const before = {
      activities: await activityModel(fx.db.connection).find().sort({ _id: 1 }).lean(),
      materials: await materialModel(fx.db.connection).find().sort({ _id: 1 }).lean(),
      audit: await auditEventModel(fx.db.connection).find().sort({ _id: 1 }).lean(),
    };
    const bytes = new Map<string, Buffer>();
    for (const m of before.materials)
      if (m.blobId) bytes.set(m.blobId, await readBlob(fx.db.connection, m.blobId));

    const run = await runBackup(fx.ctx, { kind: 'full', targetIds: ['use-disk'] });
    const entry = bagOf(run);
    expect(entry?.records).toMatchObject({ activities: 2, materials: 5 });

    // The disaster: the database (records and GridFS store) is gone.
    const registerCtx = fx.contextOn(fx.db.connection);
    await fx.db.connection.dropDatabase();
    await registerCtx.repo.register(entry, []);

    const into = emptyDatabase();
    const report = await restoreBag(registerCtx, entry.path, into.uri);
    expect(report.problems).toEqual([]);
    expect(report.verified).toBe(true);
    expect(report.collections).toMatchObject({ activities: 2, materials: 5, audit_events: 2 });
    expect(report.files).toBe(4);

    const conn = await connect(into.uri);
    expect(plain(await activityModel(conn).find().sort({ _id: 1 }).lean())).toEqual(
      plain(before.activities),
    );
    expect(plain(await materialModel(conn).find().sort({ _id: 1 }).lean())).toEqual(
      plain(before.materials),
    );
    expect(plain(await auditEventModel(conn).find().sort({ _id: 1 }).lean())).toEqual(
      plain(before.audit),
    );
    for (const [blobId, original] of bytes) {
      expect((await readBlob(conn, blobId)).equals(original)).toBe(true);
    }
    const events = await registerCtx.repo.eventsOf('restore');
    expect(events[0]).toMatchObject({ ok: true, bagId: entry._id });
  });

  it('refuses a database that is not empty', async () => {
    const act = await fx.addActivity();
    await fx.addMaterial(act);
    const run = await runBackup(fx.ctx, { kind: 'full', targetIds: ['use-disk'] });
    const entry = bagOf(run);
    const into = emptyDatabase();
    const conn = await connect(into.uri);
    await conn.collection('something').insertOne({ a: 1 });
    await expect(restoreBag(fx.ctx, entry.path, into.uri)).rejects.toThrow(
      new RegExp(
        `database ${into.name} on 127\\.0\\.0\\.1:\\d+ is not empty \\(1 collections: something\\)`,
      ),
    );
  });

  it('restores an incremental bag with files referenced in the earlier bag', async () => {
    const act = await fx.addActivity();
    const old = await fx.addMaterial(act, { size: 50_000 });
    await runBackup(fx.ctx, { kind: 'staged', targetIds: ['use-disk'] });
    fx.clock.advance(60_000);
    const fresh = await fx.addMaterial(act, { size: 40_000 });
    const run = await runBackup(fx.ctx, { kind: 'staged', targetIds: ['use-disk'] });
    const entry = bagOf(run);
    expect(entry).toMatchObject({ copied: 1, referenced: 1 });
    const into = emptyDatabase();
    const report = await restoreBag(fx.ctx, entry.path, into.uri);
    expect(report.verified).toBe(true);
    const conn = await connect(into.uri);
    expect(
      (await readBlob(conn, old.blobId!)).equals(await readBlob(fx.db.connection, old.blobId!)),
    ).toBe(true);
    expect((await readBlob(conn, fresh.blobId!)).length).toBe(40_000);
  });

  it('reads and restores blobs in the intake layout by chunk id (no table scan)', async () => {
    const act = await fx.addActivity();
    const big = await fx.addMaterial(act, { size: 1_200_000, layout: 'intake' });
    const small = await fx.addMaterial(act, { size: 10, layout: 'intake' });
    const classic = await fx.addMaterial(act, { size: 70_000 });
    fx.clock.advance(11 * 60_000);
    const entry = bagOf(await runBackup(fx.ctx, { kind: 'realtime', targetIds: ['use-disk'] }));
    expect(entry.copied).toBe(3);
    const into = emptyDatabase();
    const report = await restoreBag(fx.ctx, entry.path, into.uri);
    expect(report.verified).toBe(true);
    const conn = await connect(into.uri);
    for (const m of [big, small, classic]) {
      expect(
        (await readBlob(conn, m.blobId!)).equals(await readBlob(fx.db.connection, m.blobId!)),
      ).toBe(true);
    }
    const chunkIds = await conn
      .collection('materials_files.chunks')
      .find({ files_id: big.blobId }, { projection: { _id: 1 } })
      .toArray();
    expect(chunkIds.map((c) => c._id).sort()).toEqual([
      `${big.blobId}#0`,
      `${big.blobId}#1`,
      `${big.blobId}#2`,
    ]);
  });
});
