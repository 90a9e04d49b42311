import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { LOCAL_CREDENTIALS } from '../../../src/app/local-stack';
import { localFerretdbPath } from '../../../src/db/ferretdb-binary';
import { FeishuSimulator } from '../../../src/simulator';
import { freePort, startProcess, waitFor } from '../../support/processes';

/**
 * The compiled service as an IT office installs it: `npm run build` output in dist/, the package
 * manifest, the launcher and the production dependencies, no TypeScript sources. `npm start` and the
 * operator commands run from dist/ with plain node.
 */
const repoRoot = path.resolve(__dirname, '../../..');
const run = promisify(execFile);
const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  scripts: Record<string, string>;
};

/** What `npm start` runs, spawned without npm in between so that SIGTERM reaches the server itself. */
function startCommand(): string[] {
  const [command, ...args] = pkg.scripts['start']!.split(' ');
  expect(command).toBe('node');
  return args;
}

/** A folder laid out like an installation: package.json, scripts/launch.js and ferretdb/, node_modules. */
function installDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `archive-bot-${name}-`));
  fs.copyFileSync(path.join(repoRoot, 'package.json'), path.join(dir, 'package.json'));
  fs.mkdirSync(path.join(dir, 'scripts'));
  fs.copyFileSync(path.join(repoRoot, 'scripts/launch.js'), path.join(dir, 'scripts/launch.js'));
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  // The embedded database checks its binary against the FerretDB patches shipped in scripts/ferretdb.
  fs.cpSync(path.join(repoRoot, 'scripts/ferretdb'), path.join(dir, 'scripts/ferretdb'), {
    recursive: true,
  });
  return dir;
}

/** Every package name a compiled file requires (`require("x")` or `require("@s/x/sub")` → x, @s/x). */
function requiredPackages(dir: string): Set<string> {
  const found = new Set<string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.js')) {
        for (const m of fs.readFileSync(p, 'utf8').matchAll(/require\("([^".][^"]*)"\)/g)) {
          const spec = m[1]!;
          const parts = spec.split('/');
          found.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
        }
      }
    }
  };
  walk(dir);
  return found;
}

describe('the compiled service', () => {
  const sim = new FeishuSimulator({
    appId: LOCAL_CREDENTIALS.appId,
    appSecret: LOCAL_CREDENTIALS.appSecret,
  });
  const install = installDir('install');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-bot-compiled-data-'));
  let env: Record<string, string>;
  let url: string;

  beforeAll(async () => {
    await run(
      process.execPath,
      [
        path.join(repoRoot, 'node_modules/typescript/bin/tsc'),
        '-p',
        'tsconfig.build.json',
        '--outDir',
        path.join(install, 'dist'),
      ],
      { cwd: repoRoot },
    );
    // The assessment rules file is read from the working directory (ASSESSMENT_RULES_FILE).
    fs.mkdirSync(path.join(install, 'src/config'), { recursive: true });
    fs.copyFileSync(
      path.join(repoRoot, 'src/config/assessment-rules.yaml'),
      path.join(install, 'src/config/assessment-rules.yaml'),
    );
    const simUrl = await sim.start();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    env = {
      PATH: process.env.PATH ?? '',
      FEISHU_APP_ID: LOCAL_CREDENTIALS.appId,
      FEISHU_APP_SECRET: LOCAL_CREDENTIALS.appSecret,
      FEISHU_VERIFICATION_TOKEN: LOCAL_CREDENTIALS.verificationToken,
      FEISHU_ENCRYPT_KEY: LOCAL_CREDENTIALS.encryptKey,
      FEISHU_DOMAIN: simUrl,
      DATA_DIR: dataDir,
      FERRETDB_BIN: localFerretdbPath(repoRoot),
      PORT: String(port),
      LOG_LEVEL: 'info',
    };
  }, 300_000);
  afterAll(async () => {
    await sim.stop();
    fs.rmSync(install, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('needs only the production dependencies at run time', () => {
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const missing = [...requiredPackages(path.join(install, 'dist'))].filter(
      (name) => !builtins.has(name) && !(name in pkg.dependencies),
    );
    expect(missing).toEqual([]);
    expect(pkg.dependencies).not.toHaveProperty('typescript');
    expect(pkg.dependencies).not.toHaveProperty('ts-node');
  });

  it('starts as npm start does, against the embedded database, serves operator commands, and stops on SIGTERM', async () => {
    const server = startProcess(process.execPath, startCommand(), { cwd: install, env });
    try {
      const ready = await waitFor(
        '/readyz',
        async () => {
          const res = await fetch(`${url}/readyz`).catch(() => undefined);
          return res?.ok ? ((await res.json()) as { status: string }) : undefined;
        },
        90_000,
      );
      expect(ready.status).toBe('ready');
      expect(server.output()).toContain('http.listening');

      // Operator commands from dist/ attach to the running server's embedded database.
      const list = await run('npm', ['run', '-s', 'job', '--', '--list'], { cwd: install, env });
      expect(list.stdout).toContain('overdue-digest');
      const directory = path.join(install, 'directory.yaml');
      fs.writeFileSync(
        directory,
        'units:\n  - { code: jwc, name: 教务处 }\narchivists: [ou_archivist]\nadmins: [ou_admin]\n',
      );
      const imported = await run('npm', ['run', '-s', 'directory:import', '--', directory], {
        cwd: install,
        env,
      });
      expect(imported.stdout).toContain('imported 1 unit(s)');
      const exported = await run('npm', ['run', '-s', 'directory:export'], { cwd: install, env });
      expect(exported.stdout).toContain('教务处');
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('shutdown.done');
  }, 180_000);

  it('says to run the build when dist/ is missing', async () => {
    const empty = installDir('nodist');
    try {
      const start = startProcess('npm', ['start'], { cwd: empty, env });
      expect(await start.exited).not.toBe(0);
      expect(start.output()).toContain('npm run build');
      const job = await run('npm', ['run', '-s', 'job', '--', '--list'], {
        cwd: empty,
        env,
      }).catch((err: { code: number; stderr: string }) => err);
      expect(job).toMatchObject({ code: 1 });
      expect((job as { stderr: string }).stderr).toContain('npm run build');
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  }, 60_000);
});
