import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  expectedFerretdbVersion,
  FERRETDB_VERSION,
  findFerretdbBinary,
} from '../../../src/db/ferretdb-binary';

const repoRoot = path.resolve(__dirname, '../../..');

/** A stand-in executable that prints a FerretDB-like `--version`. */
function fakeBinary(version: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-ferretdb-'));
  const file = path.join(dir, 'ferretdb');
  fs.writeFileSync(file, `#!/bin/sh\necho "version: ${version}"\necho "commit: unknown"\n`, {
    mode: 0o755,
  });
  return file;
}

describe('which FerretDB binary is used', () => {
  it('names the release and the patches in the version our build reports', () => {
    expect(expectedFerretdbVersion(repoRoot)).toMatch(
      new RegExp(`^${FERRETDB_VERSION.replace(/\./g, '\\.')}-archivebot\\.[0-9a-f]{8}$`),
    );
  });

  it('refuses a stock v1.24.2 (unpatched) given as FERRETDB_BIN', async () => {
    expect(await findFerretdbBinary(repoRoot, fakeBinary(FERRETDB_VERSION))).toBeUndefined();
  });

  it('accepts a binary reporting our patched version', async () => {
    const bin = fakeBinary(expectedFerretdbVersion(repoRoot));
    expect(await findFerretdbBinary(repoRoot, bin)).toBe(bin);
  });
});
