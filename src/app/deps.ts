import type { Config } from '../config/env';
import type { ActivityRepo } from '../db/activity-repo';
import type { DeliveryRepo } from '../db/delivery-repo';
import type { DirectoryRepo } from '../db/directory-repo';
import type { ExtensionRepo } from '../db/extension-repo';
import type { InboxRepo } from '../db/inbox-repo';
import type { JobRepo } from '../db/job-repo';
import type { MaterialCurationRepo } from '../db/material-curation-repo';
import type { ReminderRepo } from '../db/reminder-repo';
import type { FeishuApi } from '../feishu/api';
import type { Messenger } from '../feishu/messenger';
import type { Clock } from '../lib/clock';
import type { Logger } from '../lib/logger';

/** Everything handlers and services may use, passed in (never imported as singletons). */
export interface AppDeps {
  config: Config;
  log: Logger;
  clock: Clock;
  repos: {
    inbox: InboxRepo;
    deliveries: DeliveryRepo;
    directory: DirectoryRepo;
    activities: ActivityRepo;
    jobs: JobRepo;
    reminders: ReminderRepo;
    curation: MaterialCurationRepo;
    extensions: ExtensionRepo;
  };
  api: FeishuApi;
  messenger: Messenger;
}
