/**
 * Delay before retry number `attempt` (1-based) of an inbox record: quick first retries, then minutes,
 * capped so the whole series stays inside Feishu's one-hour uuid dedupe window.
 */
const STEPS_MS = [1_000, 5_000, 30_000, 120_000, 300_000, 600_000, 600_000, 900_000];

export function retryDelayMs(
  attempt: number,
  jitter: number /* 0..1, injected for tests */ = 0.5,
): number {
  const base = STEPS_MS[Math.min(Math.max(attempt, 1), STEPS_MS.length) - 1] ?? 900_000;
  return Math.round(base * (0.8 + 0.4 * jitter));
}

/** Delay before a retried Feishu API call: honour the platform's reset header, else exponential. */
export function apiRetryDelayMs(
  attempt: number,
  resetSeconds: number | undefined,
  jitter = 0.5,
): number {
  if (resetSeconds !== undefined && Number.isFinite(resetSeconds) && resetSeconds >= 0) {
    return Math.min(resetSeconds * 1000, 60_000) + Math.round(jitter * 100);
  }
  return Math.min(200 * 2 ** (attempt - 1), 5_000) + Math.round(jitter * 100);
}
