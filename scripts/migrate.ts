import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCliConfig } from '../src/config/env';
import { readEnvFile } from '../src/config/load-env-file';
import { openDatabase } from '../src/db/connection';
import { ensureIndexes } from '../src/db/indexes';
import { MIGRATIONS } from '../src/db/migrations';
import { runMigrations, schemaStatus } from '../src/db/migrations/runner';
import { createLogger } from '../src/lib/logger';
import { CliError, runCli } from './lib/cli';

const USAGE = 'usage: npm run migrate [-- --status]';

/**
 * `npm run migrate` applies the pending database migrations in order, printing each; `--status` prints
 * the recorded version and what is pending without changing anything. Stop the bot and back up first
 * (docs/deploy.md, "Upgrading").
 */
runCli(async () => {
  let status: boolean;
  try {
    const parsed = parseArgs({
      args: process.argv.slice(2),
      options: { status: { type: 'boolean', default: false } },
    });
    status = parsed.values.status;
  } catch (err) {
    throw new CliError(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
  }
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
    if (status) {
      const s = await schemaStatus(db.connection);
      const recorded = s.recorded === undefined ? ' (not recorded yet)' : '';
      console.log(`schema version ${s.current}${recorded}; this version of the bot: ${s.latest}`);
      if (s.current > s.latest) console.log('the database is NEWER than this version of the bot');
      for (const m of s.pending) console.log(`pending: ${m.name} — ${m.description}`);
      for (const m of MIGRATIONS.slice(0, Math.min(s.current, s.latest))) {
        console.log(`applied: ${m.name}`);
      }
      return;
    }
    await runMigrations(db.connection, { print: (line) => console.log(line) });
    await ensureIndexes(db.connection);
  } finally {
    await db.close();
  }
});
