import type { Connection } from 'mongoose';

/** What a migration gets: the database, the time it runs at, and a way to print progress lines. */
export interface MigrationContext {
  connection: Connection;
  now: Date;
  print(line: string): void;
}

/**
 * One numbered change of stored shapes. `name` starts with its four-digit number (`0001-…`), which is
 * the schema version the database has once it completed. `up` must be idempotent: a run stopped half-way
 * (a crash, a failure) runs again from the start. Writes go in batches of 50 (FerretDB never answers an
 * update of 100+ statements). Migrations transform data that exists; a new, empty database starts at
 * the newest version without running any, so nothing that must exist may be created only here.
 */
export interface Migration {
  name: string;
  /** One line for the operator (printed by `npm run migrate -- --status`). */
  description: string;
  /** Returns a short summary of what changed, printed after the migration's name. */
  up(ctx: MigrationContext): Promise<string | void>;
}

/** The schema version a migration brings the database to: its number. */
export function migrationVersion(m: Migration): number {
  const match = /^(\d{4})-[a-z0-9-]+$/.exec(m.name);
  if (!match) throw new Error(`migration name "${m.name}" must look like 0001-short-name`);
  return Number(match[1]);
}

/** Checks that the list is numbered 1, 2, 3… without gaps or repeats; returns the newest version. */
export function checkMigrationList(list: readonly Migration[]): number {
  list.forEach((m, i) => {
    if (migrationVersion(m) !== i + 1) {
      throw new Error(`migration ${m.name} is out of order: expected number ${i + 1}`);
    }
  });
  return list.length;
}
