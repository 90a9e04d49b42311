/** Per-test databases on the run's shared server (see global-setup.ts), dropped on close. */
import { randomBytes } from 'node:crypto';
import type mongoose from 'mongoose';
import { openDatabase } from '../../src/db/connection';
import { createLogger } from '../../src/lib/logger';

export interface TestDatabase {
  connection: mongoose.Connection;
  uri: string;
  dbName: string;
  close(): Promise<void>;
}

/** Opens a uniquely named database (`t_<name>_<random>`) so test files never see each other's data. */
export async function openTestDatabase(name?: string): Promise<TestDatabase> {
  const uri = process.env['TEST_MONGODB_URI'];
  if (!uri) throw new Error('TEST_MONGODB_URI is unset: run through the jest integration project');
  const label = (name ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 30);
  const dbName = ['t', label, randomBytes(5).toString('hex')].filter(Boolean).join('_');
  const db = await openDatabase({
    mongodbUri: uri,
    dataDir: '',
    dbName,
    logger: createLogger('silent', { write: () => undefined }),
  });
  return {
    connection: db.connection,
    uri,
    dbName,
    close: async () => {
      await db.connection.dropDatabase();
      await db.close();
    },
  };
}
