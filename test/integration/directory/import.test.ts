import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DirectoryRepo } from '../../../src/db/directory-repo';
import { ensureIndexes } from '../../../src/db/indexes';
import {
  directoryToFile,
  formatDirectory,
  importDirectoryFile,
} from '../../../src/services/directory-import';
import { openTestDatabase, type TestDatabase } from '../../support/test-db';

const run = promisify(execFile);
const repoRoot = path.resolve(__dirname, '../../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-bot-dir-'));
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

const VALID = `
units:
  - code: jwc
    name: 教务处
    leaderInCharge: ou_leader
    contacts: [ou_org1]
  - code: xcb
    name: 宣传部
archivists: [ou_arch1]
archiveChatId: oc_archive
publicity: [ou_pub1]
admins: [ou_admin]
people:
  - { openId: ou_org1, name: 张老师, unit: jwc }
`;

describe('directory import', () => {
  let db: TestDatabase;
  let repo: DirectoryRepo;

  beforeAll(async () => {
    db = await openTestDatabase('directory');
    await ensureIndexes(db.connection);
    repo = new DirectoryRepo(db.connection);
  });
  afterAll(async () => {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports a valid YAML file, and importing it again changes nothing', async () => {
    const file = write('valid.yaml', VALID);
    const first = await importDirectoryFile(file, repo, new Date('2026-03-01T00:00:00Z'));
    expect(first).toEqual({ ok: true, units: 2, people: 1, deactivated: 0, resolved: 0 });
    const loaded = await repo.load();
    await importDirectoryFile(file, repo, new Date('2026-03-02T00:00:00Z'));
    expect(await repo.load()).toEqual(loaded);
    expect(loaded.units.find((u) => u.code === 'jwc')?.leaderInCharge).toBe('ou_leader');
    expect(loaded.archivists).toEqual(['ou_arch1']);
    expect(loaded.archiveChatId).toBe('oc_archive');
  });

  it('round-trips through export as JSON', async () => {
    const exported = formatDirectory(directoryToFile(await repo.load()), 'json');
    const file = write('exported.json', exported);
    expect(await importDirectoryFile(file, repo, new Date())).toMatchObject({ ok: true, units: 2 });
  });

  it('reports every invalid entry by path and imports nothing from a half-valid file', async () => {
    const before = await repo.load();
    const file = write(
      'invalid.yaml',
      `units:
  - code: jwc
    name: 教务处（新）
  - code: "bad code!"
    name: ""
    leaderInCharge: not-an-open-id
archivists: [ou_ok, someone]
people:
  - { openId: ou_x, unit: nowhere }
colour: blue
`,
    );
    const result = await importDirectoryFile(file, repo, new Date());
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems.join('\n');
    expect(problems).toContain('units[1].code');
    expect(problems).toContain('units[1].name');
    expect(problems).toContain('units[1].leaderInCharge');
    expect(problems).toContain('archivists[1]');
    expect(problems).toContain('people[0].unit');
    expect(problems).toMatch(/colour|unrecognized/i);
    expect(await repo.load()).toEqual(before);
  });

  it('marks units left out of a new file inactive', async () => {
    const file = write(
      'smaller.yaml',
      'units:\n  - { code: jwc, name: 教务处 }\narchivists: [ou_arch1]\n',
    );
    const result = await importDirectoryFile(file, repo, new Date());
    expect(result).toMatchObject({ ok: true, deactivated: 1 });
    expect((await repo.load()).units.find((u) => u.code === 'xcb')?.active).toBe(false);
  });

  it('the CLI exits 1 with the problems listed and exits 0 on a good file', async () => {
    const env = {
      ...process.env,
      MONGODB_URI: process.env.TEST_MONGODB_URI!.replace(/\/?$/, `/${db.dbName}`),
      LOG_LEVEL: 'silent',
    };
    const bad = write('cli-bad.json', JSON.stringify({ units: [{ code: '', name: 'x' }] }));
    const failed = await run(
      'node',
      ['-r', 'ts-node/register/transpile-only', 'scripts/directory-import.ts', bad],
      { cwd: repoRoot, env },
    ).catch((e: { code: number; stderr: string }) => e);
    expect((failed as { code: number }).code).toBe(1);
    expect((failed as { stderr: string }).stderr).toContain('units[0].code');
    const good = write('cli-good.yaml', VALID);
    const ok = await run(
      'node',
      ['-r', 'ts-node/register/transpile-only', 'scripts/directory-import.ts', good],
      { cwd: repoRoot, env },
    );
    expect(ok.stdout).toContain('imported 2 unit(s)');
  }, 60_000);
});
