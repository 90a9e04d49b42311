import { findJob } from '../../../src/jobs';
import { runJob } from '../../../src/jobs/runner';
import { startMetricsServer } from '../../../src/metrics/scrape';
import { privateCommand } from '../../support/activity-flows';
import { startTestBot, type TestBot } from '../../support/test-bot';

/** /metrics as Prometheus scrapes it: off by default, behind a bearer token or on a port of its own. */
const TOKEN = 'metrics-token-0123456789';

/** Every metric the README lists (the process's own figures included). */
const LISTED = [
  'archivebot_inbox_backlog',
  'archivebot_inbox_oldest_waiting_seconds',
  'archivebot_inbox_failed',
  'archivebot_handler_duration_seconds',
  'archivebot_feishu_api_calls_total',
  'archivebot_feishu_api_errors_total',
  'archivebot_feishu_api_rate_limited_total',
  'archivebot_downloads_total',
  'archivebot_download_bytes_total',
  'archivebot_download_failures_total',
  'archivebot_job_runs_total',
  'archivebot_job_failures_total',
  'archivebot_backup_newest_verified_age_seconds',
  'archivebot_overdue_activities',
  'archivebot_database_up',
  'process_cpu_seconds_total',
  'process_resident_memory_bytes',
  'nodejs_eventloop_lag_seconds',
  'nodejs_heap_size_used_bytes',
];

/** The value of one sample (`name{labels} value`), 0 when absent. */
function sample(body: string, name: string, labels = ''): number {
  const line = body
    .split('\n')
    .find((l) => l.startsWith(labels ? `${name}{` : `${name} `) && l.includes(labels));
  return line ? Number(line.split(' ').pop()) : 0;
}

/** The sum of every sample of a labelled metric. */
function total(body: string, name: string): number {
  return body
    .split('\n')
    .filter((l) => l.startsWith(`${name}{`))
    .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
}

describe('/metrics', () => {
  let bot: TestBot;
  afterEach(() => bot.close());

  const scrape = (auth?: string) =>
    fetch(`${bot.url}/metrics`, auth ? { headers: { authorization: auth } } : {});

  it('answers 401 without the right bearer token, and every listed metric with it', async () => {
    bot = await startTestBot({ env: { METRICS_TOKEN: TOKEN } });
    const missing = await scrape();
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toContain('Bearer');
    expect((await scrape('Bearer wrong-token-0123456789')).status).toBe(401);
    expect((await scrape(`Basic ${TOKEN}`)).status).toBe(401);

    const before = await (await scrape(`Bearer ${TOKEN}`)).text();
    await privateCommand(bot, '帮助', 'ou_org1');
    await bot.drain();
    await runJob(findJob('inbox-purge')!, {
      now: bot.clock.now(),
      deps: bot.bot.deps,
      slot: 'metrics-test',
    });
    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const body = await res.text();
    for (const name of LISTED) expect(body).toContain(`# TYPE ${name} `);

    const handled = 'archivebot_handler_duration_seconds_count';
    const kind = 'kind="im.message.receive_v1",outcome="ok"';
    expect(sample(body, handled, kind)).toBe(sample(before, handled, kind) + 1);
    // The help card went out through the Feishu API (a reply or a send).
    const calls = (text: string) => total(text, 'archivebot_feishu_api_calls_total');
    expect(calls(body)).toBeGreaterThan(calls(before));
    const purge = 'job="inbox-purge",status="ok"';
    expect(sample(body, 'archivebot_job_runs_total', purge)).toBe(
      sample(before, 'archivebot_job_runs_total', purge) + 1,
    );
    expect(sample(body, 'archivebot_database_up')).toBe(1);
    expect(sample(body, 'archivebot_inbox_backlog')).toBe(0);
    expect(bot.logLines.join('\n')).not.toContain(TOKEN);
  });

  it('is off by default', async () => {
    bot = await startTestBot();
    expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(404);
  });

  it('serves a listener of its own on the loopback, and then not the main server', async () => {
    bot = await startTestBot({ env: { METRICS_PORT: '0' } });
    expect((await scrape()).status).toBe(404);
    const server = await startMetricsServer(
      { host: '127.0.0.1', port: 0, token: undefined },
      bot.bot.figures,
    );
    try {
      const { port } = server.address() as { port: number };
      const res = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('# TYPE archivebot_inbox_backlog gauge');
      expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
