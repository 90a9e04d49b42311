import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { buildBot } from '../src/app/container';
import { ConfigError, envSchema, loadConfig, type Config } from '../src/config/env';
import { readEnvFile } from '../src/config/load-env-file';
import { JobRepo } from '../src/db/job-repo';
import { findJob, jobNames, planJobs } from '../src/jobs';
import { runJob, type JobOutcome } from '../src/jobs/runner';
import { systemClock } from '../src/lib/clock';
import { CliError, openCliDatabase, runCli } from './lib/cli';

const USAGE = 'usage: npm run job -- <name> [--now <ISO time with zone>] | --list';

const argsSchema = z.object({
  list: z.boolean(),
  name: z.string().optional(),
  now: z.iso
    .datetime({
      offset: true,
      error: '--now must be an ISO time with a zone, e.g. 2026-03-02T03:30:00+08:00',
    })
    .transform((s) => new Date(s))
    .optional(),
});

/** Splits argv with node's parser, then validates with zod (one line per problem). */
function parseCommandLine(argv: string[]): z.infer<typeof argsSchema> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { list: { type: 'boolean', default: false }, now: { type: 'string' } },
    });
  } catch (err) {
    throw new CliError(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
  }
  if (parsed.positionals.length > 1) throw new CliError(`one job at a time\n${USAGE}`);
  const result = argsSchema.safeParse({ ...parsed.values, name: parsed.positionals[0] });
  if (!result.success) throw new CliError(result.error.issues.map((i) => i.message).join('\n'));
  return result.data;
}

/** JOB_SCHEDULES alone, for --list (no database, no Feishu credentials needed). */
function scheduleOverrides(env: Record<string, string | undefined>): Record<string, string> {
  const result = envSchema.pick({ JOB_SCHEDULES: true }).safeParse(env);
  if (!result.success) throw new CliError(`JOB_SCHEDULES: ${result.error.issues[0]?.message}`);
  return result.data.JOB_SCHEDULES;
}

/** The full configuration: jobs that send messages need the Feishu credentials. */
function fullConfig(env: Record<string, string | undefined>): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    throw new CliError(
      `${err.message}\nJobs run with the bot's full configuration (they may send Feishu messages): ` +
        'set the FEISHU_* variables in .env as for npm start.',
    );
  }
}

function printOutcome(outcome: JobOutcome): void {
  if (outcome.status === 'ok') {
    console.log(`${outcome.runId}: ok in ${outcome.durationMs} ms — ${outcome.result.summary}`);
  } else if (outcome.status === 'skipped') {
    const by = outcome.holder ? ` (${outcome.holder} is running)` : '';
    throw new CliError(`${outcome.runId}: skipped, ${outcome.reason}${by}`);
  } else {
    throw new CliError(
      `${outcome.runId}: failed after ${outcome.durationMs} ms — ${outcome.error}`,
    );
  }
}

/**
 * `npm run job -- <name> [--now <ISO>]` runs one job once through the same runner and lease as the
 * scheduler (slot `manual:<uuid>`), on the database the server uses; `--list` prints the schedules.
 */
runCli(async () => {
  const args = parseCommandLine(process.argv.slice(2));
  const env = readEnvFile(process.env);
  if (args.list) {
    for (const p of planJobs(scheduleOverrides(env))) {
      const note = p.overridden ? ' (JOB_SCHEDULES)' : '';
      console.log(`${p.job.name}\t${p.cron}${note}\t${p.job.description}`);
    }
    return;
  }
  if (args.name === undefined) throw new CliError(`name a job (${jobNames()})\n${USAGE}`);
  const job = findJob(args.name);
  if (!job) throw new CliError(`unknown job "${args.name}"; jobs: ${jobNames()}`);
  const config = fullConfig(env);
  const { db, log } = await openCliDatabase();
  try {
    const bot = await buildBot({ config, log, clock: systemClock, connection: db.connection });
    const outcome = await runJob(job, {
      now: args.now ?? systemClock.now(),
      deps: bot.deps,
      slot: `manual:${randomUUID()}`,
      runs: new JobRepo(db.connection),
    });
    printOutcome(outcome);
  } finally {
    await db.close();
  }
});
