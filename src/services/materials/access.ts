import type { AppDeps } from '../../app/deps';
import type { ActivityDoc } from '../../db/models/activity';
import type { MaterialDoc } from '../../db/models/material';
import type { Directory } from '../../domain/directory';
import { canChangeMaterial, materialsEditable } from '../../domain/material-items';
import { displayName, rolesOf } from '../../domain/roles';
import { tmd } from '../../i18n/messages-materials-describe';
import type { I18nText } from '../../i18n/t';

/**
 * A rule said no, with the text to show (a toast after a tap, a notice card after a message). The
 * material features use their own catalogue, so they do not go through DomainError's codes.
 */
export class MaterialRefusal extends Error {
  constructor(readonly text: I18nText) {
    super(text.en_us);
    this.name = 'MaterialRefusal';
  }
}

/** Materials change until the handover is accepted; a cancelled activity is restored first. */
export function assertEditable(activity: ActivityDoc): void {
  if (materialsEditable(activity.state)) return;
  throw new MaterialRefusal(
    tmd(activity.state === 'cancelled' ? 'mdesc.cancelledLocked' : 'mdesc.locked', {
      code: activity.code,
    }),
  );
}

/**
 * The uploader, the activity's registrant or contact, or an archivist may change an item; anyone else
 * is told who may.
 */
export function assertMayChange(
  operator: string,
  activity: ActivityDoc,
  items: readonly Pick<MaterialDoc, 'sender'>[],
  dir: Directory,
): void {
  const roles = rolesOf(operator, dir);
  if (items.some((m) => canChangeMaterial(roles, activity, m))) return;
  if (items.length === 0 && canChangeMaterial(roles, activity, { sender: '' })) return;
  const contact = displayName(activity.contact, dir);
  if (items.length === 0) throw new MaterialRefusal(tmd('mdesc.notManager', { contact }));
  const uploaders = [...new Set(items.map((m) => displayName(m.sender, dir)))].join('、');
  throw new MaterialRefusal(tmd('mdesc.notAllowed', { uploader: uploaders, contact }));
}

/** The activity an item or batch belongs to; an unfiled publicity batch has to be filed first. */
export async function activityOfItems(
  items: readonly MaterialDoc[],
  deps: AppDeps,
): Promise<ActivityDoc> {
  const activityId = items[0]?.activityId;
  if (!activityId) throw new MaterialRefusal(tmd('mdesc.fileFirst'));
  const activity = await deps.repos.activities.findById(activityId);
  if (!activity) throw new MaterialRefusal(tmd('mdesc.batchGone'));
  return activity;
}
