/** Jest globalTeardown (integration project): stops the run's FerretDB and deletes its files. */
import fs from 'node:fs';
import type { TestDbGlobal } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const handle = (globalThis as TestDbGlobal).__testFerretdb;
  if (!handle) return;
  await handle.server.stop();
  fs.rmSync(handle.dir, { recursive: true, force: true });
  delete (globalThis as TestDbGlobal).__testFerretdb;
}
