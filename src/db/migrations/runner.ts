import { hostname } from 'node:os';
import type { Connection } from 'mongoose';
import { MigrationError, Umzug } from 'umzug';
import { SchemaRepo } from '../schema-repo';
import { MIGRATIONS } from './index';
import { checkMigrationList, migrationVersion, type Migration } from './migration';

/** A lock older than this belongs to a run that died; the next one takes it over. */
const STALE_LOCK_MS = 30 * 60_000;
const LOCK_POLL_MS = 2_000;

/** The database was written by a newer version of the bot: this one must not touch it. */
export class SchemaTooNewError extends Error {
  constructor(
    readonly current: number,
    readonly latest: number,
  ) {
    super(
      `The database is at schema version ${current}, newer than this version of the bot knows ` +
        `(${latest}). Install the newer version again, or restore the backup taken before the upgrade.`,
    );
    this.name = 'SchemaTooNewError';
  }
}

/** Migrations are due and the process was not configured to run them. */
export class MigrationsPendingError extends Error {
  constructor(
    readonly current: number,
    readonly pending: string[],
  ) {
    super(
      `The database is at schema version ${current}; this version of the bot needs ${pending.length} ` +
        `migration(s): ${pending.join(', ')}. Back up, then run \`npm run migrate\` ` +
        '(or set MIGRATE_ON_START=true to run them at start).',
    );
    this.name = 'MigrationsPendingError';
  }
}

/** A migration threw: the version stays at the last one that completed. */
export class MigrationFailedError extends Error {
  constructor(
    readonly migration: string,
    readonly version: number,
    cause: unknown,
  ) {
    super(
      `migration ${migration} failed: ${cause instanceof Error ? cause.message : String(cause)}\n` +
        `The schema version stays at ${version}; fix the cause and run \`npm run migrate\` again ` +
        '(migrations are safe to run again).',
    );
    this.name = 'MigrationFailedError';
  }
}

/** Another process holds the migration lock. */
export class MigrationLockedError extends Error {
  constructor(
    readonly holder: string,
    readonly since: Date,
  ) {
    super(`${holder} has been migrating this database since ${since.toISOString()}; wait for it.`);
    this.name = 'MigrationLockedError';
  }
}

export interface SchemaStatus {
  /** undefined: no version recorded yet (a new database, or one written before migrations). */
  recorded: number | undefined;
  current: number;
  latest: number;
  pending: Migration[];
}

export interface MigrateOptions {
  migrations?: readonly Migration[];
  print?: (line: string) => void;
  now?: () => Date;
}

export async function schemaStatus(
  conn: Connection,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<SchemaStatus> {
  const latest = checkMigrationList(migrations);
  const state = await new SchemaRepo(conn).read();
  const current = state?.version ?? 0;
  return {
    recorded: state?.version,
    current,
    latest,
    pending: migrations.filter((m) => migrationVersion(m) > current),
  };
}

/** Refuses a database newer than this code (operator commands check this before touching anything). */
export async function assertSchemaNotNewer(
  conn: Connection,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<void> {
  const status = await schemaStatus(conn, migrations);
  if (status.current > status.latest) throw new SchemaTooNewError(status.current, status.latest);
}

/**
 * Applies the pending migrations in order under the migration lock, printing each, and records the
 * version after each one. A new, empty database is given the newest version without running any.
 * Returns the names applied.
 */
export async function runMigrations(
  conn: Connection,
  opts: MigrateOptions = {},
): Promise<string[]> {
  const migrations = opts.migrations ?? MIGRATIONS;
  const print = opts.print ?? (() => undefined);
  const now = opts.now ?? (() => new Date());
  const latest = checkMigrationList(migrations);
  const repo = new SchemaRepo(conn);
  const holder = `${hostname()}:${process.pid}`;
  const held = await repo.lock(holder, now(), STALE_LOCK_MS);
  if (held) throw new MigrationLockedError(held.holder, held.at);
  try {
    const state = await repo.read();
    if (!state && (await repo.databaseIsEmpty())) {
      await repo.baseline(latest, now());
      print(`new database: schema version ${latest}, nothing to migrate`);
      return [];
    }
    let version = state?.version ?? 0;
    if (version > latest) throw new SchemaTooNewError(version, latest);
    const pending = migrations.filter((m) => migrationVersion(m) > version);
    if (pending.length === 0) {
      if (!state) await repo.baseline(version, now());
      print(`schema version ${version}: up to date`);
      return [];
    }
    print(`schema version ${version} → ${latest}: ${pending.length} migration(s)`);

    let running = '';
    const timings = new Map<string, { ms: number; summary: string }>();
    const umzug = new Umzug({
      migrations: migrations.map((m) => ({
        name: m.name,
        up: async () => {
          running = m.name;
          const started = performance.now();
          const summary = await m.up({ connection: conn, now: now(), print });
          timings.set(m.name, {
            ms: Math.round(performance.now() - started),
            summary: summary ?? '',
          });
        },
      })),
      context: {},
      logger: undefined,
      storage: {
        executed: () =>
          Promise.resolve(
            migrations.filter((m) => migrationVersion(m) <= version).map((m) => m.name),
          ),
        logMigration: async ({ name }) => {
          const m = migrations.find((x) => x.name === name)!;
          const t = timings.get(name) ?? { ms: 0, summary: '' };
          await repo.record(migrationVersion(m), { name, at: now(), ms: t.ms });
          version = migrationVersion(m);
          print(`${name}: done in ${t.ms} ms${t.summary ? ` — ${t.summary}` : ''}`);
        },
        unlogMigration: () => Promise.reject(new Error('migrations are never undone')),
      },
    });
    umzug.on('migrating', ({ name }) => print(`${name}: running…`));
    try {
      await umzug.up();
    } catch (err) {
      const cause = err instanceof MigrationError ? (err.cause ?? err) : err;
      throw new MigrationFailedError(running || 'unknown', version, cause);
    }
    print(`schema version now ${version}`);
    return pending.map((m) => m.name);
  } finally {
    await repo.unlock(holder);
  }
}

/**
 * At server start: refuse a newer database; give a new one the newest version; run pending migrations
 * only when `migrateOnStart` (waiting while another process holds the lock), else refuse to start.
 */
export async function prepareSchemaAtStart(
  conn: Connection,
  opts: MigrateOptions & { migrateOnStart: boolean; onWait?: (holder: string) => void },
): Promise<void> {
  const migrations = opts.migrations ?? MIGRATIONS;
  const status = await schemaStatus(conn, migrations);
  if (status.current > status.latest) throw new SchemaTooNewError(status.current, status.latest);
  if (status.recorded !== undefined && status.pending.length === 0) return;
  const fresh = status.recorded === undefined && (await new SchemaRepo(conn).databaseIsEmpty());
  if (!fresh && status.pending.length > 0 && !opts.migrateOnStart) {
    throw new MigrationsPendingError(
      status.current,
      status.pending.map((m) => m.name),
    );
  }
  for (;;) {
    try {
      await runMigrations(conn, opts);
      return;
    } catch (err) {
      if (!(err instanceof MigrationLockedError)) throw err;
      opts.onWait?.(err.holder);
      await new Promise((r) => setTimeout(r, LOCK_POLL_MS));
    }
  }
}
