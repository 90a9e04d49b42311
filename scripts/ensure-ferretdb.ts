/**
 * `npm run ferretdb:build` (also `pretest`): makes sure our FerretDB 1.24.2 build (with the patches in
 * scripts/ferretdb) exists, building it into .tools/bin with Go when missing or when the binary there
 * is a stock or outdated one. Quiet when the right one is already there.
 */
import path from 'node:path';
import { ensureFerretdb } from '../src/db/ferretdb-binary';

async function main(): Promise<void> {
  const repoRoot = path.resolve(__dirname, '..');
  const explicitBin = process.env['FERRETDB_BIN'] || undefined;
  const bin = await ensureFerretdb(repoRoot, { explicitBin, log: (line) => console.log(line) });
  console.log(`ferretdb: using ${bin}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
