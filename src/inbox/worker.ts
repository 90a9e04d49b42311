import { randomUUID } from 'node:crypto';
import type { InboxRepo } from '../db/inbox-repo';
import type { InboxRecord } from '../db/models/inbox-event';
import { retryDelayMs } from '../domain/backoff';
import { isRetryable } from '../feishu/errors';
import type { Clock } from '../lib/clock';
import type { Logger } from '../lib/logger';
import { metrics } from '../metrics/metrics';

export interface HandlerContext {
  /** The inbox record's id: the base of every idempotency key a handler derives (send uuids…). */
  recordId: string;
  attempt: number;
  log: Logger;
}

export type InboxHandler = (payload: Record<string, unknown>, ctx: HandlerContext) => Promise<void>;

export interface WorkerOptions {
  leaseMs: number;
  maxAttempts: number;
  pollMs: number;
  /** Handlers running at once (default 8). */
  concurrency?: number;
  /** Records leased per scan of the queue (default 64); they run `concurrency` at a time. */
  batchSize?: number;
  /** Called once when a record is given up on (the alert to archivists). */
  onGaveUp?: (record: InboxRecord, error: string) => Promise<void>;
}

/**
 * Drains the inbox: leases due records in batches (one scan, unique-key claims), runs their handlers
 * a few at a time, marks each done. Failures retry with backoff; after the last attempt the record
 * stays `failed`. A crash mid-handler leaves the lease to expire and the record runs again; handlers
 * make their effects idempotent.
 */
export class InboxWorker {
  readonly id = `worker-${randomUUID().slice(0, 8)}`;
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private buffer: InboxRecord[] = [];
  private wake: (() => void) | undefined;

  constructor(
    private readonly inbox: InboxRepo,
    private readonly handlers: Record<string, InboxHandler>,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly opts: WorkerOptions,
  ) {}

  private get concurrency(): number {
    return this.opts.concurrency ?? 8;
  }

  private async refill(max: number): Promise<void> {
    if (this.buffer.length > 0) return;
    this.buffer = await this.inbox.claimBatch(this.clock.now(), this.opts.leaseMs, this.id, max);
  }

  /** Runs one due record; false when nothing is due (tests, CLIs: no polling, no concurrency). */
  async runOnce(): Promise<boolean> {
    await this.refill(this.opts.batchSize ?? 64);
    const record = this.buffer.shift();
    if (!record) return false;
    await this.track(record);
    return true;
  }

  /** Runs until nothing is due. */
  async drain(maxRecords = Number.POSITIVE_INFINITY): Promise<number> {
    let n = 0;
    while (n < maxRecords && (await this.runOnce())) n++;
    return n;
  }

  /** Starts the background loop. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Nudges an idle loop (the edge calls this after accepting an event, so work starts at once). */
  poke(): void {
    this.wake?.();
  }

  /**
   * Stops claiming, hands back leased records not yet started, and waits for in-flight handlers up to
   * `timeoutMs`; unfinished ones keep their lease and run again later.
   */
  async stop(timeoutMs = 10_000): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    const unstarted = this.buffer.splice(0);
    for (const record of unstarted) await this.inbox.release(record._id, this.id, this.clock.now());
    await Promise.race([
      Promise.all([...this.inFlight]),
      new Promise((r) => setTimeout(r, timeoutMs).unref()),
    ]);
  }

  private track(record: InboxRecord): Promise<void> {
    const job = this.process(record)
      .catch((err: unknown) => {
        // The database failed while recording the outcome; the lease expires and the record runs again.
        this.log.error({ err, inboxId: record._id }, 'inbox.record.unsettled');
      })
      .finally(() => {
        this.inFlight.delete(job);
        this.wake?.();
      });
    this.inFlight.add(job);
    return job;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        if (this.inFlight.size < this.concurrency) {
          await this.refill(this.opts.batchSize ?? 64);
          while (this.running && this.inFlight.size < this.concurrency && this.buffer.length > 0) {
            void this.track(this.buffer.shift()!);
          }
        }
      } catch (err) {
        this.log.error({ err }, 'inbox.loop.error');
      }
      if (!this.running) break;
      const busy = this.inFlight.size >= this.concurrency;
      const idle = this.buffer.length === 0;
      if (busy || idle) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, busy ? 1_000 : this.opts.pollMs);
          timer.unref();
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }

  private async process(record: InboxRecord): Promise<void> {
    const log = this.log.child({
      inboxId: record._id,
      eventId: record.eventId,
      type: record.type,
      attempt: record.attempts,
    });
    const handler = this.handlers[record.type];
    const started = Date.now();
    try {
      if (!handler) {
        log.warn('inbox.no_handler');
      } else {
        await handler(record.payload, { recordId: record._id, attempt: record.attempts, log });
      }
      await this.inbox.complete(record._id, this.id, this.clock.now());
      log.info({ ms: Date.now() - started }, 'inbox.done');
      metrics.handled(record.type, 'ok', (Date.now() - started) / 1000);
    } catch (err) {
      const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      if (isRetryable(err) && record.attempts < this.opts.maxAttempts) {
        const runAt = new Date(
          this.clock.now().getTime() + retryDelayMs(record.attempts, Math.random()),
        );
        await this.inbox.retryLater(record._id, this.id, runAt, message);
        log.warn({ err: message, runAt }, 'inbox.retry');
        metrics.handled(record.type, 'retry', (Date.now() - started) / 1000);
        return;
      }
      await this.inbox.fail(record._id, this.id, this.clock.now(), message);
      log.error({ err: message }, 'inbox.failed');
      metrics.handled(record.type, 'failed', (Date.now() - started) / 1000);
      if (this.opts.onGaveUp) {
        await this.opts
          .onGaveUp(record, message)
          .catch((alertErr: unknown) => log.error({ err: alertErr }, 'inbox.alert.failed'));
      }
    }
  }
}
