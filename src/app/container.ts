import type { Connection } from 'mongoose';
import type Koa from 'koa';
import type { Config } from '../config/env';
import { loadWorkCalendar } from '../config/work-calendar';
import type { WorkCalendar } from '../domain/work-calendar';
import { ActivityRepo } from '../db/activity-repo';
import { ActivitySummaryRepo } from '../db/activity-summary-repo';
import { ConsoleSessionRepo } from '../db/console-session-repo';
import { DeliveryRepo } from '../db/delivery-repo';
import { DirectoryRepo } from '../db/directory-repo';
import { DirectorySyncRepo } from '../db/directory-sync-repo';
import { InboxRepo } from '../db/inbox-repo';
import { JobRepo } from '../db/job-repo';
import { MaterialRepo } from '../db/material-repo';
import { MaterialCurationRepo } from '../db/material-curation-repo';
import { ReminderRepo } from '../db/reminder-repo';
import { BackupCustodyRepo } from '../db/backup-custody-repo';
import { BackupRepo } from '../db/backup-repo';
import { BackupStoreRepo } from '../db/backup-store-repo';
import { ExtensionRepo } from '../db/extension-repo';
import { ArchiveRepo } from '../db/archive-repo';
import { HandoverRepo } from '../db/handover-repo';
import { ensureIndexes } from '../db/indexes';
import { FeishuApi } from '../feishu/api';
import { Messenger } from '../feishu/messenger';
import { createSdkClient } from '../feishu/sdk-client';
import { buildInboxHandlers, INBOX_FAILED_TASK } from '../handlers';
import { enqueueTask } from '../inbox/intake';
import { InboxWorker } from '../inbox/worker';
import type { Clock } from '../lib/clock';
import type { Logger } from '../lib/logger';
import { registerSecret } from '../lib/logger';
import { DatabaseFigures } from '../metrics/scrape';
import { createHttpApp } from '../server/app';
import type { AppDeps } from './deps';
import { DirectoryCache } from './directory-cache';

export interface BotApp {
  deps: AppDeps;
  worker: InboxWorker;
  http: Koa;
  /** The database figures /metrics reports (also served by main.ts's METRICS_PORT listener). */
  figures: DatabaseFigures;
}

/**
 * Wires the bot from config and an open database: repositories, the Feishu client, the inbox worker
 * and the HTTP app. The same wiring serves `npm start`, the demo, the tests and the benchmarks.
 */
export async function buildBot(opts: {
  config: Config;
  log: Logger;
  clock: Clock;
  connection: Connection;
  /** Built by the caller (main reports a bad file before anything starts); else from config. */
  calendar?: WorkCalendar;
}): Promise<BotApp> {
  const { config, log, clock, connection } = opts;
  const calendar = opts.calendar ?? loadWorkCalendar(config.collegeCalendarFile);
  for (const secret of [
    config.feishu.appSecret,
    config.feishu.encryptKey,
    config.feishu.verificationToken,
    ...(config.metrics.token !== undefined ? [config.metrics.token] : []),
    config.console.sessionSecret,
  ])
    registerSecret(secret);
  await ensureIndexes(connection);
  const repos = {
    inbox: new InboxRepo(connection),
    deliveries: new DeliveryRepo(connection),
    directory: new DirectoryRepo(connection),
    directorySync: new DirectorySyncRepo(connection),
    activities: new ActivityRepo(connection),
    jobs: new JobRepo(connection),
    reminders: new ReminderRepo(connection),
    backup: new BackupRepo(connection),
    backupCustody: new BackupCustodyRepo(connection),
    backupStore: new BackupStoreRepo(connection),
    materials: new MaterialRepo(connection),
    curation: new MaterialCurationRepo(connection),
    extensions: new ExtensionRepo(connection),
    handover: new HandoverRepo(connection),
    archives: new ArchiveRepo(connection),
    summaries: new ActivitySummaryRepo(connection, config.tz),
    consoleSessions: new ConsoleSessionRepo(connection),
  };
  const { client, cache } = createSdkClient({
    appId: config.feishu.appId,
    appSecret: config.feishu.appSecret,
    domain: config.feishu.domain,
    logger: log,
  });
  const api = new FeishuApi(client, cache, log);
  const messenger = new Messenger(api, repos.deliveries, clock);
  const directory = new DirectoryCache(repos.directory);
  const deps: AppDeps = { config, log, clock, calendar, repos, directory, api, messenger };
  const worker = new InboxWorker(repos.inbox, buildInboxHandlers(deps), clock, log, {
    ...config.inbox,
    onGaveUp: async (record, error) => {
      if (record.type === INBOX_FAILED_TASK) return;
      await enqueueTask(repos.inbox, clock, {
        key: `alert:${record._id}`,
        type: INBOX_FAILED_TASK,
        payload: { eventId: record.eventId, type: record.type, attempts: record.attempts, error },
      });
    },
  });
  // /metrics: on the main server behind the token, or on a listener of its own (main.ts), or off.
  const figures = new DatabaseFigures(deps);
  const { token, port } = config.metrics;
  const http = createHttpApp({
    deps,
    connection,
    onAccepted: () => worker.poke(),
    ...(token !== undefined && port === undefined ? { metrics: { token, figures } } : {}),
  });
  return { deps, worker, http, figures };
}
