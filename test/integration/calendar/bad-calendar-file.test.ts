import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LOCAL_CREDENTIALS } from '../../../src/app/local-stack';

/** `npm start` with an invalid college calendar: it stops before touching the database. */
const repoRoot = path.resolve(__dirname, '../../..');

function runMain(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

it('stops at start naming every problem by line, and creates no database', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bad-calendar-'));
  try {
    const file = path.join(dir, 'college-calendar.yaml');
    writeFileSync(
      file,
      [
        'closures:',
        '  - { date: 2026-02-30, name: 校庆 }',
        '  - { from: 2026-07-10, to: 2026-07-01, name: 暑期 }',
        'extraWorkday: []',
      ].join('\n'),
    );
    const { code, output } = await runMain({
      FEISHU_APP_ID: LOCAL_CREDENTIALS.appId,
      FEISHU_APP_SECRET: LOCAL_CREDENTIALS.appSecret,
      FEISHU_VERIFICATION_TOKEN: LOCAL_CREDENTIALS.verificationToken,
      FEISHU_ENCRYPT_KEY: LOCAL_CREDENTIALS.encryptKey,
      DATA_DIR: path.join(dir, 'data'),
      COLLEGE_CALENDAR_FILE: file,
    });
    expect(code).toBe(1);
    expect(output).toContain(`${file}:2: closures[0].date: is not a real date`);
    expect(output).toContain(`${file}:4: extraWorkday: unknown key`);
    expect(output).not.toContain(LOCAL_CREDENTIALS.appSecret);
    const { existsSync } = await import('node:fs');
    expect(existsSync(path.join(dir, 'data'))).toBe(false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
