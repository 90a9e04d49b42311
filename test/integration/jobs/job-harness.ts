import { JobRepo } from '../../../src/db/job-repo';
import { ensureIndexes } from '../../../src/db/indexes';
import type { Job, JobResult } from '../../../src/jobs/types';
import { openTestDatabase, type TestDatabase } from '../../support/test-db';
import { startTestBot, type TestBot } from '../../support/test-bot';

/**
 * A test bot plus a job-run repository. AppDeps has no `repos.jobs` yet and TestBot does not expose
 * its connection, so the runs live in a database of their own; the runner takes them as `runs`.
 */
export interface JobsHarness {
  bot: TestBot;
  runsDb: TestDatabase;
  runs: JobRepo;
  close(): Promise<void>;
}

export async function startJobsHarness(): Promise<JobsHarness> {
  const bot = await startTestBot();
  const runsDb = await openTestDatabase('jobs');
  await ensureIndexes(runsDb.connection);
  return {
    bot,
    runsDb,
    runs: new JobRepo(runsDb.connection),
    close: async () => {
      await runsDb.close();
      await bot.close();
    },
  };
}

/** A job whose body the test controls, counting its invocations. */
export function testJob(
  name: string,
  body: () => Promise<JobResult> = () => Promise.resolve({ summary: 'done' }),
): Job & { calls: number } {
  const job = {
    name,
    cron: '* * * * *',
    description: 'test job',
    calls: 0,
    run: async () => {
      job.calls += 1;
      return body();
    },
  };
  return job;
}

/** A promise the test settles by hand. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
