import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The FerretDB release the bot is tested against (SQLite backend, MongoDB wire protocol). */
export const FERRETDB_VERSION = 'v1.24.2';
const FERRETDB_MODULE = `github.com/FerretDB/FerretDB@${FERRETDB_VERSION}`;
/** `--version` must report this prefix: other FerretDB versions behave differently on SQLite. */
const VERSION_PREFIX = 'v1.24';

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

/** True when `bin --version` runs and reports the FerretDB version we support. */
async function isUsable(bin: string): Promise<boolean> {
  const { code, stdout } = await run(bin, ['--version']);
  return code === 0 && stdout.split('\n').some((l) => l.startsWith(`version: ${VERSION_PREFIX}.`));
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
 * Returns a usable FerretDB 1.24 binary, or undefined. An explicit path (FERRETDB_BIN) is the only
 * candidate when given, so a wrong setting is noticed instead of silently replaced.
 */
export async function findFerretdbBinary(
  repoRoot: string,
  explicitBin?: string,
): Promise<string | undefined> {
  const candidates = explicitBin
    ? [path.resolve(repoRoot, explicitBin)]
    : [onPath(), localFerretdbPath(repoRoot)];
  for (const candidate of candidates) {
    if (candidate && fs.existsSync(candidate) && (await isUsable(candidate))) return candidate;
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
 * write the version files ourselves and `go build` it. Throws GoMissingError when Go is absent.
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
    fs.mkdirSync(path.join(src, 'build', 'version'), { recursive: true });
    for (const name of ['version.txt', 'package.txt']) {
      fs.writeFileSync(path.join(src, 'build', 'version', name), FERRETDB_VERSION);
    }
    const out = localFerretdbPath(repoRoot);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    log(`ferretdb: go build -o ${out} ./cmd/ferretdb`);
    const build = await run('go', ['build', '-o', out, './cmd/ferretdb'], src);
    if (build.code !== 0) throw new Error(`ferretdb: go build failed:\n${build.stderr.trim()}`);
    if (!(await isUsable(out))) throw new Error(`ferretdb: built ${out} but --version is wrong`);
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
  if (options.explicitBin) {
    throw new Error(
      `ferretdb: FERRETDB_BIN=${options.explicitBin} is not a FerretDB ${VERSION_PREFIX}`,
    );
  }
  return buildFerretdb(repoRoot, options.log);
}
