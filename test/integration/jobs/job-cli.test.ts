import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LOCAL_CREDENTIALS } from '../../../src/app/local-stack';
import { JobRepo } from '../../../src/db/job-repo';
import { openTestDatabase, type TestDatabase } from '../../support/test-db';

/** `npm run job`, as a child process on a database of its own. */
const repoRoot = path.resolve(__dirname, '../../..');
let db: TestDatabase;
let dataDir: string;
let env: Record<string, string>;

function runScript(args: string[], extra: Record<string, string> = {}) {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', 'scripts/job.ts', ...args],
    { cwd: repoRoot, env: { ...env, ...extra }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise<{ code: number | null; out: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, out })),
  );
}

beforeAll(async () => {
  db = await openTestDatabase('job_cli');
  const uri = new URL(db.uri);
  uri.pathname = `/${db.dbName}`;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-bot-job-cli-'));
  env = {
    PATH: process.env.PATH ?? '',
    MONGODB_URI: uri.toString(),
    DATA_DIR: dataDir,
    FEISHU_APP_ID: LOCAL_CREDENTIALS.appId,
    FEISHU_APP_SECRET: LOCAL_CREDENTIALS.appSecret,
    FEISHU_VERIFICATION_TOKEN: LOCAL_CREDENTIALS.verificationToken,
    FEISHU_ENCRYPT_KEY: LOCAL_CREDENTIALS.encryptKey,
    FEISHU_DOMAIN: 'http://127.0.0.1:9',
  };
});
afterAll(async () => {
  await db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('npm run job', () => {
  it('lists the jobs with their schedules', async () => {
    const { code, out } = await runScript(['--list']);
    expect(code).toBe(0);
    expect(out).toMatch(/inbox-purge\t30 3 \* \* \*/);
  }, 30_000);

  it('refuses an unknown job, listing the names', async () => {
    const { code, out } = await runScript(['no-such-job']);
    expect(code).toBe(1);
    expect(out).toContain('unknown job "no-such-job"');
    expect(out).toContain('inbox-purge');
  }, 30_000);

  it('refuses a --now that is not an ISO time with a zone', async () => {
    const { code, out } = await runScript(['inbox-purge', '--now', 'yesterday']);
    expect(code).toBe(1);
    expect(out).toContain('--now must be an ISO time');
  }, 30_000);

  it('asks for the Feishu credentials a job may need', async () => {
    const { code, out } = await runScript(['inbox-purge'], { FEISHU_APP_SECRET: '' });
    expect(code).toBe(1);
    expect(out).toContain('FEISHU_APP_SECRET');
    expect(out).not.toContain(LOCAL_CREDENTIALS.encryptKey);
  }, 30_000);

  it('runs a job once through the runner and prints its summary', async () => {
    const { code, out } = await runScript(['inbox-purge', '--now', '2026-03-02T03:30:00+08:00']);
    expect(out).toMatch(/inbox-purge@manual:[0-9a-f-]{36}: ok in \d+ ms — removed 0 finished/);
    expect(code).toBe(0);
    const runs = await new JobRepo(db.connection).list('inbox-purge');
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'ok', counts: { inboxRecords: 0 } });
  }, 30_000);
});
