/**
 * The handover pre-check (移交前检查): what must be fixed before a handover can be submitted, and
 * what the organizer should know but may submit anyway. Blocking: no items at all, an item not
 * described (fields per kind, see material-description.ts), an item whose download failed, and every
 * four-property problem of a stored file (four-property-check.ts). Warnings: required checklist items
 * of the category with nothing of their kind (第六条 is a guide, the archivist judges completeness),
 * quality warnings recorded at intake (e.g. below archival resolution). Besides, the physical items
 * that must be brought to the archive room in person are listed (information only).
 */
import { materialChecklist, type CategoryCode, type MaterialKind } from './categories';
import type { FileProblem } from './four-property-check';
import { missingFields, type DescribableItem } from './material-description';

/** What the pre-check needs to know of one live (not removed) item. */
export interface PrecheckItem extends DescribableItem {
  id: string;
  status: 'stored' | 'failed';
  /** The materials feature's own verdict; an item is described when it and the rules agree. */
  described: boolean;
  /** A photo of a physical item or a captured copy of a link: part of that item, not an item. */
  attachedTo?: string;
  /** How to name the item when it has no file name (e.g. "照片 03-06 10:05"). */
  label?: string;
  fileName?: string;
  size?: number;
  failReason?: string;
  warnings: string[];
  /** Whether the item has bytes in the store (digital files). */
  hasBlob: boolean;
}

/** The result of reading one item's bytes from the store (absent for items without bytes). */
export type FileCheck = { found: false } | { found: true; bytes: number; problems: FileProblem[] };

export type BlockingProblem =
  | { code: 'no_items' }
  | { code: 'undescribed'; itemId: string; label: string; missing: string[] }
  | { code: 'failed_item'; itemId: string; label: string; reason?: string }
  | { code: 'blob_missing'; itemId: string; label: string }
  | ({ itemId: string; label: string } & FileProblem);

/** Points the organizer confirms before submitting ("submit anyway"). */
export type Warning =
  | { code: 'checklist_gap'; key: string; zh_cn: string; en_us: string }
  | { code: 'quality'; itemId: string; label: string; warnings: string[] };

/** A physical item whose original must be brought to the archive room (information, not a warning). */
export interface ToDeliver {
  itemId: string;
  label: string;
  quantity: number;
}

export interface PrecheckTotals {
  items: number;
  /** Items with bytes in the store, and how many of those were read back whole. */
  files: number;
  filesRead: number;
  /** Sum of recorded sizes, and of the bytes actually read from the store. */
  bytesRecorded: number;
  bytesRead: number;
  /** Pages of documents, as described. */
  pages: number;
  byKind: Record<MaterialKind, number>;
}

export interface PrecheckReport {
  ok: boolean;
  blocking: BlockingProblem[];
  warnings: Warning[];
  toDeliver: ToDeliver[];
  totals: PrecheckTotals;
}

/** How the organizer recognizes an item: the file name they sent, else its name or title. */
export function itemLabel(item: PrecheckItem): string {
  return (
    item.fileName ??
    item.physical?.name ??
    item.link?.title ??
    item.description?.title ??
    item.label ??
    item.link?.url ??
    item.id
  );
}

/** Zero of every kind. */
export const emptyKinds = (): Record<MaterialKind, number> => ({
  document: 0,
  photo: 0,
  audio: 0,
  video: 0,
  link: 0,
  physical: 0,
});

/**
 * Judges an activity's live items. `files` holds the store reading of each item with bytes, by item
 * id; an item with bytes but no entry there counts as missing from the store.
 */
export function precheck(input: {
  category: CategoryCode;
  items: readonly PrecheckItem[];
  files: ReadonlyMap<string, FileCheck>;
}): PrecheckReport {
  const blocking: BlockingProblem[] = [];
  const warnings: Warning[] = [];
  const toDeliver: ToDeliver[] = [];
  const totals: PrecheckTotals = {
    items: 0,
    files: 0,
    filesRead: 0,
    bytesRecorded: 0,
    bytesRead: 0,
    pages: 0,
    byKind: emptyKinds(),
  };
  if (input.items.every((i) => i.attachedTo !== undefined)) blocking.push({ code: 'no_items' });
  for (const item of input.items) {
    const label = itemLabel(item);
    const attached = item.attachedTo !== undefined;
    if (!attached) {
      totals.items += 1;
      totals.byKind[item.kind] += 1;
      if (item.kind === 'document') totals.pages += item.description?.pages ?? 0;
    }
    if (item.status === 'failed') {
      blocking.push({
        code: 'failed_item',
        itemId: item.id,
        label,
        ...(item.failReason ? { reason: item.failReason } : {}),
      });
      continue;
    }
    // Attachments are described by the item they belong to.
    const missing = attached ? [] : missingFields(item);
    if (missing.length || (!attached && !item.described)) {
      blocking.push({ code: 'undescribed', itemId: item.id, label, missing });
    }
    if (item.hasBlob) {
      totals.files += 1;
      totals.bytesRecorded += item.size ?? 0;
      const check = input.files.get(item.id);
      if (!check?.found) {
        blocking.push({ code: 'blob_missing', itemId: item.id, label });
      } else {
        totals.bytesRead += check.bytes;
        if (check.problems.length === 0) totals.filesRead += 1;
        for (const p of check.problems) blocking.push({ itemId: item.id, label, ...p });
      }
    }
    if (item.warnings.length) {
      warnings.push({ code: 'quality', itemId: item.id, label, warnings: [...item.warnings] });
    }
    if (item.kind === 'physical' && !attached) {
      toDeliver.push({ itemId: item.id, label, quantity: item.physical?.quantity ?? 1 });
    }
  }
  warnings.unshift(...checklistGaps(input.category, totals.byKind));
  return { ok: blocking.length === 0, blocking, warnings, toDeliver, totals };
}

/** Required checklist items of the category with no item of their kind yet. */
export function checklistGaps(
  category: CategoryCode,
  byKind: Readonly<Record<MaterialKind, number>>,
): Extract<Warning, { code: 'checklist_gap' }>[] {
  return materialChecklist(category)
    .filter((c) => c.required && byKind[c.kind] === 0)
    .map((c) => ({ code: 'checklist_gap', key: c.key, zh_cn: c.zh_cn, en_us: c.en_us }));
}
