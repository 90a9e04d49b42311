import mongoose from 'mongoose';
import { InboxRepo } from '../../../src/db/inbox-repo';
import { ensureIndexes } from '../../../src/db/indexes';
import { openTestDatabase, type TestDatabase } from '../../support/test-db';

describe('inbox claims across processes', () => {
  let db: TestDatabase;
  const others: mongoose.Connection[] = [];

  beforeAll(async () => {
    db = await openTestDatabase('claims');
    await ensureIndexes(db.connection);
    // Separate connection pools stand in for separate processes (no shared in-process serialisation).
    for (let i = 0; i < 3; i++) {
      others.push(
        await mongoose.createConnection(db.uri, { dbName: db.dbName, maxPoolSize: 4 }).asPromise(),
      );
    }
  });
  afterAll(async () => {
    for (const c of others) await c.close();
    await db.close();
  });

  it('gives each record to exactly one worker when several race', async () => {
    const now = new Date('2026-03-01T00:00:00Z');
    const writer = new InboxRepo(db.connection);
    for (let i = 0; i < 120; i++) {
      await writer.accept({ id: `evt:r${i}`, eventId: `r${i}`, type: 't', payload: {} }, now);
    }
    const repos = others.flatMap((c, i) =>
      [new InboxRepo(c), new InboxRepo(c)].map((repo, j) => ({ repo, id: `w${i}${j}` })),
    );
    const claimed: string[] = [];
    await Promise.all(
      repos.map(async ({ repo, id }) => {
        for (;;) {
          const record = await repo.claim(now, 60_000, id);
          if (!record) {
            if ((await writer.count({ status: 'pending' })) === 0) return;
            continue;
          }
          claimed.push(record._id);
          expect(await repo.complete(record._id, id, now)).toBe(true);
        }
      }),
    );
    expect(claimed).toHaveLength(120);
    expect(new Set(claimed).size).toBe(120);
    expect(await writer.count({ status: 'done' })).toBe(120);
  });

  it('lets a record whose lease expired be claimed again, by one worker only', async () => {
    const t0 = new Date('2026-03-02T00:00:00Z');
    const repo = new InboxRepo(db.connection);
    await repo.accept({ id: 'evt:lease', eventId: 'lease', type: 't', payload: {} }, t0);
    expect((await repo.claim(t0, 1_000, 'dead'))?._id).toBe('evt:lease');
    expect(await repo.claim(new Date(t0.getTime() + 500), 1_000, 'early')).toBeNull();
    const later = new Date(t0.getTime() + 5_000);
    const results = await Promise.all(
      others.map((c, i) => new InboxRepo(c).claim(later, 1_000, `late${i}`)),
    );
    expect(results.filter((r) => r?._id === 'evt:lease')).toHaveLength(1);
    expect(await repo.complete('evt:lease', 'dead', later)).toBe(false);
  });
});
