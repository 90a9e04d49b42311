import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalStack } from '../src/app/local-stack';
import { openDatabase } from '../src/db/connection';
import { ensureFerretdb } from '../src/db/ferretdb-binary';
import { systemClock } from '../src/lib/clock';
import { createLogger } from '../src/lib/logger';
import { PLAYGROUND_ROLES, seedPlaygroundYear } from './lib/playground-year';

/**
 * `npm run playground [-- --port 3100]`: the embedded database, the Feishu simulator and the real bot
 * with a sample year, for trying the web console in a browser. Prints the console's address and one
 * sign-in link per role; runs until stopped (Ctrl-C), then removes its data.
 */
async function main(): Promise<void> {
  const portArg = process.argv.indexOf('--port');
  const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 3100;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error('--port must be 0–65535');
  const repoRoot = path.resolve(__dirname, '..');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-bot-playground-'));
  const log = createLogger('warn');
  console.log('活动归档助手 · playground — embedded FerretDB + Feishu simulator + the real bot\n');
  const bin = await ensureFerretdb(repoRoot, { log: (line) => console.log(line) });
  const db = await openDatabase({ dataDir, ferretdbBin: bin, logger: log, repoRoot });
  const stack = await startLocalStack({
    connection: db.connection,
    clock: systemClock,
    logLevel: 'warn',
    startWorker: true,
    port,
    env: { INTAKE_BATCH_WINDOW_SECONDS: '0' },
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping…');
    await stack.close();
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());

  console.log('seeding a sample year:');
  await seedPlaygroundYear(stack, (line) => console.log(line));
  console.log(`\nconsole:   ${stack.url}/console/`);
  console.log(`simulator: ${stack.sim.url} (its Feishu sign-in page lets you pick anyone)\n`);
  console.log('sign in as:');
  for (const r of PLAYGROUND_ROLES)
    console.log(`  ${r.role.padEnd(40)} ${stack.url}/console/login?hint=${r.openId}`);
  console.log('\nrunning until stopped (Ctrl-C).');
}

main().catch((err: unknown) => {
  console.error('playground failed:', err);
  process.exit(1);
});
