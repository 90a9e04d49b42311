import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * What this process counts as it works, in Prometheus form (`/metrics`, README "Metrics"). One registry
 * per process, filled by small calls where the work happens; the figures read from the database (inbox
 * backlog, backups, overdue) are gathered at scrape time by src/metrics/scrape.ts.
 */
export const processRegistry = new Registry();
collectDefaultMetrics({ register: processRegistry });

const handlerDuration = new Histogram({
  name: 'archivebot_handler_duration_seconds',
  help: 'Time to handle one inbox record, by event kind and outcome (ok, retry, failed)',
  labelNames: ['kind', 'outcome'] as const,
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120],
  registers: [processRegistry],
});

const feishuCalls = new Counter({
  name: 'archivebot_feishu_api_calls_total',
  help: 'Feishu Open Platform calls (each attempt), by endpoint',
  labelNames: ['endpoint'] as const,
  registers: [processRegistry],
});

const feishuErrors = new Counter({
  name: 'archivebot_feishu_api_errors_total',
  help: 'Feishu calls that failed (each attempt), by endpoint and kind of failure',
  labelNames: ['endpoint', 'kind'] as const,
  registers: [processRegistry],
});

const feishuRateLimited = new Counter({
  name: 'archivebot_feishu_api_rate_limited_total',
  help: 'Feishu answers saying "too many requests", by endpoint',
  labelNames: ['endpoint'] as const,
  registers: [processRegistry],
});

const downloads = new Counter({
  name: 'archivebot_downloads_total',
  help: 'Material downloads from Feishu, by outcome (stored, failed)',
  labelNames: ['outcome'] as const,
  registers: [processRegistry],
});

const downloadBytes = new Counter({
  name: 'archivebot_download_bytes_total',
  help: 'Bytes of materials downloaded and stored',
  registers: [processRegistry],
});

const downloadFailures = new Counter({
  name: 'archivebot_download_failures_total',
  help: 'Material downloads that failed for good (too large, refused, broken)',
  registers: [processRegistry],
});

const jobRuns = new Counter({
  name: 'archivebot_job_runs_total',
  help: 'Scheduled job runs, by job and status (ok, failed, skipped)',
  labelNames: ['job', 'status'] as const,
  registers: [processRegistry],
});

const jobFailures = new Counter({
  name: 'archivebot_job_failures_total',
  help: 'Scheduled job runs that failed, by job',
  labelNames: ['job'] as const,
  registers: [processRegistry],
});

/** The calls the rest of the code makes; each is cheap and never throws. */
export const metrics = {
  handled(kind: string, outcome: 'ok' | 'retry' | 'failed', seconds: number): void {
    handlerDuration.observe({ kind, outcome }, seconds);
  },
  feishuCall(endpoint: string): void {
    feishuCalls.inc({ endpoint });
  },
  feishuError(endpoint: string, kind: string): void {
    feishuErrors.inc({ endpoint, kind });
    if (kind === 'rate_limited') feishuRateLimited.inc({ endpoint });
  },
  download(outcome: 'stored' | 'failed', bytes = 0): void {
    downloads.inc({ outcome });
    if (bytes > 0) downloadBytes.inc(bytes);
    if (outcome === 'failed') downloadFailures.inc();
  },
  jobRun(job: string, status: 'ok' | 'failed' | 'skipped'): void {
    jobRuns.inc({ job, status });
    if (status === 'failed') jobFailures.inc({ job });
  },
};
