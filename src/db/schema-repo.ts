import type { Connection, mongo } from 'mongoose';
import { isDuplicateKeyError } from './mongo-errors';

/** One migration that ran to its end. */
export interface AppliedMigration {
  name: string;
  at: Date;
  ms: number;
}

/** The database's schema version: the number of the last migration that completed (0 = none yet). */
export interface SchemaState {
  version: number;
  applied: AppliedMigration[];
}

interface SchemaDoc extends SchemaState {
  _id: 'schema';
  updatedAt: Date;
}

interface LockDoc {
  _id: 'migration-lock';
  holder: string;
  at: Date;
}

/** Who holds the migration lock, when another process does. */
export interface LockHolder {
  holder: string;
  at: Date;
}

const COLLECTION = 'schema_meta';

/**
 * The schema version and the migration lock (`schema_meta`, two documents read and written by `_id`).
 * The lock is a unique insert, never a conditional update (FerretDB 1.24 runs findAndModify as a read
 * then a write), so two processes started with MIGRATE_ON_START never migrate at once.
 */
export class SchemaRepo {
  constructor(private readonly conn: Connection) {}

  private get col(): mongo.Collection<SchemaDoc | LockDoc> {
    return this.conn.db!.collection<SchemaDoc | LockDoc>(COLLECTION);
  }

  async read(): Promise<SchemaState | undefined> {
    const doc = (await this.col.findOne({ _id: 'schema' })) as SchemaDoc | null;
    return doc ? { version: doc.version, applied: doc.applied ?? [] } : undefined;
  }

  /** Records a completed migration: the version moves to its number, in one `_id` update. */
  async record(version: number, entry: AppliedMigration): Promise<void> {
    await this.col.updateOne(
      { _id: 'schema' },
      { $set: { version, updatedAt: entry.at }, $push: { applied: entry } },
      { upsert: true },
    );
  }

  /** A new database starts at the newest version: there is nothing in it to migrate. */
  async baseline(version: number, at: Date): Promise<void> {
    await this.col.updateOne(
      { _id: 'schema' },
      { $setOnInsert: { version, applied: [], updatedAt: at } },
      { upsert: true },
    );
  }

  /** True when no collection holds a document (a new installation). Runs once at start. */
  async databaseIsEmpty(): Promise<boolean> {
    const names = await this.conn.db!.listCollections({}, { nameOnly: true }).toArray();
    for (const { name } of names) {
      if (name.startsWith('system.') || name === COLLECTION) continue;
      if ((await this.conn.db!.collection(name).estimatedDocumentCount()) > 0) return false;
    }
    return true;
  }

  /** Takes the lock, or names its holder; a lock older than `staleAfterMs` (a crashed run) is taken over. */
  async lock(holder: string, now: Date, staleAfterMs: number): Promise<LockHolder | undefined> {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await this.col.insertOne({ _id: 'migration-lock', holder, at: now });
        return undefined;
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
      }
      const held = (await this.col.findOne({ _id: 'migration-lock' })) as LockDoc | null;
      if (!held) continue;
      if (now.getTime() - held.at.getTime() < staleAfterMs)
        return { holder: held.holder, at: held.at };
      await this.col.deleteOne({ _id: 'migration-lock', holder: held.holder, at: held.at });
    }
    const held = (await this.col.findOne({ _id: 'migration-lock' })) as LockDoc | null;
    return held ? { holder: held.holder, at: held.at } : undefined;
  }

  async unlock(holder: string): Promise<void> {
    await this.col.deleteOne({ _id: 'migration-lock', holder });
  }
}
