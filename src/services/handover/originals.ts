import type { OriginalLine, OriginalsView } from '../../../cards/handover-views';
import { ORIGINAL_LINES_SHOWN } from '../../../cards/handover-originals';
import type { AppDeps } from '../../app/deps';
import type { ActivityDoc } from '../../db/models/activity';
import type { MaterialDoc } from '../../db/models/material';
import { formatInTz } from '../../domain/deadline';
import { DomainError } from '../../domain/errors';
import { rolesOf } from '../../domain/roles';
import { orderItems } from '../../domain/transfer-list';
import { th } from '../../i18n/messages-handover';
import type { I18nText } from '../../i18n/t';
import { numberRange } from './finalize';
import { toListItem } from './transfer-list';

/** Physical items and documents (their paper originals), in list order. */
function originalsOf(items: readonly MaterialDoc[]): MaterialDoc[] {
  const byId = new Map(items.map((m) => [m._id, m]));
  const wanted = items.filter(
    (m) =>
      m.status === 'stored' && !m.attachedTo && (m.kind === 'physical' || m.kind === 'document'),
  );
  return orderItems(wanted.map(toListItem)).map((i) => byId.get(i.id)!);
}

const receivedAt = (m: MaterialDoc): Date | undefined =>
  m.kind === 'physical' ? m.physical?.receivedAt : m.originalReceivedAt;

function lineText(m: MaterialDoc): I18nText {
  if (m.kind === 'physical') {
    const p = m.physical;
    return th('ho.orig.physical', {
      name: p?.name ?? m._id,
      quantity: p?.quantity ?? 1,
      location: p?.location ?? '',
    });
  }
  const title = m.description?.title ?? m.fileName ?? m._id;
  return th('ho.orig.paper', { title: m.archiveNo ? `${m.archiveNo} ${title}` : title });
}

/** Originals not yet received, as lines. */
export function pendingOriginals(items: readonly MaterialDoc[]): OriginalLine[] {
  return originalsOf(items)
    .filter((m) => !receivedAt(m))
    .map((m) => ({ materialId: m._id, text: lineText(m) }));
}

/** The originals card: pending ones first, then those received. */
export function originalsView(
  activity: ActivityDoc,
  items: readonly MaterialDoc[],
  tz: string,
): OriginalsView {
  const all = originalsOf(items).map((m) => {
    const at = receivedAt(m);
    return {
      materialId: m._id,
      text: lineText(m),
      ...(at ? { receivedAt: formatInTz(at, tz) } : {}),
    };
  });
  const ordered = [...all.filter((l) => !l.receivedAt), ...all.filter((l) => l.receivedAt)];
  return {
    activityId: activity._id,
    code: activity.code,
    lines: ordered,
    more: Math.max(0, ordered.length - ORIGINAL_LINES_SHOWN),
  };
}

/**
 * An archivist marks one original received: a physical item, or a document's paper original. Once
 * only (a second tap changes nothing); written to the audit log.
 */
export async function receiveOriginal(
  activityId: string,
  materialId: string,
  operator: string,
  deps: AppDeps,
): Promise<{ activity: ActivityDoc; changed: boolean }> {
  if (!rolesOf(operator, await deps.directory.load()).archivist) {
    throw new DomainError('not_archivist');
  }
  const activity = await deps.repos.activities.findById(activityId);
  if (!activity) throw new DomainError('activity_not_found');
  const repo = deps.repos.handover;
  const m = await repo.material(materialId);
  if (!m || m.activityId !== activityId) throw new DomainError('activity_not_found');
  const now = deps.clock.now();
  const changed =
    m.kind === 'physical'
      ? await repo.markPhysicalReceived(materialId, operator, now)
      : await repo.markPaperReceived(materialId, now);
  if (changed) {
    await deps.repos.activities.recordAudit({
      activityId,
      at: now,
      actor: operator,
      action: 'original_received',
      changes: [{ field: m.kind === 'physical' ? 'physical' : 'paper', after: materialId }],
    });
  }
  return { activity, changed };
}

/**
 * The status card's handover line once accepted: the archive numbers and what is still to arrive;
 * undefined before acceptance (the status card keeps its own text).
 */
export async function acceptedStatusText(
  activity: ActivityDoc,
  deps: AppDeps,
): Promise<I18nText | undefined> {
  if (activity.state !== 'accepted') return undefined;
  const items = await deps.repos.handover.liveMaterials(activity._id);
  const range = numberRange(items);
  const state = range ? th('ho.status.accepted', { ...range }) : undefined;
  if (!state) return undefined;
  const pending = pendingOriginals(items);
  if (pending.length === 0) {
    return {
      zh_cn: th('ho.status.allIn', { state: state.zh_cn }).zh_cn,
      en_us: th('ho.status.allIn', { state: state.en_us }).en_us,
    };
  }
  const list = (lang: 'zh_cn' | 'en_us') =>
    pending
      .slice(0, 5)
      .map((p) => p.text[lang])
      .join(lang === 'zh_cn' ? '；' : '; ') + (pending.length > 5 ? '…' : '');
  return {
    zh_cn: th('ho.status.pending', { state: state.zh_cn, n: pending.length, items: list('zh_cn') })
      .zh_cn,
    en_us: th('ho.status.pending', { state: state.en_us, n: pending.length, items: list('en_us') })
      .en_us,
  };
}
