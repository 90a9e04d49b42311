import type { Config } from '../config/env';
import type { WorkCalendar } from '../domain/work-calendar';
import type { ActivityRepo } from '../db/activity-repo';
import type { ActivitySummaryRepo } from '../db/activity-summary-repo';
import type { ConsoleSessionRepo } from '../db/console-session-repo';
import type { DeliveryRepo } from '../db/delivery-repo';
import type { DirectoryRepo } from '../db/directory-repo';
import type { DirectorySyncRepo } from '../db/directory-sync-repo';
import type { ExtensionRepo } from '../db/extension-repo';
import type { ArchiveRepo } from '../db/archive-repo';
import type { HandoverRepo } from '../db/handover-repo';
import type { InboxRepo } from '../db/inbox-repo';
import type { JobRepo } from '../db/job-repo';
import type { MaterialRepo } from '../db/material-repo';
import type { MaterialCurationRepo } from '../db/material-curation-repo';
import type { ReminderRepo } from '../db/reminder-repo';
import type { BackupCustodyRepo } from '../db/backup-custody-repo';
import type { BackupRepo } from '../db/backup-repo';
import type { BackupStoreRepo } from '../db/backup-store-repo';
import type { FeishuApi } from '../feishu/api';
import type { Messenger } from '../feishu/messenger';
import type { Clock } from '../lib/clock';
import type { Logger } from '../lib/logger';
import type { DirectoryCache } from './directory-cache';

/** Everything handlers and services may use, passed in (never imported as singletons). */
export interface AppDeps {
  config: Config;
  log: Logger;
  clock: Clock;
  /** Which days are workdays (State Council + college file), built once at start. */
  calendar: WorkCalendar;
  repos: {
    inbox: InboxRepo;
    deliveries: DeliveryRepo;
    directory: DirectoryRepo;
    directorySync: DirectorySyncRepo;
    activities: ActivityRepo;
    jobs: JobRepo;
    reminders: ReminderRepo;
    backup: BackupRepo;
    backupCustody: BackupCustodyRepo;
    backupStore: BackupStoreRepo;
    materials: MaterialRepo;
    curation: MaterialCurationRepo;
    extensions: ExtensionRepo;
    handover: HandoverRepo;
    archives: ArchiveRepo;
    /** The console's activities table rows. */
    summaries: ActivitySummaryRepo;
    consoleSessions: ConsoleSessionRepo;
  };
  /** The directory snapshot and the actors resolved from it (cached; refreshed on import). */
  directory: DirectoryCache;
  api: FeishuApi;
  messenger: Messenger;
}
