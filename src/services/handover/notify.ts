import { handoverNoticeCard } from '../../../cards/handover-notice';
import { handoverReviewCard } from '../../../cards/handover-review';
import type { AppDeps } from '../../app/deps';
import type { ActivityDoc } from '../../db/models/activity';
import type { HandoverSubmissionDoc, ListFileRef } from '../../db/models/handover';
import type { MaterialDoc } from '../../db/models/material';
import { formatInTz } from '../../domain/deadline';
import { displayName } from '../../domain/roles';
import { sendFile } from '../../feishu/file-sender';
import type { Target } from '../../feishu/messenger';
import { th, thPerLang } from '../../i18n/messages-handover';
import { numberRange } from './finalize';
import { pendingOriginals } from './originals';
import { timelinessClock } from '../../domain/timeliness';
import { reviewView, timelinessText, versionFacts } from './views';

/** Where the organizers read: the activity's group when bound, else the contact and submitter. */
export function organizerTargets(activity: ActivityDoc, submittedBy?: string): Target[] {
  if (activity.chatId) return [{ chatId: activity.chatId }];
  return [...new Set([activity.contact, ...(submittedBy ? [submittedBy] : [])])].map((openId) => ({
    openId,
  }));
}

const targetKey = (t: Target) => ('chatId' in t ? t.chatId : t.openId);

/** Sends a stored list file (keyed: a retried task posts it once per target). */
export async function sendListFile(
  ref: ListFileRef,
  target: Target,
  key: string,
  deps: AppDeps,
): Promise<void> {
  const bytes = await deps.repos.handover.blobs.readHandoverFile(ref.blobId);
  await sendFile(
    { api: deps.api, deliveries: deps.repos.deliveries, clock: deps.clock },
    target,
    { name: ref.fileName, bytes },
    `${key}:${targetKey(target)}`,
  );
}

async function archivistTargets(deps: AppDeps): Promise<Target[]> {
  const dir = await deps.directory.load();
  if (dir.archiveChatId) return [{ chatId: dir.archiveChatId }];
  return dir.archivists.map((openId) => ({ openId }));
}

/** The review card of a version as it stands now (decided or not, numbered or not). */
export async function reviewCardFor(s: HandoverSubmissionDoc, deps: AppDeps) {
  const repo = deps.repos.handover;
  const [activity, versions, materials, dir] = await Promise.all([
    deps.repos.activities.findById(s.activityId),
    repo.versions(s.activityId),
    repo.liveMaterials(s.activityId),
    deps.directory.load(),
  ]);
  if (!activity) throw new Error(`activity ${s.activityId} not found`);
  const range = s.finalizedAt ? numberRange(materials) : undefined;
  return handoverReviewCard(
    reviewView({
      activity,
      submission: s,
      versions,
      materials,
      dir,
      tz: deps.config.tz,
      ...(range ? { numbers: range } : {}),
    }),
  );
}

/**
 * After a submit: the transfer list goes into the chat it was submitted from, and the archivists
 * get the review card with the list beside it. Keys derive from the version, so a retried task
 * sends nothing twice.
 */
export async function announceSubmission(
  s: HandoverSubmissionDoc,
  where: Target,
  deps: AppDeps,
): Promise<void> {
  await sendListFile(s.list, where, `list:${s._id}`, deps);
  const card = await reviewCardFor(s, deps);
  for (const target of await archivistTargets(deps)) {
    const key = `review:${s._id}:${targetKey(target)}`;
    const messageId = await deps.messenger.sendCard(target, card, key);
    if (messageId) await deps.repos.handover.addReviewMessage(s._id, messageId);
    await sendListFile(s.list, target, `list:${s._id}`, deps);
  }
}

/** Re-renders the archivists' review cards (after the decision and again once numbered). */
export async function refreshReviewCards(s: HandoverSubmissionDoc, deps: AppDeps): Promise<void> {
  const card = await reviewCardFor(s, deps);
  for (const messageId of s.reviewMessageIds) {
    await deps.messenger.patchCard(messageId, card);
  }
}

/** Tells the organizers a version came back, with the reason and whether it counts as minor. */
export async function notifyReturned(submissionId: string, deps: AppDeps): Promise<void> {
  const repo = deps.repos.handover;
  const s = await repo.submission(submissionId);
  if (!s || s.status !== 'returned') return;
  const activity = await deps.repos.activities.findById(s.activityId);
  if (!activity) return;
  const dir = await deps.directory.load();
  const versions = await repo.versions(s.activityId);
  const tz = deps.config.tz;
  // The clock this version ran on; after a minor return the next version keeps it.
  const first = timelinessClock(versions.filter((v) => v.version <= s.version).map(versionFacts));
  const card = handoverNoticeCard({
    activityId: activity._id,
    title: th('ho.notice.returned.title', { code: activity.code }),
    color: 'orange',
    body: th('ho.notice.returned', {
      name: displayName(s.decidedBy ?? '', dir),
      title: activity.title,
      version: s.version,
      reason: s.returnReason ?? '',
    }),
    extra: s.minor
      ? th('ho.notice.minor', { date: formatInTz((first ?? s).submittedAt, tz) })
      : th('ho.notice.major', {
          deadline: formatInTz(activity.effectiveDeadline, tz, 'YYYY-MM-DD'),
        }),
    resubmit: true,
  });
  for (const target of organizerTargets(activity, s.submittedBy)) {
    await deps.messenger.sendCard(target, card, `returned:${s._id}:${targetKey(target)}`);
  }
  await refreshReviewCards(s, deps);
}

/** Tells the organizers their handover was accepted, with the numbers and originals to bring. */
export async function notifyAccepted(
  s: HandoverSubmissionDoc,
  activity: ActivityDoc,
  items: readonly MaterialDoc[],
  deps: AppDeps,
): Promise<void> {
  const dir = await deps.directory.load();
  const tz = deps.config.tz;
  const versions = await deps.repos.handover.versions(s.activityId);
  const range = numberRange(items) ?? { first: '—', last: '—', n: 0 };
  const pending = pendingOriginals(items);
  const timeliness = timelinessText(versions, s, tz);
  const card = handoverNoticeCard({
    activityId: activity._id,
    title: th('ho.notice.accepted.title', { code: activity.code }),
    color: 'green',
    body: thPerLang('ho.notice.accepted', (lang) => ({
      name: displayName(s.decidedBy ?? '', dir),
      at: s.decidedAt ? formatInTz(s.decidedAt, tz) : '',
      title: activity.title,
      version: s.version,
      timeliness: timeliness[lang],
      n: range.n,
      first: range.first,
      last: range.last,
    })),
    ...(pending.length
      ? {
          extra: thPerLang('ho.notice.toDeliver', (lang) => ({
            n: pending.length,
            items: pending.map((p) => p.text[lang]).join(lang === 'zh_cn' ? '；' : '; '),
          })),
        }
      : {}),
  });
  for (const target of organizerTargets(activity, s.submittedBy)) {
    await deps.messenger.sendCard(target, card, `accepted:${s._id}:${targetKey(target)}`);
    if (s.acceptedList) await sendListFile(s.acceptedList, target, `alist:${s._id}`, deps);
  }
  if (s.acceptedList && s.decidedBy) {
    await sendListFile(s.acceptedList, { openId: s.decidedBy }, `alist:${s._id}`, deps);
  }
  await refreshReviewCards(s, deps);
}
