import type { Card } from '../../../cards/card';
import {
  publicityFiledCard,
  publicityFilingCard,
  unfiledPublicityListCard,
} from '../../../cards/material-publicity';
import type { AppDeps } from '../../app/deps';
import type { ActivityDoc } from '../../db/models/activity';
import type { MaterialDoc } from '../../db/models/material';
import { formatInTz } from '../../domain/deadline';
import { isDescribed, mergeDescription } from '../../domain/material-description';
import { canFilePublicityBatch, PUBLICITY_WINDOW_DAYS } from '../../domain/material-items';
import { displayName, rolesOf } from '../../domain/roles';
import { tmd, type MaterialsDescribeMessageKey } from '../../i18n/messages-materials-describe';
import type { I18nText } from '../../i18n/t';
import { assertEditable, MaterialRefusal } from './access';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Activities listed on a filing card (the search finds the others). */
const OPTIONS = 8;
/** Why a publicity item was dropped at filing: its content was already archived for the activity. */
export const DUPLICATE_REASON = 'duplicate';

function kindsText(items: readonly MaterialDoc[]): I18nText {
  const counts = new Map<string, number>();
  for (const m of items) counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1);
  const parts = [...counts].map(([kind, n]) => ({
    label: tmd(`mdesc.kind.${kind}` as MaterialsDescribeMessageKey),
    n,
  }));
  return {
    zh_cn: parts.map((p) => `${p.label.zh_cn} ${p.n}`).join('、'),
    en_us: parts.map((p) => `${p.label.en_us} ${p.n}`).join(', '),
  };
}

/**
 * The filing card of a publicity batch: activities under way or ended within 60 days, newest first,
 * or those matching `q` (code or title). Undefined when nothing of the batch is left to file.
 */
export async function filingCardFor(
  batchId: string,
  deps: AppDeps,
  opts: { q?: string; reminder?: boolean } = {},
): Promise<Card | undefined> {
  const items = (await deps.repos.curation.batchItems(batchId)).filter((m) => !m.activityId);
  const first = items[0];
  if (!first) return undefined;
  const now = deps.clock.now();
  const dir = await deps.directory.load();
  const candidates = await deps.repos.curation.filingCandidates(
    new Date(now.getTime() - PUBLICITY_WINDOW_DAYS * DAY_MS),
    opts.q,
    OPTIONS,
  );
  const tz = deps.config.tz;
  return publicityFilingCard({
    batchId,
    count: items.length,
    kinds: kindsText(items),
    senderName: displayName(first.sender, dir),
    ...(opts.reminder ? { reminder: { date: formatInTz(first.createdAt, tz, 'YYYY-MM-DD') } } : {}),
    ...(opts.q ? { q: opts.q } : {}),
    options: candidates.map((a) => ({
      activityId: a._id,
      code: a.code,
      title: a.title,
      date: formatInTz(a.startAt, tz, 'YYYY-MM-DD'),
    })),
  });
}

/** Sends a filing card privately (a reply when `replyTo` is given) and remembers it for the batch. */
export async function sendFilingCard(
  batchId: string,
  to: { openId: string; replyTo?: string; chatId?: string },
  key: string,
  deps: AppDeps,
  opts: { reminder?: boolean } = {},
): Promise<boolean> {
  const card = await filingCardFor(batchId, deps, opts);
  if (!card) return false;
  const messageId = to.replyTo
    ? await deps.messenger.replyCard(to.replyTo, card, key, to.chatId)
    : await deps.messenger.sendCard({ openId: to.openId }, card, key);
  await deps.repos.curation.rememberCard(
    { _id: messageId, kind: 'filing', batchId },
    deps.clock.now(),
  );
  return true;
}

async function filedCard(
  activity: ActivityDoc,
  batchId: string,
  by: string,
  deps: AppDeps,
): Promise<Card> {
  const all = await deps.repos.curation.batchAll(batchId);
  const filed = all.filter((m) => m.activityId === activity._id && m.status === 'stored');
  const duplicates = filed.filter((m) => m.removeReason === DUPLICATE_REASON).length;
  const dir = await deps.directory.load();
  return publicityFiledCard({
    activityId: activity._id,
    batchId,
    code: activity.code,
    title: activity.title,
    count: filed.length,
    duplicates,
    byName: displayName(by, dir),
  });
}

export interface FiledOutcome {
  card: Card;
  activity: ActivityDoc;
  /** False when someone had filed the batch before (to this activity or another). */
  filedNow: boolean;
}

/**
 * Files a whole publicity batch to an activity in one tap, by its sender or an archivist. One unique
 * insert per batch decides the activity (two people tapping at once file it once); each item then
 * takes the activity, keeps source `publicity`, gets the sender as default photographer, and claims
 * its content for the activity — content already archived there is dropped (marked removed as a
 * duplicate, bytes kept) and counted on the card.
 */
export async function fileBatch(
  batchId: string,
  activityId: string,
  operator: string,
  deps: AppDeps,
  except?: string,
): Promise<FiledOutcome> {
  const all = await deps.repos.curation.batchAll(batchId);
  const first = all[0];
  if (!first) throw new MaterialRefusal(tmd('mdesc.pub.gone'));
  const dir = await deps.directory.load();
  if (!canFilePublicityBatch(rolesOf(operator, dir), first.sender))
    throw new MaterialRefusal(tmd('mdesc.pub.notAllowed'));
  const chosen = await deps.repos.activities.findById(activityId);
  if (!chosen) throw new MaterialRefusal(tmd('mdesc.pub.gone'));
  const now = deps.clock.now();
  const filing = await deps.repos.curation.filingOf(batchId);
  if (!filing) assertEditable(chosen);
  const decision =
    filing ?? (await deps.repos.curation.claimFiling(batchId, activityId, operator, now));
  const activity =
    decision.activityId === activityId
      ? chosen
      : await deps.repos.activities.findById(decision.activityId);
  if (!activity) throw new MaterialRefusal(tmd('mdesc.pub.gone'));
  const photographer = displayName(first.sender, dir);
  let moved = 0;
  for (const item of all) {
    if (item.status !== 'stored' || item.activityId) continue;
    const holder = item.sha256
      ? await deps.repos.curation.claimHash(activity._id, item.sha256, item._id, now)
      : undefined;
    const description = mergeDescription({ photographer }, item.description);
    const set: Partial<MaterialDoc> = {
      activityId: activity._id,
      description,
      described: isDescribed({ ...item, description }),
    };
    // Removed first, then moved: a retry after a crash in between still sees it unfiled.
    if (holder) await deps.repos.curation.markRemoved(item._id, 'bot', DUPLICATE_REASON, now);
    else moved += 1;
    await deps.repos.curation.update(item._id, set, now);
  }
  if (moved > 0) {
    await deps.repos.activities.recordAudit({
      activityId: activity._id,
      at: now,
      actor: operator,
      action: 'material.filed',
      changes: [{ field: 'materials', after: moved }],
    });
  }
  const card = await filedCard(activity, batchId, decision.by, deps);
  await patchOtherFilingCards(batchId, card, except, deps);
  return {
    card,
    activity,
    filedNow: !filing && decision.by === operator && decision.activityId === activityId,
  };
}

/** The batch's other filing cards (the sender's, the archivists' reminder) show the outcome too. */
async function patchOtherFilingCards(
  batchId: string,
  card: Card,
  except: string | undefined,
  deps: AppDeps,
): Promise<void> {
  for (const messageId of await deps.repos.curation.cardsOf(batchId, 'filing')) {
    if (messageId === except) continue;
    try {
      await deps.messenger.patchCard(messageId, card);
    } catch (err) {
      // A card older than 14 days cannot change; the batch is filed all the same.
      deps.log.warn({ err: String(err), messageId, batchId }, 'publicity.card_patch_failed');
    }
  }
}

/** Archivists' list of publicity batches waiting to be filed. */
export async function unfiledListCard(deps: AppDeps): Promise<Card> {
  const dir = await deps.directory.load();
  const batches = await deps.repos.curation.unfiledBatches();
  return unfiledPublicityListCard({
    batches: batches.slice(0, 20).map((b) => ({
      batchId: b.batchId,
      senderName: displayName(b.sender, dir),
      date: formatInTz(b.firstAt, deps.config.tz, 'YYYY-MM-DD HH:mm'),
      count: b.count,
    })),
  });
}
