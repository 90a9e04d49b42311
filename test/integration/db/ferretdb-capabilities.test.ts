/**
 * What the bot relies on from its database, checked on the server the tests run against (embedded
 * FerretDB 1.24 by default, or MONGODB_URI). FerretDB-only expectations document its gaps: if an
 * upgrade changes them, these tests fail and the notes here need revisiting.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import mongoose from 'mongoose';
import { openTestDatabase, type TestDatabase } from '../../support/test-db';

let db: TestDatabase;
let ferretdb: boolean;

beforeAll(async () => {
  db = await openTestDatabase('capabilities');
  const info = await db.connection.db!.admin().command({ buildInfo: 1 });
  ferretdb = typeof info['ferretdbVersion'] === 'string';
});
afterAll(() => db.close());

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- loose documents, like the driver's default
const coll = <T extends Record<string, any> = Record<string, any>>(name: string) =>
  db.connection.collection<T>(name);

describe('database capabilities the bot relies on', () => {
  it('enforces a unique compound index with duplicate-key code 11000', async () => {
    const c = coll('unique_pairs');
    await c.createIndex({ activityId: 1, userId: 1 }, { unique: true });
    await c.insertOne({ activityId: 'a1', userId: 'u1' });
    await c.insertOne({ activityId: 'a1', userId: 'u2' });
    // Only `code` is portable: FerretDB sets no keyPattern/keyValue on the error.
    await expect(c.insertOne({ activityId: 'a1', userId: 'u1' })).rejects.toMatchObject({
      code: 11000,
    });
    expect(await c.indexes()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: { activityId: 1, userId: 1 }, unique: true }),
      ]),
    );
  });

  it('findOneAndUpdate with sort + $inc + upsert', async () => {
    const c = coll('counters');
    const created = await c.findOneAndUpdate(
      { name: 'seq' },
      { $inc: { value: 1 }, $setOnInsert: { since: 2024 } },
      { upsert: true, returnDocument: 'after' },
    );
    expect(created).toMatchObject({ name: 'seq', value: 1, since: 2024 });
    await c.insertMany([
      { name: 'job', prio: 2, tries: 0 },
      { name: 'job', prio: 1, tries: 0 },
    ]);
    const picked = await c.findOneAndUpdate(
      { name: 'job' },
      { $inc: { tries: 1 } },
      { sort: { prio: 1 }, returnDocument: 'after' },
    );
    expect(picked).toMatchObject({ prio: 1, tries: 1 });
  });

  it('serializes one process’s read-modify-writes (single pooled connection on FerretDB)', async () => {
    const c = coll<{ _id: string; v: number; job?: number; status?: string }>('atomic');
    await c.insertOne({ _id: 'n', v: 0 });
    const results = await Promise.all(
      Array.from({ length: 40 }, () =>
        c.findOneAndUpdate({ _id: 'n' }, { $inc: { v: 1 } }, { returnDocument: 'after' }),
      ),
    );
    expect(new Set(results.map((r) => r!.v)).size).toBe(40);
    expect((await c.findOne({ _id: 'n' }))!.v).toBe(40);

    await c.insertOne({ _id: 'job1', v: 0, job: 1, status: 'pending' });
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, owner) =>
        c.findOneAndUpdate({ job: 1, status: 'pending' }, { $set: { status: 'leased', owner } }),
      ),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('$in queries and countDocuments', async () => {
    const c = coll<{ state: string }>('states');
    await c.insertMany(['draft', 'submitted', 'approved', 'archived'].map((state) => ({ state })));
    expect(await c.countDocuments({ state: { $in: ['submitted', 'approved'] } })).toBe(2);
    const found = await c.find({ state: { $in: ['draft', 'nope'] } }).toArray();
    expect(found.map((d) => d.state)).toEqual(['draft']);
    expect(await c.countDocuments({})).toBe(4);
  });

  it('aggregate with $match/$group/$sort (one accumulator per $group) and $count', async () => {
    const c = coll('stats');
    await c.insertMany([
      { dept: 'b', n: 5, ok: true },
      { dept: 'a', n: 2, ok: true },
      { dept: 'b', n: 7, ok: true },
      { dept: 'a', n: 1, ok: false },
    ]);
    const byDept = await c
      .aggregate([
        { $match: { ok: true } },
        { $group: { _id: '$dept', total: { $sum: '$n' } } },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(byDept).toEqual([
      { _id: 'a', total: 2 },
      { _id: 'b', total: 12 },
    ]);
    const counts = await c
      .aggregate([{ $group: { _id: '$dept', count: { $sum: 1 } } }, { $sort: { _id: -1 } }])
      .toArray();
    expect(counts).toEqual([
      { _id: 'b', count: 2 },
      { _id: 'a', count: 2 },
    ]);
    expect(await c.aggregate([{ $match: { ok: true } }, { $count: 'c' }]).toArray()).toEqual([
      { c: 3 },
    ]);

    const twoAccumulators = await c
      .aggregate([{ $group: { _id: null, total: { $sum: '$n' }, count: { $sum: 1 } } }])
      .toArray();
    // FerretDB 1.24 silently returns 0 for every accumulator after the first: use one per $group.
    expect(twoAccumulators).toEqual([{ _id: null, total: 15, count: ferretdb ? 0 : 4 }]);
  });

  it('GridFSBucket upload and download streams', async () => {
    const bucket = new mongoose.mongo.GridFSBucket(db.connection.db!, {
      bucketName: 'attachments',
    });
    const payload = Buffer.alloc(600 * 1024);
    for (let i = 0; i < payload.length; i++) payload[i] = i % 251;
    const upload = bucket.openUploadStream('poster.png', { metadata: { activityId: 'a1' } });
    await pipeline(Readable.from([payload]), upload);
    const [file] = await bucket.find({ _id: upload.id }).toArray();
    expect(file).toMatchObject({
      filename: 'poster.png',
      length: payload.length,
      metadata: { activityId: 'a1' },
    });
    const chunks: Buffer[] = [];
    for await (const chunk of bucket.openDownloadStream(upload.id)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(payload)).toBe(true);
    await bucket.delete(upload.id);
    expect(await bucket.find({ _id: upload.id }).toArray()).toEqual([]);
  });

  it('explain on find: FerretDB reports the SQLite plan and pushdown flags, no executionStats', async () => {
    const c = coll('explained');
    await c.createIndex({ k: 1 });
    await c.insertMany([{ k: 1 }, { k: 2 }]);
    const plan = (await c.find({ k: 1 }).explain('executionStats')) as Record<string, unknown>;
    if (!ferretdb) {
      expect(plan).toHaveProperty('executionStats.totalDocsExamined');
      return;
    }
    expect(plan).not.toHaveProperty('executionStats');
    expect(plan).toMatchObject({
      explainVersion: '1',
      queryPlanner: { Plan: expect.arrayContaining([expect.stringMatching(/SCAN/)]) },
      filterPushdown: false,
      sortPushdown: false,
      limitPushdown: false,
      serverInfo: { ferretdbVersion: expect.stringMatching(/^v1\.24\./) },
    });
    // Only an _id equality is pushed down to SQLite; secondary indexes are not used for queries.
    const byId = (await c.find({ _id: (await c.findOne({ k: 2 }))!._id }).explain()) as Record<
      string,
      unknown
    >;
    expect(byId['filterPushdown']).toBe(true);
  });

  it('dropDatabase removes the database', async () => {
    const scratch = db.connection.useDb(`${db.dbName}_scratch`);
    await scratch.collection('x').insertOne({ a: 1 });
    const names = async () =>
      (await db.connection.db!.admin().listDatabases()).databases.map((d) => d.name);
    expect(await names()).toContain(`${db.dbName}_scratch`);
    await scratch.dropDatabase();
    expect(await names()).not.toContain(`${db.dbName}_scratch`);
  });
});

describe('not implemented in FerretDB 1.24 (code 238) — do not use', () => {
  beforeAll(() => coll('gaps').insertOne({ n: 2, l: [{ id: 1, s: 'open' }] }));

  const cases: Array<[string, () => Promise<unknown>]> = [
    [
      'TTL index (expireAfterSeconds)',
      () => coll('gaps').createIndex({ at: 1 }, { expireAfterSeconds: 60 }),
    ],
    [
      'partial index',
      () =>
        coll('gaps').createIndex({ z: 1 }, { partialFilterExpression: { z: { $exists: true } } }),
    ],
    [
      '$group $max/$min/$first/$push',
      () =>
        coll('gaps')
          .aggregate([{ $group: { _id: null, m: { $max: '$n' } } }])
          .toArray(),
    ],
    [
      '$lookup',
      () =>
        coll('gaps')
          .aggregate([{ $lookup: { from: 'x', localField: 'a', foreignField: 'a', as: 'j' } }])
          .toArray(),
    ],
    [
      '$expr / expression operators',
      () =>
        coll('gaps')
          .find({ $expr: { $gt: ['$n', 1] } })
          .toArray(),
    ],
    [
      'arrayFilters',
      () =>
        coll('gaps').updateOne({}, { $set: { 'l.$[i].s': 1 } }, { arrayFilters: [{ 'i.id': 1 }] }),
    ],
  ];
  it.each(cases)('%s', async (_label, run) => {
    if (!ferretdb) return;
    await expect(run()).rejects.toMatchObject({ code: 238 });
  });

  it('transactions', async () => {
    if (!ferretdb) return;
    const session = db.connection.getClient().startSession();
    try {
      await expect(
        session.withTransaction(() => coll('gaps').insertOne({ t: 1 }, { session })),
      ).rejects.toThrow();
    } finally {
      await session.endSession();
    }
  });

  it('positional $ update', async () => {
    if (!ferretdb) return;
    const c = coll('gaps_positional');
    await c.insertOne({ l: [{ id: 1, s: 'open' }] });
    await expect(c.updateOne({ 'l.id': 1 }, { $set: { 'l.$.s': 'done' } })).rejects.toMatchObject({
      code: 28,
    });
  });
});
