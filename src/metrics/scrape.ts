import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { Gauge, Registry } from 'prom-client';
import type { AppDeps } from '../app/deps';
import { processRegistry } from './metrics';

/** Database figures are read at most this often, however often Prometheus scrapes. */
const DB_FIGURES_TTL_MS = 30_000;

/**
 * The figures read from the database when /metrics is scraped: inbox backlog and the age of its oldest
 * waiting event, overdue activities (the reminder watch list, small), and per backup target the age of
 * its newest bag that has not failed a fixity check (a scan of `backup_entries`, hence the cache).
 */
export class DatabaseFigures {
  readonly registry = new Registry();
  private readonly up: Gauge;
  private readonly backlog: Gauge;
  private readonly oldest: Gauge;
  private readonly failed: Gauge;
  private readonly overdue: Gauge;
  private readonly backupAge: Gauge<'target'>;
  private readAt = 0;

  constructor(private readonly deps: Pick<AppDeps, 'repos' | 'clock' | 'log'>) {
    const registers = [this.registry];
    this.up = new Gauge({
      name: 'archivebot_database_up',
      help: '1 when the last read of the figures below succeeded',
      registers,
    });
    this.backlog = new Gauge({
      name: 'archivebot_inbox_backlog',
      help: 'Inbox records not yet handled (pending or running)',
      registers,
    });
    this.oldest = new Gauge({
      name: 'archivebot_inbox_oldest_waiting_seconds',
      help: 'Age of the oldest inbox record not yet handled (0 when none)',
      registers,
    });
    this.failed = new Gauge({
      name: 'archivebot_inbox_failed',
      help: 'Inbox records that exhausted their retries (kept until purged)',
      registers,
    });
    this.overdue = new Gauge({
      name: 'archivebot_overdue_activities',
      help: 'Activities past their handover deadline and not handed over',
      registers,
    });
    this.backupAge = new Gauge({
      name: 'archivebot_backup_newest_verified_age_seconds',
      help: 'Age of the newest bag on each backup target that has not failed a fixity check',
      labelNames: ['target'] as const,
      registers,
    });
  }

  async refresh(): Promise<void> {
    const now = this.deps.clock.now();
    if (now.getTime() - this.readAt < DB_FIGURES_TTL_MS && this.readAt > 0) return;
    try {
      const { repos } = this.deps;
      const backlog = await repos.inbox.backlog(now);
      this.backlog.set(backlog.unfinished);
      this.failed.set(backlog.failed);
      this.oldest.set((backlog.oldestUnfinishedAgeMs ?? 0) / 1000);
      const watched = await repos.reminders.watched();
      this.overdue.set(watched.filter((w) => w.effectiveDeadline < now).length);
      const newest = new Map<string, Date>();
      for (const bag of await repos.backup.list()) {
        if (bag.lastFixity && !bag.lastFixity.ok) continue;
        const seen = newest.get(bag.targetId);
        if (!seen || bag.createdAt > seen) newest.set(bag.targetId, bag.createdAt);
      }
      this.backupAge.reset();
      for (const [target, at] of newest) {
        this.backupAge.set({ target }, (now.getTime() - at.getTime()) / 1000);
      }
      this.up.set(1);
      this.readAt = now.getTime();
    } catch (err) {
      this.up.set(0);
      this.deps.log.warn({ err: String(err) }, 'metrics.database_figures.failed');
    }
  }
}

export interface MetricsAnswer {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

/** Compares in constant time, so the token cannot be guessed byte by byte from response times. */
function tokenMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Answers one scrape: 401 without the bearer token when one is configured, else the process's own
 * figures and the database figures in the Prometheus text format.
 */
export async function answerScrape(
  authorization: string | undefined,
  token: string | undefined,
  figures: DatabaseFigures,
): Promise<MetricsAnswer> {
  if (token !== undefined) {
    const given = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1]?.trim() ?? '';
    if (!tokenMatches(given, token)) {
      return {
        status: 401,
        contentType: 'text/plain; charset=utf-8',
        body: 'missing or wrong bearer token\n',
        headers: { 'www-authenticate': 'Bearer realm="metrics"' },
      };
    }
  }
  await figures.refresh();
  const body = (await processRegistry.metrics()) + (await figures.registry.metrics());
  return { status: 200, contentType: processRegistry.contentType, body };
}

/** /metrics on a listener of its own (METRICS_PORT), for every role of the process. */
export function startMetricsServer(
  opts: { host: string; port: number; token: string | undefined },
  figures: DatabaseFigures,
): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    answerScrape(req.headers.authorization, opts.token, figures).then(
      (a) => res.writeHead(a.status, { 'content-type': a.contentType, ...a.headers }).end(a.body),
      () => res.writeHead(500).end(),
    );
  });
  return new Promise((resolve) => server.listen(opts.port, opts.host, () => resolve(server)));
}
