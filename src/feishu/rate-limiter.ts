/**
 * Keeps the bot inside Feishu's limits: 50 calls/s per API for the app, 5 messages/s per chat or user.
 * A sliding one-second window per key; `acquire` waits for a free slot. In-process only: several
 * processes share the app limit, which the client's 429 handling covers.
 */
export class RateLimiter {
  private readonly windows = new Map<string, number[]>();

  constructor(
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((r) => setTimeout(r, ms)),
  ) {}

  async acquire(key: string, perSecond: number): Promise<void> {
    for (;;) {
      const now = Date.now();
      const times = (this.windows.get(key) ?? []).filter((at) => now - at < 1000);
      if (times.length < perSecond) {
        times.push(now);
        this.windows.set(key, times);
        return;
      }
      const wait = 1000 - (now - (times[0] ?? now)) + 1;
      this.windows.set(key, times);
      await this.sleep(wait);
    }
  }
}

export const APP_LIMIT_PER_SECOND = 50;
export const CHAT_LIMIT_PER_SECOND = 5;
