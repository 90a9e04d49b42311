import { materialIntakeAckCard, type IntakeAckView } from '../../../cards/material-intake-ack';
import type { AppDeps } from '../../app/deps';
import type {
  IntakeItem,
  MaterialBatchDoc,
  MaterialIntakeDoc,
} from '../../db/models/material-intake';
import { formatInTz } from '../../domain/deadline';
import { megapixels } from '../../domain/material-quality';
import { isIntakeKey, ti, type IntakeMessageKey } from '../../i18n/messages-intake';
import type { I18nText } from '../../i18n/t';
import { onBatchAcknowledged } from './ack-hook';
import { onPublicityBatchStored } from './publicity-hook';

/** A row still collecting after this long no longer holds its batch back (its record failed). */
const STALE_COLLECTING_MS = 15 * 60 * 1000;

const kindLabel = (kind: string | undefined): I18nText =>
  ti(`intake.kind.${kind ?? 'unknown'}` as IntakeMessageKey);

const formatOf = (mime: string | undefined): string =>
  (mime?.split('/')[1] ?? '?').replace(/^x-/, '').toUpperCase();

const textOf = (key: string | undefined, item: IntakeItem): I18nText => {
  if (!key || !isIntakeKey(key)) return ti('intake.fail.download_failed');
  return ti(key, {
    width: item.image?.width ?? 0,
    height: item.image?.height ?? 0,
    mp: item.image ? megapixels(item.image) : '?',
    format: formatOf(item.mime),
  });
};

/** Names items as people know them: the file name, else "照片 2" counting within the batch. */
function namer(): (item: IntakeItem) => I18nText {
  const counts = new Map<string, number>();
  return (item) => {
    if (item.fileName) return { zh_cn: item.fileName, en_us: item.fileName };
    const n = (counts.get(item.kind ?? '') ?? 0) + 1;
    counts.set(item.kind ?? '', n);
    const label = kindLabel(item.kind);
    return { zh_cn: `${label.zh_cn} ${n}`, en_us: `${label.en_us} ${n}` };
  };
}

/** The acknowledgement card's view of a batch's rows. */
export async function ackView(
  batch: MaterialBatchDoc,
  rows: MaterialIntakeDoc[],
  deps: AppDeps,
): Promise<IntakeAckView> {
  const name = namer();
  const view: IntakeAckView = {
    batchId: batch._id,
    stored: [],
    duplicates: [],
    failed: [],
    warnings: [],
  };
  if (batch.activityId) {
    const a = await deps.repos.activities.findById(batch.activityId);
    if (a) view.activity = { id: a._id, code: a.code, title: a.title };
  }
  for (const item of rows.flatMap((r) => r.items)) {
    const itemName = name(item);
    if (item.outcome === 'stored') {
      view.stored.push({ name: itemName });
      for (const w of item.warnings)
        view.warnings.push({ name: itemName, warning: textOf(w, item) });
    } else if (item.outcome === 'failed') {
      view.failed.push({ name: itemName, reason: textOf(item.failReason, item) });
    } else if (item.outcome === 'duplicate' && item.original) {
      const o = item.original;
      view.duplicates.push({
        name: itemName,
        original: o.fileName ? { zh_cn: o.fileName, en_us: o.fileName } : kindLabel(o.kind),
        at: formatInTz(new Date(o.at), deps.config.tz),
      });
    } else {
      view.duplicates.push({ name: itemName });
    }
  }
  return view;
}

async function sendAck(
  batch: MaterialBatchDoc,
  rows: MaterialIntakeDoc[],
  key: string,
  deps: AppDeps,
): Promise<void> {
  const first = rows[0]!;
  if (!batch.activityId) {
    const handled = await onPublicityBatchStored(
      {
        batchId: batch._id,
        chatId: batch.chatId,
        sender: batch.sender,
        rows,
        storedIds: rows.flatMap((r) =>
          r.items.filter((i) => i.outcome === 'stored').map((i) => i.materialId),
        ),
        replyKey: key,
        replyTo: first._id,
      },
      deps,
    );
    if (handled) return;
  }
  const card = materialIntakeAckCard(await ackView(batch, rows, deps));
  const cardMessageId = await deps.messenger.replyCard(first._id, card, key, batch.chatId);
  await onBatchAcknowledged(
    {
      batchId: batch._id,
      ...(batch.activityId ? { activityId: batch.activityId } : {}),
      cardMessageId,
    },
    deps,
  );
}

/**
 * The acknowledgement task of one collected message. The batch is answered once, by whichever of
 * its rows' tasks first finds it complete: the sender paused for the window and no row is still
 * downloading. Earlier tasks find it incomplete and stop (a later row's task comes after); a row that
 * finishes after its batch was answered gets a card of its own. Sends carry keys, so a crash
 * between sending and recording never sends twice.
 */
export async function acknowledgeIntake(rowId: string, deps: AppDeps): Promise<void> {
  const { intake } = deps.repos.materials;
  const row = await intake.row(rowId);
  if (!row?.batchId || row.status !== 'collected') return;
  const batch = await intake.batch(row.batchId);
  if (!batch) return;
  const now = deps.clock.now();
  if (batch.ackedAt) {
    if (batch.ackedRowIds?.includes(rowId)) return;
    await sendAck(batch, [row], `intake-ack:${batch._id}:${rowId}`, deps);
    return;
  }
  // The sender is still sending: a later row's task comes after this one (checked before any reads).
  const windowMs = deps.config.intakeBatchWindowSeconds * 1000;
  if (now.getTime() < batch.lastAt.getTime() + windowMs) return;
  const rows = (await intake.rowsByIds(batch.rowIds))
    .filter((r) => r.batchId === batch._id)
    .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  const busy = rows.some(
    (r) =>
      r.status === 'collecting' && now.getTime() - r.receivedAt.getTime() < STALE_COLLECTING_MS,
  );
  if (busy) return;
  const done = rows.filter((r) => r.status === 'collected');
  if (!(await intake.claimAck(batch._id, rowId, now))) return;
  await sendAck(batch, done, `intake-ack:${batch._id}`, deps);
  await intake.markAcked(
    batch._id,
    done.map((r) => r._id),
    now,
  );
}
