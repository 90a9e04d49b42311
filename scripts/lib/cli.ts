import { resolve } from 'node:path';
import { ConfigError, loadCliConfig, type CliConfig } from '../../src/config/env';
import { readEnvFile } from '../../src/config/load-env-file';
import { openDatabase, type Database } from '../../src/db/connection';
import { ensureIndexes } from '../../src/db/indexes';
import { assertSchemaNotNewer } from '../../src/db/migrations/runner';
import { createLogger, type Logger } from '../../src/lib/logger';

/** A CLI error: printed as one line, exit code 1, no stack. */
export class CliError extends Error {}

/**
 * Opens the bot's database for a command: MONGODB_URI if set, else the embedded FerretDB the server
 * is running (attach), else a FerretDB of its own on the same DATA_DIR.
 */
export async function openCliDatabase(): Promise<{ db: Database; config: CliConfig; log: Logger }> {
  const config = loadCliConfig(readEnvFile(process.env));
  const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const db = await openDatabase({
    ...(config.mongodbUri ? { mongodbUri: config.mongodbUri } : {}),
    dataDir: resolve(config.dataDir),
    ...(config.ferretdbBin ? { ferretdbBin: config.ferretdbBin } : {}),
    logger: log,
    attach: true,
  });
  try {
    // A database written by a newer version of the bot is left alone.
    await assertSchemaNotNewer(db.connection);
  } catch (err) {
    await db.close();
    throw new CliError(err instanceof Error ? err.message : String(err));
  }
  await ensureIndexes(db.connection);
  return { db, config, log };
}

/** Runs a CLI main, turning expected failures into a clear message and exit code 1. */
export function runCli(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      if (err instanceof CliError || err instanceof ConfigError) {
        console.error(err.message);
      } else {
        console.error('error:', err instanceof Error ? err.message : err);
      }
      process.exit(1);
    },
  );
}
