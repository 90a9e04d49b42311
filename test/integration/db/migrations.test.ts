import fs from 'node:fs';
import path from 'node:path';
import { mongo, type Connection } from 'mongoose';
import { LOCAL_CREDENTIALS, startLocalStack } from '../../../src/app/local-stack';
import { MIGRATIONS } from '../../../src/db/migrations';
import type { Migration } from '../../../src/db/migrations/migration';
import {
  MigrationFailedError,
  MigrationLockedError,
  MigrationsPendingError,
  prepareSchemaAtStart,
  runMigrations,
  schemaStatus,
  SchemaTooNewError,
} from '../../../src/db/migrations/runner';
import { SchemaRepo } from '../../../src/db/schema-repo';
import { FixedClock } from '../../../src/lib/clock';
import { events } from '../../../src/simulator';
import { startProcess } from '../../support/processes';
import { openTestDatabase, type TestDatabase } from '../../support/test-db';

/**
 * Migrations against a database in the stored shape of the release before them (schema version 0),
 * made by that release's own code (`npm run fixture:db`, test/fixtures/db-schema-0.json).
 */
const repoRoot = path.resolve(__dirname, '../../..');
const FIXTURE = path.join(repoRoot, 'test/fixtures/db-schema-0.json');

async function loadFixture(conn: Connection): Promise<void> {
  const dump = mongo.BSON.EJSON.parse(fs.readFileSync(FIXTURE, 'utf8'), {
    relaxed: false,
  }) as Record<string, mongo.Document[]>;
  for (const [name, docs] of Object.entries(dump)) {
    await conn.db!.createCollection(name).catch(() => undefined);
    for (let i = 0; i < docs.length; i += 50) {
      await conn.db!.collection(name).insertMany(docs.slice(i, i + 50));
    }
  }
}

/** Test migrations that change the fixture visibly: each unit gets a field, each activity a flag. */
const addUnitFlag: Migration = {
  name: '0001-unit-flag',
  description: 'units get migratedFlag',
  async up({ connection }) {
    const res = await connection.db!.collection('units').updateMany({}, { $set: { flag: 1 } });
    return `${res.modifiedCount} unit(s)`;
  },
};
const countActivities: Migration = {
  name: '0002-activity-count',
  description: 'activities get seen: true',
  async up({ connection }) {
    const col = connection.db!.collection<{ _id: string }>('activities');
    const ids = (await col.find({}, { projection: { _id: 1 } }).toArray()).map((d) => d._id);
    for (let i = 0; i < ids.length; i += 50) {
      await col.updateMany({ _id: { $in: ids.slice(i, i + 50) } }, { $set: { seen: true } });
    }
    return `${ids.length} activit(ies)`;
  },
};
const failing: Migration = {
  name: '0003-broken',
  description: 'throws',
  up: () => Promise.reject(new Error('disk full')),
};
const never: Migration = {
  name: '0004-after-broken',
  description: 'must not run after a failure',
  async up({ connection }) {
    await connection.db!.collection('units').updateMany({}, { $set: { after: true } });
  },
};

describe('database migrations', () => {
  let db: TestDatabase;
  let lines: string[];
  const print = (line: string) => lines.push(line);

  beforeEach(async () => {
    db = await openTestDatabase('migrations');
    await loadFixture(db.connection);
    lines = [];
  });
  afterEach(() => db.close());

  it('migrates the fixture of the release before migrations with this release, and the bot reads it', async () => {
    const before = await schemaStatus(db.connection);
    expect(before.recorded).toBeUndefined();
    expect(before.pending.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));

    await prepareSchemaAtStart(db.connection, { migrateOnStart: true, print });
    const after = await schemaStatus(db.connection);
    expect(after.recorded).toBe(MIGRATIONS.length);
    expect(after.pending).toEqual([]);
    for (const m of MIGRATIONS) expect(lines.join('\n')).toContain(`${m.name}: done`);

    // The migrated database serves the bot: the open activity's status card, asked for by code.
    const stack = await startLocalStack({
      connection: db.connection,
      clock: new FixedClock('2026-03-12T02:00:00Z'),
    });
    try {
      const res = await stack.sendEvent(
        events.textMessage(
          {
            chatId: 'oc_p2p_ou_org1',
            chatType: 'p2p',
            senderOpenId: 'ou_org1',
            text: '状态 #HD-2026-0002',
          },
          stack.ids,
        ),
      );
      expect(res.status).toBe(200);
      await stack.bot.worker.drain();
      const cards = JSON.stringify(stack.sim.cardsTo('oc_p2p_ou_org1'));
      expect(cards).toContain('HD-2026-0002');
      expect(cards).toContain('2026 年春季运动会');
    } finally {
      await stack.close();
    }
  });

  it('applies numbered migrations in order, printing each, and records the version after each', async () => {
    const applied = await runMigrations(db.connection, {
      migrations: [addUnitFlag, countActivities],
      print,
    });
    expect(applied).toEqual(['0001-unit-flag', '0002-activity-count']);
    expect(lines).toEqual([
      'schema version 0 → 2: 2 migration(s)',
      '0001-unit-flag: running…',
      expect.stringMatching(/^0001-unit-flag: done in \d+ ms — 2 unit\(s\)$/),
      '0002-activity-count: running…',
      expect.stringMatching(/^0002-activity-count: done in \d+ ms — 2 activit\(ies\)$/),
      'schema version now 2',
    ]);
    const state = await new SchemaRepo(db.connection).read();
    expect(state?.version).toBe(2);
    expect(state?.applied.map((a) => a.name)).toEqual(['0001-unit-flag', '0002-activity-count']);
    const units = await db.connection.db!.collection('units').find({}).toArray();
    expect(units.every((u) => u['flag'] === 1)).toBe(true);

    // Run again: nothing pending, nothing changes.
    lines = [];
    expect(
      await runMigrations(db.connection, { migrations: [addUnitFlag, countActivities], print }),
    ).toEqual([]);
    expect(lines).toEqual(['schema version 2: up to date']);
  });

  it('stops at a failing migration, names it and leaves the version at the last one that completed', async () => {
    const list = [addUnitFlag, countActivities, failing, never];
    const err = await runMigrations(db.connection, { migrations: list, print }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(MigrationFailedError);
    expect((err as Error).message).toContain('migration 0003-broken failed: disk full');
    expect((err as Error).message).toContain('stays at 2');
    expect((await schemaStatus(db.connection, list)).current).toBe(2);
    const units = await db.connection.db!.collection('units').find({}).toArray();
    expect(units.some((u) => 'after' in u)).toBe(false);
    expect(lines).not.toContain('0004-after-broken: running…');
    // The lock was released: a fixed list runs the rest.
    await runMigrations(db.connection, { migrations: [addUnitFlag, countActivities], print });
  });

  it('runs pending migrations at start only when configured to, and refuses a newer database', async () => {
    const list = [addUnitFlag];
    const pending = await prepareSchemaAtStart(db.connection, {
      migrateOnStart: false,
      migrations: list,
    }).catch((e: unknown) => e);
    expect(pending).toBeInstanceOf(MigrationsPendingError);
    expect((pending as Error).message).toContain('0001-unit-flag');
    expect((pending as Error).message).toContain('npm run migrate');
    expect(await new SchemaRepo(db.connection).read()).toBeUndefined();

    await prepareSchemaAtStart(db.connection, { migrateOnStart: true, migrations: list, print });
    expect((await schemaStatus(db.connection, list)).current).toBe(1);

    const older = await prepareSchemaAtStart(db.connection, {
      migrateOnStart: true,
      migrations: [],
    }).catch((e: unknown) => e);
    expect(older).toBeInstanceOf(SchemaTooNewError);
    expect((older as Error).message).toContain('schema version 1, newer than');
  });

  it('gives a new, empty database the newest version without running anything', async () => {
    const empty = await openTestDatabase('migrations_empty');
    try {
      await prepareSchemaAtStart(empty.connection, {
        migrateOnStart: false,
        migrations: [addUnitFlag, countActivities],
        print,
      });
      expect(lines).toEqual(['new database: schema version 2, nothing to migrate']);
      expect((await new SchemaRepo(empty.connection).read())?.version).toBe(2);
    } finally {
      await empty.close();
    }
  });

  it('lets one process migrate at a time', async () => {
    const repo = new SchemaRepo(db.connection);
    expect(await repo.lock('other-host:1', new Date(), 60_000)).toBeUndefined();
    const err = await runMigrations(db.connection, { migrations: [addUnitFlag] }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(MigrationLockedError);
    expect((err as Error).message).toContain('other-host:1');
    expect(await repo.read()).toBeUndefined();
    await repo.unlock('other-host:1');
    expect(await runMigrations(db.connection, { migrations: [addUnitFlag] })).toEqual([
      '0001-unit-flag',
    ]);
  });

  it('npm run migrate prints the status and migrates; the server refuses a newer database', async () => {
    const uri = new URL(db.uri);
    uri.pathname = `/${db.dbName}`;
    const env = {
      PATH: process.env.PATH ?? '',
      MONGODB_URI: uri.toString(),
      DATA_DIR: '/nonexistent',
    };
    const status = startProcess(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', 'scripts/migrate.ts', '--status'],
      { cwd: repoRoot, env },
    );
    expect(await status.exited).toBe(0);
    expect(status.output()).toContain('schema version 0 (not recorded yet)');
    const migrate = startProcess(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', 'scripts/migrate.ts'],
      { cwd: repoRoot, env },
    );
    expect(await migrate.exited).toBe(0);
    expect(migrate.output()).toContain(`schema version ${MIGRATIONS.length}`);
    expect((await schemaStatus(db.connection)).recorded).toBe(MIGRATIONS.length);

    await new SchemaRepo(db.connection).record(MIGRATIONS.length + 1, {
      name: `${String(MIGRATIONS.length + 1).padStart(4, '0')}-from-the-future`,
      at: new Date(),
      ms: 1,
    });
    const server = startProcess(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', 'src/main.ts'],
      {
        cwd: repoRoot,
        env: {
          ...env,
          FEISHU_APP_ID: LOCAL_CREDENTIALS.appId,
          FEISHU_APP_SECRET: LOCAL_CREDENTIALS.appSecret,
          FEISHU_VERIFICATION_TOKEN: LOCAL_CREDENTIALS.verificationToken,
          FEISHU_ENCRYPT_KEY: LOCAL_CREDENTIALS.encryptKey,
          PORT: '0',
        },
      },
    );
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('newer than this version of the bot');
    expect(server.output()).not.toContain('http.listening');
  }, 120_000);
});
