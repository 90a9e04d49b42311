/**
 * `_id` equality lookups use the `_id` index (issue 12). On FerretDB 1.24.2's SQLite backend the stock
 * build compares `_ferretdb_sjson->'$._id'` while the index is on `_ferretdb_sjson->"_id"`, so SQLite
 * plans a full SCAN and a lookup costs as much as the whole collection; our build's patch
 * (scripts/ferretdb/sqlite-id-index.patch) writes the query in the index's form. The plan is read from
 * the server itself: FerretDB's `explain` runs SQLite's EXPLAIN QUERY PLAN on the very statement its
 * find runs, MongoDB's names the index stage. A plan cannot flake the way a timing can, and a stock
 * binary fails this test.
 */
import { openTestDatabase, type TestDatabase } from '../../support/test-db';

const COUNT = 100_000;
/** FerretDB never answers a write command of 100+ statements: batches stay under that. */
const BATCH = 50;
/** Several insert commands in flight at once (one socket on FerretDB: they queue, no idle gaps). */
const IN_FLIGHT = 8;

let db: TestDatabase;
let ferretdb: boolean;
const idOf = (i: number) => `item:${String(i).padStart(6, '0')}`;

beforeAll(async () => {
  db = await openTestDatabase('id_index');
  const info = await db.connection.db!.admin().command({ buildInfo: 1 });
  ferretdb = typeof info['ferretdbVersion'] === 'string';
  const coll = db.connection.collection('scale');
  const batches: Record<string, unknown>[][] = [];
  for (let from = 0; from < COUNT; from += BATCH) {
    batches.push(
      Array.from({ length: Math.min(BATCH, COUNT - from) }, (_, k) => ({
        _id: idOf(from + k),
        activityId: `act-${(from + k) % 500}`,
        n: from + k,
      })),
    );
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < batches.length) await coll.insertMany(batches[next++]! as never[]);
    }),
  );
}, 600_000);
afterAll(() => db.close());

/** The query plan lines the server reports for a find. */
async function planOf(filter: Record<string, unknown>): Promise<string> {
  const out = await db.connection.db!.command({
    explain: { find: 'scale', filter },
    verbosity: 'queryPlanner',
  });
  return JSON.stringify(out['queryPlanner']);
}

describe('_id lookups in a collection of 100,000 documents', () => {
  it('holds all of them and finds the last one by _id', async () => {
    const coll = db.connection.collection('scale');
    expect(await coll.estimatedDocumentCount()).toBe(COUNT);
    expect(await coll.findOne({ _id: idOf(COUNT - 1) as never })).toMatchObject({ n: COUNT - 1 });
    expect(await coll.findOne({ _id: 'item:missing' as never })).toBeNull();
  });

  it('plans the lookup of the last one as an index search, not a scan', async () => {
    const plan = await planOf({ _id: idOf(COUNT - 1) });
    if (ferretdb) {
      // SQLite: "SEARCH <table> USING INDEX <table>__id_ (<expr>=?)"; a stock build says "SCAN <table>".
      expect(plan).toMatch(/SEARCH \S+ USING INDEX/);
      expect(plan).not.toMatch(/detail=SCAN/);
    } else {
      expect(plan).toMatch(/IDHACK|EXPRESS_IXSCAN|IXSCAN/);
      expect(plan).not.toMatch(/COLLSCAN/);
    }
  });

  it('still scans for any other filter (what docs/queries.md accounts for)', async () => {
    const plan = await planOf({ activityId: 'act-7' });
    if (ferretdb) expect(plan).toMatch(/detail=SCAN/);
    else expect(plan).toMatch(/COLLSCAN/);
  });

  it('updates and deletes by _id reach the right document', async () => {
    const coll = db.connection.collection('scale');
    await coll.updateOne({ _id: idOf(COUNT - 2) as never }, { $set: { touched: true } });
    expect(await coll.findOne({ _id: idOf(COUNT - 2) as never })).toMatchObject({ touched: true });
    await coll.deleteOne({ _id: idOf(COUNT - 3) as never });
    expect(await coll.findOne({ _id: idOf(COUNT - 3) as never })).toBeNull();
    expect(await coll.estimatedDocumentCount()).toBe(COUNT - 1);
  });
});
