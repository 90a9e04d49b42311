/**
 * Jest globalSetup (integration project): one FerretDB for the whole run, so each test file only
 * opens a fresh database on it. MONGODB_URI, when set, is used instead (e.g. a real MongoDB in CI).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedFerretdb, type EmbeddedFerretdb } from '../../src/db/embedded-ferretdb';
import { ensureFerretdb } from '../../src/db/ferretdb-binary';
import { createLogger } from '../../src/lib/logger';

export interface TestDbGlobal {
  __testFerretdb?: { server: EmbeddedFerretdb; dir: string };
}

export default async function globalSetup(): Promise<void> {
  const external = process.env['MONGODB_URI'];
  if (external) {
    process.env['TEST_MONGODB_URI'] = external;
    return;
  }
  const repoRoot = path.resolve(__dirname, '../..');
  const bin = await ensureFerretdb(repoRoot, { log: (line) => console.log(line) });
  const dir = path.join(os.tmpdir(), `archive-bot-test-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  const server = await startEmbeddedFerretdb({ bin, dataDir: dir, logger: createLogger('warn') });
  process.env['TEST_MONGODB_URI'] = server.uri;
  (globalThis as TestDbGlobal).__testFerretdb = { server, dir };
}
