import type { ExtensionDecisionView } from '../../../cards/extension-decision';
import type { AppDeps } from '../../app/deps';
import type { ActivityDoc } from '../../db/models/activity';
import type { ExtensionRequestDoc } from '../../db/models/extension';
import { formatInTz } from '../../domain/deadline';
import type { Directory } from '../../domain/directory';
import { deciderFor } from '../../domain/extension';
import { displayName } from '../../domain/roles';
import { td } from '../../i18n/messages-deadline';
import { same, type I18nText } from '../../i18n/t';
import { materialCounts } from '../activities/cards';
import { checklistLines } from '../activities/view-models';

export const unitName = (code: string, dir: Directory): string =>
  dir.units.find((u) => u.code === code)?.name ?? code;

/** Who decides the unit's requests, as people read it. */
export function deciderLabel(unit: string, dir: Directory): I18nText {
  const decider = deciderFor(unit, dir);
  return decider.kind === 'leader'
    ? same(displayName(decider.openId, dir))
    : td('ext.decider.archivists');
}

/** Items collected, share described and required checklist gaps: what a leader weighs. */
export async function progressOf(
  activity: ActivityDoc,
  deps: AppDeps,
): Promise<ExtensionDecisionView['progress']> {
  const counts = await materialCounts(activity, deps);
  const items =
    counts.documents + counts.photos + counts.audio + counts.video + counts.links + counts.physical;
  const gaps = checklistLines(activity, counts).filter((l) => l.required && !l.done).length;
  const describedPct = items === 0 ? 0 : Math.round(((items - counts.undescribed) / items) * 100);
  return { items, describedPct, gaps };
}

/** The decision card's data for a request (pending or decided). */
export async function decisionView(
  req: ExtensionRequestDoc,
  activity: ActivityDoc,
  dir: Directory,
  deps: AppDeps,
  opts: { waitingWorkdays?: number } = {},
): Promise<ExtensionDecisionView> {
  const tz = deps.config.tz;
  const day = (d: Date) => formatInTz(d, tz, 'YYYY-MM-DD');
  return {
    requestId: req._id,
    code: activity.code,
    title: activity.title,
    unitName: unitName(activity.unit, dir),
    requesterName: displayName(req.requester, dir),
    progress: await progressOf(activity, deps),
    currentDeadline: day(req.currentDeadline),
    requestedDeadline: day(req.requestedDeadline),
    reason: req.reason,
    asArchivist: deciderFor(req.unit, dir).kind === 'archivists',
    ...(opts.waitingWorkdays !== undefined ? { waitingWorkdays: opts.waitingWorkdays } : {}),
    ...(req.status !== 'pending' && req.decidedBy && req.decidedAt
      ? {
          decided: {
            status: req.status,
            who: displayName(req.decidedBy, dir),
            at: formatInTz(req.decidedAt, tz),
            deadline: day(
              req.status === 'approved' ? req.requestedDeadline : activity.effectiveDeadline,
            ),
            ...(req.comment ? { comment: req.comment } : {}),
          },
        }
      : {}),
  };
}
