import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LOCAL_CREDENTIALS } from '../../../src/app/local-stack';
import { deliver, events, FeishuSimulator } from '../../../src/simulator';
import { freePort, startProcess, waitFor, type Running } from '../../support/processes';

/** The real process entry (src/main.ts, from source), with the embedded database, killed and restarted. */
const repoRoot = path.resolve(__dirname, '../../..');
const ids = {
  appId: LOCAL_CREDENTIALS.appId,
  verificationToken: LOCAL_CREDENTIALS.verificationToken,
};

function startMain(env: Record<string, string>): Running {
  return startProcess(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
}

describe('the bot process', () => {
  const sim = new FeishuSimulator({
    appId: LOCAL_CREDENTIALS.appId,
    appSecret: LOCAL_CREDENTIALS.appSecret,
  });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-bot-process-'));
  let baseEnv: Record<string, string>;
  let url: string;

  beforeAll(async () => {
    const simUrl = await sim.start();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    baseEnv = {
      FEISHU_APP_ID: LOCAL_CREDENTIALS.appId,
      FEISHU_APP_SECRET: LOCAL_CREDENTIALS.appSecret,
      FEISHU_VERIFICATION_TOKEN: LOCAL_CREDENTIALS.verificationToken,
      FEISHU_ENCRYPT_KEY: LOCAL_CREDENTIALS.encryptKey,
      FEISHU_DOMAIN: simUrl,
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'info',
      INBOX_LEASE_MS: '1500',
      INBOX_POLL_MS: '50',
    };
  });
  afterAll(async () => {
    await sim.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops at start with a list of missing variables and points to the demo', async () => {
    const run = startMain({ DATA_DIR: dataDir });
    expect(await run.exited).toBe(1);
    for (const name of [
      'FEISHU_APP_ID',
      'FEISHU_APP_SECRET',
      'FEISHU_VERIFICATION_TOKEN',
      'FEISHU_ENCRYPT_KEY',
    ]) {
      expect(run.output()).toContain(name);
    }
    expect(run.output()).toContain('npm run demo');
  }, 30_000);

  it('handles an event once even when killed mid-handler, and shuts down cleanly on SIGTERM', async () => {
    const first = startMain(baseEnv);
    await waitFor('healthz', async () =>
      (await fetch(`${url}/healthz`).catch(() => undefined))?.ok ? true : undefined,
    );
    const ready = (await (await fetch(`${url}/readyz`)).json()) as {
      status: string;
      inbox: { unfinished: number };
    };
    expect(ready.status).toBe('ready');
    expect(ready.inbox.unfinished).toBe(0);

    // The welcome card's send hangs; the process dies while the handler waits for it.
    sim.inject({ method: 'POST', path: '/open-apis/im/v1/messages', delayMs: 4_000, times: 1 });
    const envelope = events.botAdded(
      { chatId: 'oc_proc', operatorOpenId: 'ou_org1', name: '进程测试群' },
      ids,
    );
    expect(
      (
        await deliver(`${url}/feishu/events`, envelope, {
          encryptKey: LOCAL_CREDENTIALS.encryptKey,
        })
      ).status,
    ).toBe(200);
    await waitFor('the send to start', () =>
      sim.requestsTo('/open-apis/im/v1/messages', 'POST').length > 0 ? true : undefined,
    );
    first.child.kill('SIGKILL');
    await first.exited;

    const second = startMain(baseEnv);
    await waitFor('the restarted process', async () =>
      (await fetch(`${url}/healthz`).catch(() => undefined))?.ok ? true : undefined,
    );
    await waitFor('the record to be done', async () => {
      const r = (await (await fetch(`${url}/readyz`)).json()) as {
        inbox?: { unfinished: number };
      };
      return r.inbox && r.inbox.unfinished === 0 ? true : undefined;
    });
    await new Promise((r) => setTimeout(r, 4_500)); // let the first process's hung request land too
    expect(sim.cardsTo('oc_proc')).toHaveLength(1);
    expect(sim.requestsTo('/open-apis/im/v1/messages', 'POST').length).toBeGreaterThanOrEqual(2);

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(second.output()).toContain('shutdown.done');
    expect(fs.existsSync(path.join(dataDir, 'ferretdb', 'address.json'))).toBe(false);
    expect(second.output()).not.toContain(LOCAL_CREDENTIALS.appSecret);
  }, 90_000);
});
