import type { Connection } from 'mongoose';
import {
  activityModel,
  auditEventModel,
  chatBindingModel,
  chatModel,
  counterModel,
  registrationClaimModel,
  reminderMarkModel,
} from './models/activity';
import { deliveryModel } from './models/delivery';
import {
  directorySettingsModel,
  directorySyncPlanModel,
  personModel,
  unitModel,
} from './models/directory';
import {
  inboxClaimModel,
  inboxDoneModel,
  inboxEventModel,
  inboxQueueModel,
} from './models/inbox-event';
import { extensionDecisionModel, extensionRequestModel } from './models/extension';
import { jobRunModel } from './models/job';
import { consoleSessionModel } from './models/console-session';
import { activitySummaryModel, summaryDirtyModel } from './models/activity-summary';
import { reminderWindowModel } from './models/reminder-window';
import { handoverModels } from './models/handover';
import { materialHashModel, materialModel } from './models/material';
import {
  materialBatchAckModel,
  materialBatchHeadModel,
  materialBatchModel,
  materialIntakeModel,
} from './models/material-intake';
import { backupModels } from './models/backup';
import {
  materialCardModel,
  publicityFilingModel,
  publicityReminderModel,
} from './models/material-card';

/** Every model of the bot; new collections are added here so their indexes exist at start. */
export function allModels(conn: Connection) {
  return [
    inboxEventModel(conn),
    consoleSessionModel(conn),
    activitySummaryModel(conn),
    summaryDirtyModel(conn),
    inboxClaimModel(conn),
    inboxQueueModel(conn),
    inboxDoneModel(conn),
    deliveryModel(conn),
    unitModel(conn),
    personModel(conn),
    directorySettingsModel(conn),
    directorySyncPlanModel(conn),
    activityModel(conn),
    counterModel(conn),
    chatBindingModel(conn),
    auditEventModel(conn),
    chatModel(conn),
    registrationClaimModel(conn),
    reminderMarkModel(conn),
    jobRunModel(conn),
    reminderWindowModel(conn),
    extensionRequestModel(conn),
    extensionDecisionModel(conn),
    materialModel(conn),
    materialHashModel(conn),
    ...handoverModels(conn),
    materialIntakeModel(conn),
    materialBatchModel(conn),
    materialBatchHeadModel(conn),
    materialBatchAckModel(conn),
    ...backupModels(conn),
    materialCardModel(conn),
    publicityFilingModel(conn),
    publicityReminderModel(conn),
  ];
}

/** Creates collections and indexes (idempotent). Runs at every start, before any traffic. */
export async function ensureIndexes(conn: Connection): Promise<void> {
  for (const model of allModels(conn)) {
    await model.createCollection().catch((err: unknown) => {
      // 48 = NamespaceExists: the collection is already there, which is the normal case after the first start.
      if ((err as { code?: number }).code !== 48) throw err;
    });
    await model.createIndexes();
  }
}
