import { resolve } from 'node:path';
import type { Server } from 'node:http';
import { buildBot } from './app/container';
import { ConfigError, loadConfig, type Config } from './config/env';
import { readEnvFile } from './config/load-env-file';
import { CalendarFileError, loadWorkCalendar } from './config/work-calendar';
import type { WorkCalendar } from './domain/work-calendar';
import { warnAboutMissingYears } from './services/calendar-status';
import { openDatabase } from './db/connection';
import { prepareSchemaAtStart } from './db/migrations/runner';
import { startLongConnection } from './feishu/long-connection';
import { systemClock } from './lib/clock';
import { createLogger } from './lib/logger';
import { startJobs } from './jobs/scheduler';
import { startMetricsServer } from './metrics/scrape';

const FEISHU_VARS = [
  'FEISHU_APP_ID',
  'FEISHU_APP_SECRET',
  'FEISHU_VERIFICATION_TOKEN',
  'FEISHU_ENCRYPT_KEY',
];

function configOrExit(): Config {
  try {
    return loadConfig(readEnvFile(process.env));
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    if (err.problems.some((p) => FEISHU_VARS.some((v) => p.startsWith(`${v}:`)))) {
      console.error(
        '\nThe bot needs your Feishu app credentials (copy .env.example to .env and fill them in; see README "Feishu app setup").' +
          '\nTo see the bot work without Feishu, run: npm run demo',
      );
    }
    process.exit(1);
  }
}

/** The work calendar, or exit 1 listing every problem of the college calendar file by line. */
function calendarOrExit(config: Config): WorkCalendar {
  try {
    return loadWorkCalendar(config.collegeCalendarFile);
  } catch (err) {
    if (!(err instanceof CalendarFileError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}

/** Process entry: config → database → the roles this process runs → graceful shutdown on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = configOrExit();
  const calendar = calendarOrExit(config);
  const log = createLogger(config.logLevel);
  warnAboutMissingYears(calendar, systemClock.now(), config.tz, log);
  const db = await openDatabase({
    ...(config.mongodbUri ? { mongodbUri: config.mongodbUri } : {}),
    dataDir: resolve(config.dataDir),
    ...(config.ferretdbBin ? { ferretdbBin: config.ferretdbBin } : {}),
    logger: log,
  });
  if (Number(process.versions.node.split('.')[0]) < 22) {
    log.warn({ node: process.versions.node }, 'node.unsupported: run the bot on Node 22 or 24');
  }
  try {
    await prepareSchemaAtStart(db.connection, {
      migrateOnStart: config.migrateOnStart,
      print: (line) => log.info({ line }, 'db.migrate'),
      onWait: (holder) => log.info({ holder }, 'db.migrate.waiting'),
    });
  } catch (err) {
    // A newer database, pending migrations without MIGRATE_ON_START, or a failed migration.
    console.error(err instanceof Error ? err.message : err);
    await db.close();
    process.exit(1);
  }
  const bot = await buildBot({
    config,
    log,
    clock: systemClock,
    connection: db.connection,
    calendar,
  });
  let server: Server | undefined;
  let longConnection: { close(): void } | undefined;
  let jobs: { stop(): Promise<void> } | undefined;

  if (config.roles.includes('web')) {
    if (config.feishu.eventMode === 'websocket') {
      longConnection = startLongConnection(bot.deps, () => bot.worker.poke());
      log.info('feishu.long_connection.started');
    }
    // The HTTP server also runs in websocket mode for /healthz and /readyz.
    server = bot.http.listen(config.port, config.host);
    await new Promise<void>((r) => server!.once('listening', () => r()));
    log.info(
      { host: config.host, port: config.port, mode: config.feishu.eventMode },
      'http.listening',
    );
  }
  let metricsServer: Server | undefined;
  if (config.metrics.port !== undefined) {
    const { host, port, token } = config.metrics;
    metricsServer = await startMetricsServer({ host, port, token }, bot.figures);
    log.info({ host, port, token: token !== undefined }, 'metrics.listening');
  }
  if (config.roles.includes('worker')) bot.worker.start();
  if (config.roles.includes('jobs')) jobs = startJobs(bot.deps);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutdown.start');
    longConnection?.close();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    await new Promise<void>((r) => (metricsServer ? metricsServer.close(() => r()) : r()));
    await jobs?.stop();
    await bot.worker.stop(10_000);
    await db.close();
    log.info('shutdown.done');
    log.flush();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error('Failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
