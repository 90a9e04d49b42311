import type { FaultRule } from './types';

/** A fault waiting for its next matching requests. */
export interface PendingFault {
  method?: string;
  path: string | RegExp;
  remaining: number;
  /** Matching requests to let through before the fault starts (a failure halfway through a read). */
  skip?: number;
  /** `network` destroys the socket; `reply` answers with status/body/headers after delayMs. */
  kind: 'reply' | 'network';
  rule?: FaultRule;
}

/** Rate-limit answer matching the platform's gateway (HTTP 429, code 99991400, reset header). */
export function rateLimitFault(path: string | RegExp, resetSeconds = 1, times = 1): FaultRule {
  return {
    path,
    times,
    status: 429,
    body: { code: 99991400, msg: 'request trigger frequency limit' },
    headers: { 'x-ogw-ratelimit-limit': '50', 'x-ogw-ratelimit-reset': String(resetSeconds) },
  };
}

/** Holds injected faults and hands out the first one matching a request (FIFO among matches). */
export class FaultBook {
  private readonly pending: PendingFault[] = [];

  add(fault: PendingFault): void {
    if (fault.remaining > 0) this.pending.push(fault);
  }

  /** Consumes one use of the first fault matching `method path`, if any. */
  take(method: string, path: string): PendingFault | undefined {
    const matches = (f: PendingFault): boolean => {
      if (f.method && f.method.toUpperCase() !== method) return false;
      if (typeof f.path === 'string') return f.path === path;
      f.path.lastIndex = 0; // a /g or /y RegExp must not carry state between requests
      return f.path.test(path);
    };
    const index = this.pending.findIndex(matches);
    const fault = this.pending[index];
    if (!fault) return undefined;
    if (fault.skip) {
      fault.skip -= 1;
      return undefined;
    }
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.pending.splice(index, 1);
    return fault;
  }

  /** Number of fault uses not yet consumed. */
  remaining(): number {
    return this.pending.reduce((n, f) => n + f.remaining, 0);
  }

  clear(): void {
    this.pending.length = 0;
  }
}
