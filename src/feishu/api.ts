import type * as lark from '@larksuiteoapi/node-sdk';
import type { Logger } from '../lib/logger';
import { apiRetryDelayMs } from '../domain/backoff';
import { classifyCode, classifyThrown, FeishuApiError } from './errors';
import { APP_LIMIT_PER_SECOND, CHAT_LIMIT_PER_SECOND, RateLimiter } from './rate-limiter';
import type { TokenCache } from './sdk-client';
import { metrics } from '../metrics/metrics';

interface FeishuResult {
  code?: number;
  msg?: string;
}

export interface CallOptions {
  /** A chat or user the call posts to; keeps within 5 messages/s per recipient. */
  recipient?: string;
  /** Attempts including the first (default 4). */
  attempts?: number;
}

/**
 * Every Open Platform call goes through `call`: rate limits, `code` checks, retries with backoff on
 * 429 / 5xx / network errors (honouring x-ogw-ratelimit-reset), one token refresh on an invalid token,
 * and classified errors for the caller.
 */
export class FeishuApi {
  constructor(
    readonly client: lark.Client,
    private readonly cache: TokenCache,
    private readonly log: Logger,
    private readonly limiter = new RateLimiter(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((r) => setTimeout(r, ms)),
  ) {}

  async call<T extends FeishuResult>(
    op: string,
    fn: (client: lark.Client) => Promise<T>,
    opts: CallOptions = {},
  ): Promise<T> {
    const attempts = opts.attempts ?? 4;
    let refreshedToken = false;
    for (let attempt = 1; ; attempt++) {
      await this.limiter.acquire(`api:${op}`, APP_LIMIT_PER_SECOND);
      if (opts.recipient) await this.limiter.acquire(`to:${opts.recipient}`, CHAT_LIMIT_PER_SECOND);
      let error: FeishuApiError;
      metrics.feishuCall(op);
      try {
        const result = await fn(this.client);
        if (
          result === undefined ||
          result === null ||
          typeof result !== 'object' ||
          result.code === undefined ||
          result.code === 0
        ) {
          return result;
        }
        error = classifyCode(result.code, 200, result.msg ?? '');
      } catch (err) {
        error = classifyThrown(err);
      }
      metrics.feishuError(op, error.kind);
      if (error.kind === 'auth_failed' && !refreshedToken) {
        refreshedToken = true;
        this.cache.clear();
        this.log.warn({ op, code: error.feishuCode }, 'feishu.token.refresh');
        continue;
      }
      if (!error.retryable || attempt >= attempts) {
        this.log.warn(
          { op, kind: error.kind, code: error.feishuCode, status: error.httpStatus, attempt },
          'feishu.call.failed',
        );
        throw error;
      }
      const delay = apiRetryDelayMs(attempt, error.resetSeconds, Math.random());
      this.log.info(
        { op, kind: error.kind, code: error.feishuCode, attempt, delayMs: delay },
        'feishu.call.retry',
      );
      await this.sleep(delay);
    }
  }
}

export { FeishuApiError };
