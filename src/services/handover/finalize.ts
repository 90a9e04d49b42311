import type { AppDeps } from '../../app/deps';
import type { ActivityDoc } from '../../db/models/activity';
import type { HandoverSubmissionDoc } from '../../db/models/handover';
import type { MaterialDoc } from '../../db/models/material';
import type { NumberRequest } from '../../db/handover-repo';
import {
  archiveClassKey,
  archiveClassOf,
  formatArchiveNo,
  retentionLabel,
} from '../../domain/archive-number';
import { orderItems } from '../../domain/transfer-list';
import { storeTransferList, toListItem } from './transfer-list';

/** The numbered range of an accepted handover, for cards. */
export interface NumberRange {
  first: string;
  last: string;
  n: number;
}

export function numberRange(materials: readonly MaterialDoc[]): NumberRange | undefined {
  const numbered = materials
    .filter((m) => m.archiveNo)
    .map((m) => m.archiveNo!)
    .sort();
  if (numbered.length === 0) return undefined;
  return { first: numbered[0]!, last: numbered.at(-1)!, n: numbered.length };
}

/** The accepted version's items still live (and their attachments), in list order. */
function acceptedItems(s: HandoverSubmissionDoc, live: readonly MaterialDoc[]): MaterialDoc[] {
  const listed = new Set(s.materialIds);
  const items = live.filter(
    (m) =>
      m.status === 'stored' && (listed.has(m._id) || (m.attachedTo && listed.has(m.attachedTo))),
  );
  const byId = new Map(items.map((m) => [m._id, m]));
  return orderItems(items.map(toListItem)).map((i) => byId.get(i.id)!);
}

/** One request per class (kind → category code), items in list order. */
function numberRequests(
  activity: ActivityDoc,
  s: HandoverSubmissionDoc,
  items: readonly MaterialDoc[],
  deps: AppDeps,
): NumberRequest[] {
  const byClass = new Map<string, NumberRequest>();
  for (const m of items) {
    // Attachments are part of their item and carry its number.
    if (m.attachedTo) continue;
    const cls = archiveClassOf({
      fondsCode: deps.config.archive.fondsCode,
      categoryCodes: deps.config.archive.categoryCodes,
      kind: m.kind,
      year: activity.year,
      retention: s.retention,
      unit: activity.unit,
    });
    const key = archiveClassKey(cls);
    const req = byClass.get(key) ?? {
      classKey: key,
      materialIds: [],
      format: (n: number) => formatArchiveNo(cls, n),
    };
    req.materialIds.push(m._id);
    byClass.set(key, req);
  }
  return [...byClass.values()];
}

/**
 * The slow half of an acceptance (an inbox task): claims an item number for every item of the
 * accepted version (unique, never reused), writes the archive numbers onto the items, regenerates
 * the transfer list with them and the acceptance (time, archivist, retention), and records the
 * list's digest. Every step is safe to repeat: a retried task reuses its claims and rewrites the
 * same list. Returns the activity, the submission as finalized and the numbered items.
 */
export async function finalizeAcceptance(
  submissionId: string,
  deps: AppDeps,
): Promise<{ activity: ActivityDoc; submission: HandoverSubmissionDoc; items: MaterialDoc[] }> {
  const repo = deps.repos.handover;
  const s = await repo.submission(submissionId);
  if (!s || s.status !== 'accepted') throw new Error(`submission ${submissionId} is not accepted`);
  const activity = await deps.repos.activities.findById(s.activityId);
  if (!activity) throw new Error(`activity ${s.activityId} not found`);
  const items = acceptedItems(s, await repo.liveMaterials(activity._id));
  if (s.finalizedAt && s.acceptedList) return { activity, submission: s, items };
  const now = deps.clock.now();
  const numbers = await repo.claimNumbers(
    numberRequests(activity, s, items, deps),
    { submissionId, activityId: activity._id },
    now,
  );
  const assigned = items.flatMap((m) => {
    const n = numbers.get(m._id);
    return n ? [{ materialId: m._id, archiveNo: n.archiveNo, itemNo: n.itemNo }] : [];
  });
  await repo.setArchiveNumbers(assigned, now);
  const numbered = items.map((m) => {
    const n = numbers.get(m._id);
    return n ? { ...m, archiveNo: n.archiveNo, itemNo: n.itemNo } : m;
  });
  const { ref } = await storeTransferList(
    activity,
    numbered,
    {
      version: s.version,
      submittedBy: s.submittedBy,
      submittedAt: s.submittedAt,
      accepted: {
        at: s.decidedAt ?? now,
        by: s.decidedBy ?? '',
        retention: retentionLabel(s.retention).zh_cn,
      },
    },
    deps,
  );
  if (s.acceptedList) await repo.blobs.deleteHandoverFile(s.acceptedList.blobId);
  const finalized = { ...s, acceptedList: ref, finalizedAt: now };
  await repo.updateSubmission(submissionId, { acceptedList: ref, finalizedAt: now });
  const range = numberRange(numbered);
  await deps.repos.activities.recordAudit({
    activityId: activity._id,
    at: now,
    actor: s.decidedBy ?? 'system',
    action: 'archive_numbers_assigned',
    changes: [
      { field: 'archiveNo', after: range ? `${range.first} … ${range.last}` : '' },
      { field: 'listDigest', after: ref.digest },
      { field: 'listSha256', after: ref.sha256 },
    ],
  });
  return { activity, submission: finalized, items: numbered };
}
