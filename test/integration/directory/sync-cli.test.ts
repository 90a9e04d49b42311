import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { LOCAL_CREDENTIALS } from '../../../src/app/local-stack';
import { sampleCollege } from '../../../src/simulator';
import { startTestBot, type TestBot } from '../../support/test-bot';

/** `npm run directory:sync` against the simulator: shows the diff, applies only the plan named. */
const run = promisify(execFile);
const repoRoot = path.resolve(__dirname, '../../..');
let bot: TestBot;

beforeEach(async () => {
  bot = await startTestBot({ directory: null });
  bot.sim.setContacts(sampleCollege());
});
afterEach(async () => {
  bot.sim.assertNoUnmatched();
  await bot.close();
});

function sync(args: string[] = []) {
  return run(
    'node',
    ['-r', 'ts-node/register/transpile-only', 'scripts/directory-sync.ts', ...args],
    {
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH ?? '',
        MONGODB_URI: process.env.TEST_MONGODB_URI!.replace(/\/?$/, `/${bot.connection.name}`),
        FEISHU_APP_ID: LOCAL_CREDENTIALS.appId,
        FEISHU_APP_SECRET: LOCAL_CREDENTIALS.appSecret,
        FEISHU_DOMAIN: bot.sim.url,
        LOG_LEVEL: 'silent',
      },
    },
  ).catch((e: { code: number; stdout: string; stderr: string }) => e);
}

it('prints the changes, applies nothing until asked, then applies exactly that plan', async () => {
  const shown = (await sync()) as { stdout: string; stderr: string };
  expect(shown.stdout).toContain('units added (7)');
  expect(shown.stdout).toContain('+ jwc 教务处, leader in charge 李处长 (ou_c_li)');
  expect(shown.stdout).toContain('people added (78)');
  expect(shown.stderr).toContain('9/9 departments');
  const planId = /--apply (\S+)/.exec(shown.stdout)?.[1];
  expect(planId).toBeDefined();
  expect((await bot.bot.deps.repos.directory.load()).units).toEqual([]);

  const applied = (await sync(['--apply', planId!])) as { stdout: string };
  expect(applied.stdout).toContain(`applied ${planId}`);
  expect((await bot.bot.deps.repos.directory.load()).units).toHaveLength(7);
  const again = (await sync()) as { stdout: string };
  expect(again.stdout).toContain('nothing to change');
}, 90_000);

it('names the missing scope, exits 1 and changes nothing', async () => {
  bot.sim.revokeScope('contact:user.base:readonly');
  const failed = (await sync()) as { code: number; stderr: string };
  expect(failed.code).toBe(1);
  expect(failed.stderr).toContain('lacks the scope contact:user.base:readonly');
  expect(failed.stderr).toContain('Nothing was changed');
  expect((await bot.bot.deps.repos.directory.load()).units).toEqual([]);
}, 60_000);
