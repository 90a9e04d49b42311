import { runJob } from '../../src/jobs/runner';
import type { Job } from '../../src/jobs/types';
import type { TestBot } from './test-bot';

let slot = 0;

/** Sets the bot's clock, runs one job once (as its schedule would), and lets the worker send. */
export async function runJobAt(bot: TestBot, job: Job, iso: string) {
  bot.clock.set(iso);
  slot += 1;
  const result = await runJob(job, { now: bot.clock.now(), deps: bot.bot.deps, slot: `t-${slot}` });
  await bot.drain(); // jobs queue; the worker sends
  return result;
}

/**
 * The simulator keeps every message a test bot ever sent; this shows only those sent since the last
 * `forget()`, so a test asserts what a step added.
 */
export function freshMessages(bot: () => TestBot) {
  const seen = new Set<string>();
  return {
    forget: () =>
      bot()
        .sim.sentMessages()
        .forEach((m) => seen.add(m.messageId)),
    reset: () => seen.clear(),
    cardsTo: (id: string) =>
      bot()
        .sim.cardsTo(id)
        .filter((m) => !seen.has(m.messageId)),
  };
}
