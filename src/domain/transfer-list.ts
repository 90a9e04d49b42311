/**
 * The transfer list (移交清册, 第七条3) as data: items in handover order with the columns of the
 * archive list of DA/T 22-2015 (序号、档号、文号、责任者、题名、日期、密级、页数、备注) plus kind, count,
 * file name, size and SHA-256; the photo sheet (组号、照片号、题名、时间、地点、人物、背景、摄影者) and the
 * physical-items sheet; totals; and a digest of the list's content that the header prints (the file's
 * own SHA-256 cannot be inside it). Numbering has no gaps: 序号 runs 1..n over the rows.
 *
 * Photos of a physical item and captured copies of a link are part of that item: their files appear
 * in its row (names, sizes and hashes joined), not as rows of their own.
 *
 * Order: documents and links, then photos, audio and video, then physical items (the checklist's
 * order); within a kind by date (document date or time taken), then arrival, then id, so the list
 * regenerated at acceptance keeps the submitted order.
 */
import { createHash } from 'node:crypto';
import type { MaterialKind } from './categories';
import { formatInTz } from './deadline';
import type { Description } from './material-description';

export const KIND_ORDER: readonly MaterialKind[] = [
  'document',
  'link',
  'photo',
  'audio',
  'video',
  'physical',
];

export const KIND_LABELS: Record<MaterialKind, { zh_cn: string; en_us: string }> = {
  document: { zh_cn: '文件', en_us: 'Document' },
  link: { zh_cn: '网页', en_us: 'Web page' },
  photo: { zh_cn: '照片', en_us: 'Photo' },
  audio: { zh_cn: '录音', en_us: 'Audio' },
  video: { zh_cn: '录像', en_us: 'Video' },
  physical: { zh_cn: '实物', en_us: 'Physical item' },
};

/** What the list needs of one item (a projection of MaterialDoc). */
export interface ListItem {
  id: string;
  kind: MaterialKind;
  fileName?: string;
  size?: number;
  sha256?: string;
  blobId?: string;
  batchId?: string;
  sentAt: Date;
  createdAt: Date;
  description?: Description;
  physical?: {
    name: string;
    type: string;
    quantity: number;
    description: string;
    location: string;
    receivedAt?: Date;
  };
  link?: { url: string; title: string; source: string };
  archiveNo?: string;
  /** A photo of a physical item or a captured copy of a link: listed in that item's row. */
  attachedTo?: string;
}

export interface ListRow {
  seq: number;
  materialId: string;
  archiveNo: string;
  docNumber: string;
  author: string;
  title: string;
  /** YYYYMMDD (DA/T 22: 8 digits). */
  date: string;
  secrecy: string;
  pages: number | null;
  note: string;
  kind: MaterialKind;
  count: number;
  fileName: string;
  size: number | null;
  sha256: string;
}

export interface PhotoRow {
  seq: number;
  archiveNo: string;
  group: string;
  photoNo: string;
  title: string;
  time: string;
  place: string;
  people: string;
  background: string;
  photographer: string;
}

export interface PhysicalRow {
  seq: number;
  archiveNo: string;
  name: string;
  type: string;
  quantity: number;
  description: string;
  location: string;
  receivedAt: string;
}

export interface ListTotals {
  items: number;
  pages: number;
  files: number;
  bytes: number;
}

export interface TransferListData {
  rows: ListRow[];
  photos: PhotoRow[];
  physical: PhysicalRow[];
  totals: ListTotals;
  /** SHA-256 of the list's content (rows, sheets and totals, as canonical JSON). */
  digest: string;
}

const dateOf = (item: ListItem): Date =>
  item.description?.docDate ?? item.description?.takenAt ?? item.sentAt;

/** Handover order (see the file comment). */
export function orderItems<T extends ListItem>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      dateOf(a).getTime() - dateOf(b).getTime() ||
      a.sentAt.getTime() - b.sentAt.getTime() ||
      a.createdAt.getTime() - b.createdAt.getTime() ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** A title for items without one: 事由 in brackets (DA/T 22: self-made titles go in [ ]). */
function titleOf(item: ListItem): string {
  if (item.kind === 'physical') return item.physical?.name ?? '';
  if (item.kind === 'link') return item.link?.title ?? '';
  const d = item.description;
  if (d?.title) return d.title;
  if (d?.event) return `[${d.event}]`;
  return item.fileName ? `[${item.fileName}]` : '';
}

function authorOf(item: ListItem, unitName: string): string {
  const d = item.description;
  if (item.kind === 'document') return d?.author ?? unitName;
  if (item.kind === 'link') return item.link?.source ?? '';
  if (item.kind === 'physical') return unitName;
  return d?.photographer ?? '';
}

function noteOf(item: ListItem): string {
  if (item.kind === 'link')
    return [item.link?.url, item.description?.note].filter(Boolean).join(' ');
  if (item.kind === 'physical') return item.physical?.description ?? '';
  return item.description?.note ?? '';
}

/**
 * Builds the list for `items` (the activity's live items, any order). `unitName` stands in as 责任者
 * of documents without one and of physical items; dates are formatted in `tz`.
 */
export function buildTransferList(
  items: readonly ListItem[],
  ctx: { tz: string; unitName: string },
): TransferListData {
  const ordered = orderItems(items.filter((i) => i.attachedTo === undefined));
  const attachments = new Map<string, ListItem[]>();
  for (const a of orderItems(items.filter((i) => i.attachedTo !== undefined))) {
    attachments.set(a.attachedTo!, [...(attachments.get(a.attachedTo!) ?? []), a]);
  }
  const rows: ListRow[] = [];
  const photos: PhotoRow[] = [];
  const physical: PhysicalRow[] = [];
  const groups = new Map<string, { no: number; count: number }>();
  const totals: ListTotals = { items: 0, pages: 0, files: 0, bytes: 0 };
  ordered.forEach((item, i) => {
    const seq = i + 1;
    const d = item.description;
    const archiveNo = item.archiveNo ?? '';
    const withFiles = [item, ...(attachments.get(item.id) ?? [])].filter((f) => f.blobId);
    const bytes = withFiles.reduce((n, f) => n + (f.size ?? 0), 0);
    const pages = item.kind === 'document' && d?.pages ? d.pages : null;
    rows.push({
      seq,
      materialId: item.id,
      archiveNo,
      docNumber: d?.docNumber ?? '',
      author: authorOf(item, ctx.unitName),
      title: titleOf(item),
      date: formatInTz(dateOf(item), ctx.tz, 'YYYYMMDD'),
      secrecy: '',
      pages,
      note: noteOf(item),
      kind: item.kind,
      count: item.kind === 'physical' ? (item.physical?.quantity ?? 1) : 1,
      fileName: withFiles.map((f) => f.fileName ?? '').join('；'),
      size: withFiles.length ? bytes : null,
      sha256: withFiles.map((f) => f.sha256 ?? '').join('；'),
    });
    totals.items += 1;
    totals.pages += pages ?? 0;
    totals.files += withFiles.length;
    totals.bytes += bytes;
    if (item.kind === 'photo') {
      const key = item.batchId ?? item.id;
      const group = groups.get(key) ?? { no: groups.size + 1, count: 0 };
      group.count += 1;
      groups.set(key, group);
      photos.push({
        seq,
        archiveNo,
        group: `G${String(group.no).padStart(3, '0')}`,
        photoNo: String(group.count).padStart(4, '0'),
        title: titleOf(item),
        time: d?.takenAt ? formatInTz(d.takenAt, ctx.tz) : '',
        place: d?.place ?? '',
        people: d?.people ?? '',
        background: [d?.event, d?.note].filter(Boolean).join('；'),
        photographer: d?.photographer ?? '',
      });
    }
    if (item.kind === 'physical' && item.physical) {
      const p = item.physical;
      physical.push({
        seq,
        archiveNo,
        name: p.name,
        type: p.type,
        quantity: p.quantity,
        description: p.description,
        location: p.location,
        receivedAt: p.receivedAt ? formatInTz(p.receivedAt, ctx.tz) : '',
      });
    }
  });
  const digest = createHash('sha256')
    .update(JSON.stringify({ rows, photos, physical, totals }))
    .digest('hex');
  return { rows, photos, physical, totals, digest };
}
