import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyPatchFile } from './unified-patch';

/** The FerretDB release the bot is tested against (SQLite backend, MongoDB wire protocol). */
export const FERRETDB_VERSION = 'v1.24.2';
const FERRETDB_MODULE = `github.com/FerretDB/FerretDB@${FERRETDB_VERSION}`;

/** Patches applied to the module before `go build` (see each file's description). */
export function ferretdbPatchFiles(repoRoot: string): string[] {
  const dir = path.join(repoRoot, 'scripts', 'ferretdb');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.patch'))
    .sort()
    .map((f) => path.join(dir, f));
}

/**
 * The version our build reports: the release plus a digest of the patches, so a binary built
 * without them (an older `.tools/bin/ferretdb`, a stock one on PATH) or with other ones is never
 * taken for ours: `v1.24.2-archivebot.<8 hex>`.
 */
export function expectedFerretdbVersion(repoRoot: string): string {
  const hash = createHash('sha256');
  for (const file of ferretdbPatchFiles(repoRoot)) hash.update(fs.readFileSync(file));
  return `${FERRETDB_VERSION}-archivebot.${hash.digest('hex').slice(0, 8)}`;
}

/** Where `npm run ferretdb:build` puts the binary; `.tools/` is git-ignored. */
export function localFerretdbPath(repoRoot: string): string {
  return path.join(repoRoot, '.tools', 'bin', 'ferretdb');
}

/** Thrown when the binary must be built but there is no Go toolchain; the message says what to do. */
export class GoMissingError extends Error {
  constructor() {
    super(
      'ferretdb: no FerretDB binary and no `go` command to build one.\n' +
        '  Install Go 1.21+ (`apt-get install golang` or https://go.dev/dl/) and run `npm run ferretdb:build`,\n' +
        '  or set MONGODB_URI to a MongoDB 6+ server instead of the embedded FerretDB.',
    );
    this.name = 'GoMissingError';
  }
}

interface RunResult {
  code: number | string;
  stdout: string;
  stderr: string;
}

/** Runs a program without a shell; never rejects (code is the exit code or an errno string). */
function run(file: string, args: string[], cwd?: string): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? (err.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** What `bin --version` reports, or undefined when it does not run. */
async function versionOf(bin: string): Promise<string | undefined> {
  const { code, stdout } = await run(bin, ['--version']);
  if (code !== 0) return undefined;
  return /^version: (\S+)$/m.exec(stdout)?.[1];
}

/** True when `bin` is our patched build of the supported release. */
async function isUsable(bin: string, repoRoot: string): Promise<boolean> {
  return (await versionOf(bin)) === expectedFerretdbVersion(repoRoot);
}

/** Finds an executable named `ferretdb` on PATH (the OS search path, not app configuration). */
function onPath(): string | undefined {
  // eslint-disable-next-line no-restricted-syntax -- PATH lookup, not bot configuration
  const dirs = (process.env['PATH'] ?? '').split(path.delimiter).filter(Boolean);
  for (const dir of dirs) {
    const candidate = path.join(dir, 'ferretdb');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * Returns our patched FerretDB 1.24 binary, or undefined. An explicit path (FERRETDB_BIN) is the
 * only candidate when given, so a wrong setting is noticed instead of silently replaced; a stock or
 * outdated binary on PATH or in `.tools/bin` is passed over (ensureFerretdb then rebuilds).
 */
export async function findFerretdbBinary(
  repoRoot: string,
  explicitBin?: string,
): Promise<string | undefined> {
  const candidates = explicitBin
    ? [path.resolve(repoRoot, explicitBin)]
    : [onPath(), localFerretdbPath(repoRoot)];
  for (const candidate of candidates) {
    if (candidate && fs.existsSync(candidate) && (await isUsable(candidate, repoRoot)))
      return candidate;
  }
  return undefined;
}

/** Makes every file in a copied Go module cache directory writable (the cache is read-only). */
function makeWritable(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) makeWritable(full);
    else if (entry.isFile()) fs.chmodSync(full, fs.statSync(full).mode | 0o200);
  }
}

/**
 * Builds FerretDB from its Go module into `.tools/bin/ferretdb`. A plain `go install` yields a binary
 * that panics at start (the module ships no build/version/version.txt), so we copy the module source,
 * apply our patches (scripts/ferretdb/*.patch; a patch that no longer applies stops the build),
 * write the version files ourselves (the release plus the patches' digest) and `go build` it.
 * Throws GoMissingError when Go is absent.
 */
export async function buildFerretdb(
  repoRoot: string,
  log: (line: string) => void = () => undefined,
): Promise<string> {
  const goVersion = await run('go', ['version']);
  if (goVersion.code !== 0) throw new GoMissingError();
  log(`ferretdb: building ${FERRETDB_VERSION} with ${goVersion.stdout.trim()}`);

  log(`ferretdb: go mod download ${FERRETDB_MODULE}`);
  const download = await run('go', ['mod', 'download', '-json', FERRETDB_MODULE], os.tmpdir());
  let moduleDir: string | undefined;
  try {
    const info = JSON.parse(download.stdout) as { Dir?: string; Error?: string };
    if (info.Error) throw new Error(info.Error);
    moduleDir = info.Dir;
  } catch (err) {
    const detail = err instanceof Error ? err.message : download.stderr;
    throw new Error(`ferretdb: go mod download failed (network to the Go proxy?): ${detail}`);
  }
  if (!moduleDir) throw new Error(`ferretdb: go mod download gave no module directory`);

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ferretdb-build-'));
  try {
    const src = path.join(work, 'src');
    fs.cpSync(moduleDir, src, { recursive: true });
    makeWritable(src);
    for (const patch of ferretdbPatchFiles(repoRoot)) {
      const files = applyPatchFile(src, patch);
      log(`ferretdb: applied ${path.basename(patch)} (${files.join(', ')})`);
    }
    const version = expectedFerretdbVersion(repoRoot);
    fs.mkdirSync(path.join(src, 'build', 'version'), { recursive: true });
    for (const name of ['version.txt', 'package.txt']) {
      fs.writeFileSync(path.join(src, 'build', 'version', name), version);
    }
    const out = localFerretdbPath(repoRoot);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    // Built next to the target and renamed over it: a running server keeps its old file intact.
    const tmpOut = `${out}.build-${process.pid}`;
    log(`ferretdb: go build -o ${out} ./cmd/ferretdb (${version})`);
    const build = await run('go', ['build', '-o', tmpOut, './cmd/ferretdb'], src);
    if (build.code !== 0) throw new Error(`ferretdb: go build failed:\n${build.stderr.trim()}`);
    if ((await versionOf(tmpOut)) !== version) {
      fs.rmSync(tmpOut, { force: true });
      throw new Error(`ferretdb: built ${out} but --version is not ${version}`);
    }
    fs.renameSync(tmpOut, out);
    log(`ferretdb: built ${out}`);
    return out;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Returns a usable binary, building one into `.tools/bin` first if none is found. */
export async function ensureFerretdb(
  repoRoot: string,
  options: { explicitBin?: string; log?: (line: string) => void } = {},
): Promise<string> {
  const found = await findFerretdbBinary(repoRoot, options.explicitBin);
  if (found) return found;
  if (options.explicitBin) throw new Error(unusableMessage(repoRoot, options.explicitBin));
  const local = localFerretdbPath(repoRoot);
  if (fs.existsSync(local)) {
    const had = (await versionOf(local)) ?? 'unknown';
    options.log?.(
      `ferretdb: ${local} reports ${had}, not ${expectedFerretdbVersion(repoRoot)}: rebuilding`,
    );
  }
  return buildFerretdb(repoRoot, options.log);
}

/** Why FERRETDB_BIN is refused, and what to do. */
export function unusableMessage(repoRoot: string, explicitBin: string): string {
  return (
    `ferretdb: FERRETDB_BIN=${explicitBin} is not FerretDB ${expectedFerretdbVersion(repoRoot)} ` +
    '(the 1.24.2 release with the patches in scripts/ferretdb, which make `_id` lookups use the index); ' +
    'unset it and run `npm run ferretdb:build`'
  );
}
