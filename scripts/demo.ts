import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalStack } from '../src/app/local-stack';
import { openDatabase } from '../src/db/connection';
import { ensureFerretdb } from '../src/db/ferretdb-binary';
import { FixedClock } from '../src/lib/clock';
import { createLogger } from '../src/lib/logger';
import { events } from '../src/simulator';
import { DemoTranscript } from './lib/demo-kit';
import { DEMO_DIRECTORY, DEMO_NAMES } from './lib/demo-directory';
import { runScenario } from './lib/demo-scenario';

/**
 * `npm run demo`: the real bot server on the embedded database, talking to the local Feishu
 * simulator, playing a scripted scenario and printing what each person saw.
 */
async function main(): Promise<void> {
  const repoRoot = path.resolve(__dirname, '..');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-bot-demo-'));
  const log = createLogger('warn');
  console.log('活动归档助手 · demo — embedded FerretDB + Feishu simulator + the real bot server\n');
  const bin = await ensureFerretdb(repoRoot, { log: (line) => console.log(line) });
  const db = await openDatabase({ dataDir, ferretdbBin: bin, logger: log, repoRoot });
  const clock = new FixedClock('2026-03-02T01:30:00Z');
  const stack = await startLocalStack({ connection: db.connection, clock, logLevel: 'warn' });
  try {
    console.log(
      `bot listening on ${stack.url}; Feishu simulator on ${stack.sim.url}; database ${db.uri}`,
    );
    await stack.loadDirectory(DEMO_DIRECTORY);
    const transcript = new DemoTranscript(stack, DEMO_NAMES);
    await runScenario({ stack, transcript, clock, events });
    stack.sim.assertNoUnmatched();
    console.log(
      `\n✔ demo finished: ${stack.sim.sentMessages().length} messages sent, every event signed and encrypted as Feishu sends them.`,
    );
  } finally {
    await stack.close();
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error('demo failed:', err);
  process.exit(1);
});
