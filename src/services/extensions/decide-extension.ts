import {
  alreadyDecidedText,
  extensionDecisionCard,
  extensionResultCard,
} from '../../../cards/extension-decision';
import type { Card } from '../../../cards/card';
import type { AppDeps } from '../../app/deps';
import type { ActivityDoc } from '../../db/models/activity';
import type { ExtensionDecisionDoc, ExtensionRequestDoc } from '../../db/models/extension';
import { ACTIVITY_STATES } from '../../domain/activity-lifecycle';
import { formatInTz } from '../../domain/deadline';
import type { Directory } from '../../domain/directory';
import { DomainError } from '../../domain/errors';
import {
  cardExpiry,
  decideExtension,
  deciderFor,
  type ExtensionDecisionKind,
} from '../../domain/extension';
import { displayName, rolesOf } from '../../domain/roles';
import { td, tdPerLang } from '../../i18n/messages-deadline';
import type { I18nText } from '../../i18n/t';
import { enqueueTask } from '../../inbox/intake';
import { decisionView, deciderLabel } from './extension-views';

/** Inbox task that tells the requester and the group, and updates the other decision cards. */
export const EXTENSION_DECIDED_TASK = 'task.extension_decided';

export interface DecideOutcome {
  card?: Card;
  toast: { type: 'success' | 'error' | 'info'; text: I18nText };
}

async function load(requestId: string, deps: AppDeps) {
  const req = await deps.repos.extensions.findById(requestId);
  if (!req) throw new DomainError('activity_not_found');
  const [activity, dir] = await Promise.all([
    deps.repos.activities.findById(req.activityId),
    deps.directory.load(),
  ]);
  if (!activity) throw new DomainError('activity_not_found');
  return { req, activity, dir };
}

/** The request as it reads once `decision` is on it. */
const withDecision = (req: ExtensionRequestDoc, d: ExtensionDecisionDoc): ExtensionRequestDoc => ({
  ...req,
  status: d.status,
  decidedBy: d.decidedBy,
  decidedAs: d.decidedAs,
  decidedAt: d.decidedAt,
  ...(d.comment ? { comment: d.comment } : {}),
});

async function decidedCard(
  req: ExtensionRequestDoc,
  activity: ActivityDoc,
  dir: Directory,
  deps: AppDeps,
): Promise<Card> {
  return extensionDecisionCard(await decisionView(req, activity, dir, deps));
}

/**
 * One tap on approve or reject. Authority is the directory's at this moment (the domain rule); the
 * decision is a single insert under the request's id, so two taps, two devices or two deciders
 * racing produce exactly one decision and every loser is told who decided.
 */
export async function decideExtensionRequest(
  requestId: string,
  decision: ExtensionDecisionKind,
  comment: string | undefined,
  operator: string,
  deps: AppDeps,
): Promise<DecideOutcome> {
  const { req, activity, dir } = await load(requestId, deps);
  let ruled;
  try {
    ruled = decideExtension({
      request: {
        status: req.status,
        unit: activity.unit,
        ...(req.decidedBy ? { decider: req.decidedBy } : {}),
      },
      decision,
      actor: rolesOf(operator, dir),
      dir,
      ...(comment !== undefined ? { comment } : {}),
    });
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    if (err.code === 'not_leader_in_charge') {
      const who = deciderLabel(activity.unit, dir);
      return {
        toast: {
          type: 'error',
          text: tdPerLang('ext.toast.not_decider', (l) => ({ who: who[l] })),
        },
      };
    }
    if (err.code === 'already_decided' && req.status !== 'pending' && req.decidedBy) {
      return {
        card: await decidedCard(req, activity, dir, deps),
        toast: {
          type: 'info',
          text: alreadyDecidedText(displayName(req.decidedBy, dir), req.status),
        },
      };
    }
    throw err;
  }
  const now = deps.clock.now();
  const outcome = await deps.repos.extensions.decide({
    _id: req._id,
    activityId: activity._id,
    status: ruled.status,
    decidedBy: ruled.decidedBy,
    decidedAs: ruled.decidedAs,
    decidedAt: now,
    ...(ruled.comment ? { comment: ruled.comment } : {}),
  });
  const decided = withDecision(req, outcome.decision);
  if (!outcome.won) {
    const status = outcome.decision.status;
    return {
      card: await decidedCard(decided, await current(activity, deps), dir, deps),
      toast: {
        type: 'info',
        text: alreadyDecidedText(displayName(outcome.decision.decidedBy, dir), status),
      },
    };
  }
  const after = await applyDecision(decided, outcome.decision, activity, deps);
  return {
    card: await decidedCard(decided, after, dir, deps),
    toast: {
      type: 'success',
      text: td(ruled.status === 'approved' ? 'ext.toast.approved' : 'ext.toast.rejected'),
    },
  };
}

async function current(activity: ActivityDoc, deps: AppDeps): Promise<ActivityDoc> {
  return (await deps.repos.activities.findById(activity._id)) ?? activity;
}

/**
 * Writes what a decision means: the request's status, the activity's deadline (approval), the
 * history entry, and the follow-up notices (through the inbox, so they go out once). Idempotent, so
 * the follow-up job can finish a decision whose writer crashed halfway.
 */
export async function applyDecision(
  req: ExtensionRequestDoc,
  decision: ExtensionDecisionDoc,
  activity: ActivityDoc,
  deps: AppDeps,
): Promise<ActivityDoc> {
  await deps.repos.extensions.markDecided(decision);
  let after = activity;
  if (decision.status === 'approved') {
    after =
      (await deps.repos.activities.update(
        activity._id,
        ACTIVITY_STATES,
        { extendedDeadline: req.requestedDeadline, effectiveDeadline: req.requestedDeadline },
        [],
        decision.decidedAt,
      )) ?? activity;
  }
  await deps.repos.activities.recordAudit({
    activityId: activity._id,
    at: decision.decidedAt,
    actor: decision.decidedBy,
    action: decision.status === 'approved' ? 'extension.approved' : 'extension.rejected',
    changes:
      decision.status === 'approved'
        ? [{ field: 'deadline', before: req.currentDeadline, after: req.requestedDeadline }]
        : [],
    ...(decision.comment ? { reason: decision.comment } : {}),
  });
  await enqueueTask(deps.repos.inbox, deps.clock, {
    key: `ext-decided:${req._id}`,
    type: EXTENSION_DECIDED_TASK,
    payload: { requestId: req._id },
  });
  return after;
}

/**
 * After a decision: the requester (privately) and the bound group get the result; every decision
 * card still inside the platform's update window is patched to show it, older ones are re-sent.
 */
export async function notifyDecision(requestId: string, taskKey: string, deps: AppDeps) {
  const { req, activity, dir } = await load(requestId, deps);
  if (req.status === 'pending' || !req.decidedBy) return;
  const deadline = formatInTz(activity.effectiveDeadline, deps.config.tz, 'YYYY-MM-DD');
  const result = extensionResultCard({
    code: activity.code,
    title: activity.title,
    status: req.status,
    who: displayName(req.decidedBy, dir),
    deadline,
    ...(req.comment ? { comment: req.comment } : {}),
  });
  await deps.messenger.sendCard({ openId: req.requester }, result, `${taskKey}:requester`);
  if (activity.chatId)
    await deps.messenger.sendCard({ chatId: activity.chatId }, result, `${taskKey}:group`);
  const card = await decidedCard(req, activity, dir, deps);
  const now = deps.clock.now();
  for (const ref of req.cards) {
    if (now.getTime() < cardExpiry(ref.sentAt).getTime()) {
      await deps.messenger.patchCard(ref.messageId, card);
    } else {
      await deps.messenger.sendCard(
        { openId: ref.openId },
        card,
        `${taskKey}:resend:${ref.openId}`,
      );
    }
  }
}

/** Who gets the decision card: the leader in charge, or every archivist when the unit has none. */
export function decisionRecipients(unit: string, dir: Directory): string[] {
  const decider = deciderFor(unit, dir);
  return decider.kind === 'leader' ? [decider.openId] : [...dir.archivists];
}

/** Sends (or re-sends under a new key) the decision card to each decider and remembers the message. */
export async function sendDecisionCards(
  requestId: string,
  key: string,
  deps: AppDeps,
  opts: { waitingWorkdays?: number } = {},
): Promise<number> {
  const { req, activity, dir } = await load(requestId, deps);
  if (req.status !== 'pending') return 0;
  const card = extensionDecisionCard(await decisionView(req, activity, dir, deps, opts));
  const recipients = decisionRecipients(activity.unit, dir);
  for (const openId of recipients) {
    const messageId = await deps.messenger.sendCard({ openId }, card, `${key}:${openId}`);
    if (!req.cards.some((c) => c.messageId === messageId))
      await deps.repos.extensions.addCard(req._id, { openId, messageId, sentAt: deps.clock.now() });
  }
  return recipients.length;
}
