import type { AppDeps } from '../../app/deps';
import type { ActivityDoc } from '../../db/models/activity';
import type { HandoverSubmissionDoc } from '../../db/models/handover';
import { transition } from '../../domain/activity-lifecycle';
import { DEFAULT_RETENTION } from '../../domain/archive-number';
import type { PrecheckReport } from '../../domain/handover-precheck';
import { loadManaged } from '../activities/manage';
import { runPrecheck } from './precheck';
import { storeTransferList } from './transfer-list';

export type SubmitOutcome =
  | { kind: 'blocked'; activity: ActivityDoc; report: PrecheckReport }
  | { kind: 'warnings'; activity: ActivityDoc; report: PrecheckReport }
  | {
      kind: 'submitted';
      activity: ActivityDoc;
      report: PrecheckReport;
      submission: HandoverSubmissionDoc;
    }
  /** Already under review or accepted (a double tap, or someone else submitted first). */
  | { kind: 'already'; activity: ActivityDoc };

/**
 * "Submit handover": runs the pre-check and, when nothing blocks (and warnings were seen and
 * confirmed, or there are none), stores the transfer list as a new version, inserts the version
 * (a unique `_id` per version number: a double tap submits once), moves the activity to
 * handover_submitted and records it in the audit log. Registrant, contact and archivists may submit.
 */
export async function submitHandover(
  activityId: string,
  operator: string,
  opts: { confirm: boolean },
  deps: AppDeps,
): Promise<SubmitOutcome> {
  const { activity } = await loadManaged(activityId, operator, deps);
  if (activity.state === 'handover_submitted' || activity.state === 'accepted') {
    return { kind: 'already', activity };
  }
  const event = activity.state === 'returned' ? 'resubmit' : 'submit_handover';
  const next = transition(activity.state, event);
  if (!next.ok) throw next.error;
  const { report, materials } = await runPrecheck(activity, deps);
  if (!report.ok) return { kind: 'blocked', activity, report };
  if (report.warnings.length > 0 && !opts.confirm) return { kind: 'warnings', activity, report };

  const repo = deps.repos.handover;
  const previous = await repo.versions(activityId);
  const version = (previous.at(-1)?.version ?? 0) + 1;
  const now = deps.clock.now();
  const { ref, data } = await storeTransferList(
    activity,
    materials,
    { version, submittedBy: operator, submittedAt: now },
    deps,
  );
  const submission = await repo.insertSubmission({
    activityId,
    version,
    status: 'submitted',
    submittedBy: operator,
    submittedAt: now,
    originalDeadline: activity.deadline,
    effectiveDeadline: activity.effectiveDeadline,
    materialIds: data.rows.map((r) => r.materialId),
    totals: data.totals,
    checklistGaps: report.warnings.filter((w) => w.code === 'checklist_gap').length,
    list: ref,
    retention: DEFAULT_RETENTION,
    reviewMessageIds: [],
  });
  if (!submission) {
    await repo.blobs.deleteHandoverFile(ref.blobId);
    return { kind: 'already', activity };
  }
  const moved = await deps.repos.activities.update(
    activityId,
    [activity.state],
    { state: next.state },
    [],
    now,
  );
  if (!moved) {
    // The activity changed meanwhile (cancelled, or submitted by someone else): undo this version.
    await repo.deleteSubmission(submission._id);
    await repo.blobs.deleteHandoverFile(ref.blobId);
    const current = (await deps.repos.activities.findById(activityId)) ?? activity;
    return { kind: 'already', activity: current };
  }
  await deps.repos.activities.recordAudit({
    activityId,
    at: now,
    actor: operator,
    action: 'handover_submitted',
    changes: [
      { field: 'handover', after: `v${version}` },
      { field: 'listDigest', after: ref.digest },
    ],
  });
  return { kind: 'submitted', activity: moved, report, submission };
}
