import type { AppDeps } from '../../app/deps';
import type { ActivityDoc } from '../../db/models/activity';
import type { HandoverDecisionDoc, HandoverSubmissionDoc } from '../../db/models/handover';
import { transition } from '../../domain/activity-lifecycle';
import { isRetention, type Retention } from '../../domain/archive-number';
import { DomainError } from '../../domain/errors';
import { rolesOf } from '../../domain/roles';
import { enqueueTask } from '../../inbox/intake';

/** Task types that finish a decision off the callback's 3 seconds (handlers/index.ts). */
export const FINALIZE_TASK = 'task.handover_finalize';
export const RETURNED_TASK = 'task.handover_returned';

export type DecisionInput =
  | { kind: 'accept'; retention: Retention }
  | { kind: 'return'; reason: string; minor: boolean };

export interface DecisionOutcome {
  /** False when another decision came first (the card then shows that one). */
  won: boolean;
  decision: HandoverDecisionDoc | null;
  submission: HandoverSubmissionDoc;
  activity: ActivityDoc;
}

/**
 * Accepts or returns a submitted version. Only archivists decide; a return needs a reason. The
 * decision is the unique insert of `decision:<submissionId>`, so when two archivists tap at the same
 * moment exactly one decision exists and the other is told who decided. The winner marks the
 * version, moves the activity (accepted: its materials become read-only; returned: open again),
 * writes the audit log and queues the slow part: numbering and the new list (accept) or telling the
 * organizer (return).
 */
export async function decideHandover(
  submissionId: string,
  operator: string,
  input: DecisionInput,
  deps: AppDeps,
): Promise<DecisionOutcome> {
  if (!rolesOf(operator, await deps.directory.load()).archivist) {
    throw new DomainError('not_archivist');
  }
  const repo = deps.repos.handover;
  const submission = await repo.submission(submissionId);
  if (!submission) throw new DomainError('activity_not_found');
  const activity = await deps.repos.activities.findById(submission.activityId);
  if (!activity) throw new DomainError('activity_not_found');
  if (submission.status !== 'submitted') {
    return { won: false, decision: await repo.decision(submissionId), submission, activity };
  }
  const reason = input.kind === 'return' ? input.reason.trim().slice(0, 500) : undefined;
  const next = transition(activity.state, input.kind, reason ? { reason } : {});
  if (!next.ok) throw next.error;
  if (input.kind === 'accept' && !isRetention(input.retention)) {
    throw new DomainError('validation_failed', { field: 'retention' });
  }
  const now = deps.clock.now();
  const doc: Omit<HandoverDecisionDoc, '_id'> = {
    submissionId,
    activityId: activity._id,
    kind: input.kind,
    by: operator,
    at: now,
    ...(input.kind === 'accept'
      ? { retention: input.retention }
      : { reason: reason ?? '', minor: input.minor }),
  };
  if (!(await repo.insertDecision(doc))) {
    return { won: false, decision: await repo.decision(submissionId), submission, activity };
  }
  const set: Partial<HandoverSubmissionDoc> =
    input.kind === 'accept'
      ? { status: 'accepted', decidedBy: operator, decidedAt: now, retention: input.retention }
      : {
          status: 'returned',
          decidedBy: operator,
          decidedAt: now,
          returnReason: reason ?? '',
          minor: input.minor,
        };
  await repo.updateSubmission(submissionId, set);
  const moved =
    (await deps.repos.activities.update(
      activity._id,
      ['handover_submitted'],
      { state: next.state },
      [],
      now,
    )) ?? activity;
  await deps.repos.activities.recordAudit({
    activityId: activity._id,
    at: now,
    actor: operator,
    action: input.kind === 'accept' ? 'handover_accepted' : 'handover_returned',
    changes: [
      { field: 'handover', before: `v${submission.version}`, after: set.status },
      ...(input.kind === 'accept' ? [{ field: 'retention', after: input.retention }] : []),
      ...(input.kind === 'return' ? [{ field: 'minor', after: input.minor }] : []),
    ],
    ...(reason ? { reason } : {}),
  });
  await enqueueTask(deps.repos.inbox, deps.clock, {
    key: `${input.kind === 'accept' ? 'finalize' : 'returned'}:${submissionId}`,
    type: input.kind === 'accept' ? FINALIZE_TASK : RETURNED_TASK,
    payload: { submissionId },
  });
  return {
    won: true,
    decision: { _id: `decision:${submissionId}`, ...doc },
    submission: { ...submission, ...set },
    activity: moved,
  };
}
