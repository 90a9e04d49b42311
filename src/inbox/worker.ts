import { randomUUID } from 'node:crypto';
import type { InboxRepo } from '../db/inbox-repo';
import type { InboxEventDoc } from '../db/models/inbox-event';
import { retryDelayMs } from '../domain/backoff';
import { isRetryable } from '../feishu/errors';
import type { Clock } from '../lib/clock';
import type { Logger } from '../lib/logger';

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
  concurrency?: number;
  /** Called once when a record is given up on (the alert to archivists). */
  onGaveUp?: (record: InboxEventDoc, error: string) => Promise<void>;
}

/**
 * Drains the inbox: claims a record with a lease (one atomic update), runs its handler, marks it done.
 * Failures retry with backoff; after the last attempt the record stays `failed`. A crash mid-handler
 * leaves the lease to expire and the record runs again; handlers make their effects idempotent.
 */
export class InboxWorker {
  readonly id = `worker-${randomUUID().slice(0, 8)}`;
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private wake: (() => void) | undefined;

  constructor(
    private readonly inbox: InboxRepo,
    private readonly handlers: Record<string, InboxHandler>,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly opts: WorkerOptions,
  ) {}

  /** Claims and runs one record; false when nothing is due. */
  async runOnce(): Promise<boolean> {
    const record = await this.inbox.claim(this.clock.now(), this.opts.leaseMs, this.id);
    if (!record) return false;
    const job = this.process(record);
    this.inFlight.add(job);
    try {
      await job;
    } finally {
      this.inFlight.delete(job);
    }
    return true;
  }

  /** Runs until nothing is due (tests, CLIs, benchmarks). */
  async drain(maxRecords = Number.POSITIVE_INFINITY): Promise<number> {
    let n = 0;
    while (n < maxRecords && (await this.runOnce())) n++;
    return n;
  }

  /** Starts polling loops in the background. */
  start(): void {
    if (this.running) return;
    this.running = true;
    const concurrency = this.opts.concurrency ?? 4;
    this.loops = Array.from({ length: concurrency }, () => this.loop());
  }

  /** Nudges idle loops (the edge calls this after accepting an event, so work starts at once). */
  poke(): void {
    this.wake?.();
  }

  /** Stops claiming, waits for in-flight handlers up to `timeoutMs`. Unfinished records keep their lease and rerun later. */
  async stop(timeoutMs = 10_000): Promise<void> {
    this.running = false;
    this.wake?.();
    const all = Promise.all([...this.loops, ...this.inFlight]);
    await Promise.race([all, new Promise((r) => setTimeout(r, timeoutMs).unref())]);
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let worked = false;
      try {
        worked = await this.runOnce();
      } catch (err) {
        this.log.error({ err }, 'inbox.loop.error');
      }
      if (!worked && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.opts.pollMs);
          timer.unref();
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }

  private async process(record: InboxEventDoc): Promise<void> {
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
    } catch (err) {
      const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      if (isRetryable(err) && record.attempts < this.opts.maxAttempts) {
        const runAt = new Date(
          this.clock.now().getTime() + retryDelayMs(record.attempts, Math.random()),
        );
        await this.inbox.retryLater(record._id, this.id, runAt, message);
        log.warn({ err: message, runAt }, 'inbox.retry');
        return;
      }
      await this.inbox.fail(record._id, this.id, this.clock.now(), message);
      log.error({ err: message }, 'inbox.failed');
      if (this.opts.onGaveUp) {
        await this.opts
          .onGaveUp(record, message)
          .catch((alertErr: unknown) => log.error({ err: alertErr }, 'inbox.alert.failed'));
      }
    }
  }
}
