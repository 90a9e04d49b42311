/**
 * Pure rules of the backup regulation (重要档案数字资源备份管理办法): priorities (第二条, 第十一条),
 * kinds of backup (第四条), how files are named inside a bag, when a copy is due for a fixity check,
 * and which items share content (value assessment before backup).
 */

/** 珍贵 / 破损 / 急用 / 一般, highest first (第二条: 珍贵档案优先、破损档案优先、急用档案优先). */
export const PRIORITIES = ['precious', 'damaged', 'urgent', 'normal'] as const;
export type Priority = (typeof PRIORITIES)[number];
/** 实时备份 / 定期完全备份 / 阶段性脱机备份. */
export const BACKUP_KINDS = ['realtime', 'full', 'staged'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];
/** A bag on the register: one of the kinds, or the yearly off-site package (第五条). */
export type BagKind = BackupKind | 'offsite';
export const COPY_ROLES = ['use', 'sealed'] as const;
export type CopyRole = (typeof COPY_ROLES)[number];

export const priorityRank = (p: Priority | undefined): number => PRIORITIES.indexOf(p ?? 'normal');

/** An item's own priority wins over its activity's; neither set means normal. */
export function effectivePriority(
  own: Priority | undefined,
  activity: Priority | undefined,
): Priority {
  return own ?? activity ?? 'normal';
}

/** Stable order: highest priority first, then oldest first, then id. */
export function orderByPriority<T extends { priority: Priority; createdAt: Date; id: string }>(
  items: readonly T[],
): T[] {
  return [...items].sort(
    (a, b) =>
      priorityRank(a.priority) - priorityRank(b.priority) ||
      a.createdAt.getTime() - b.createdAt.getTime() ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** A path segment safe in manifests, `sha256sum -c` and every file system we write to. */
export function safeSegment(text: string): string {
  const cleaned = text
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\\/:*?"<>|%\s\u0000-\u001f]+/g, '_')
    .replace(/^\.+/, '_')
    .slice(0, 120);
  return cleaned === '' ? '_' : cleaned;
}

/** The extension of the original file name (lower case, with the dot), or ''. */
export function extensionOf(fileName: string | undefined): string {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(fileName ?? '');
  return m ? `.${m[1]!.toLowerCase()}` : '';
}

/**
 * Where an item's bytes go inside a bag: by archive number where assigned, else by activity code and
 * item id (第四条 data named so a person can find them without the database).
 */
export function payloadPath(item: {
  id: string;
  archiveNo?: string | undefined;
  activityCode?: string | undefined;
  fileName?: string | undefined;
}): string {
  const folder = safeSegment(item.activityCode ?? '_unfiled');
  const base = item.archiveNo ? safeSegment(item.archiveNo) : safeSegment(item.id);
  return `data/files/${folder}/${base}${extensionOf(item.fileName)}`;
}

/** `20260302T020000Z`: a bag id's time part, always UTC so ids sort by time everywhere. */
export function utcStamp(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** A bag id: `<target>-<kind>-<UTC stamp>-<suffix>`; the suffix keeps two runs in one second apart. */
export function bagIdFor(targetId: string, kind: BagKind, at: Date, suffix: string): string {
  return `${targetId}-${kind}-${utcStamp(at)}-${suffix}`;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** True when a copy last checked at `last` (or created at `created`) is due for a fixity check. */
export function fixityDue(
  copy: { createdAt: Date; lastCheckedAt?: Date | undefined },
  everyDays: number,
  now: Date,
): boolean {
  const since = copy.lastCheckedAt ?? copy.createdAt;
  return now.getTime() - since.getTime() >= everyDays * DAY_MS;
}

/** True when the last event (a drill, a live-store check) is older than `everyDays`, or never. */
export const periodDue = (last: Date | undefined, everyDays: number, now: Date): boolean =>
  !last || now.getTime() - last.getTime() >= everyDays * DAY_MS;

export interface HashedItem {
  id: string;
  sha256: string;
  activityId?: string | undefined;
  decision?: 'keep' | 'exclude' | undefined;
}

/** Items that share one SHA-256. `undecided` lists those no archivist has marked keep or exclude. */
export interface DuplicateGroup {
  sha256: string;
  items: HashedItem[];
  undecided: string[];
}

/**
 * Content stored under more than one item (第十一条: avoid redundant data). A group is reported while
 * at least two of its items are not excluded and one of them is undecided.
 */
export function duplicateGroups(items: readonly HashedItem[]): DuplicateGroup[] {
  const bySha = new Map<string, HashedItem[]>();
  for (const item of items) {
    const list = bySha.get(item.sha256);
    if (list) list.push(item);
    else bySha.set(item.sha256, [item]);
  }
  const groups: DuplicateGroup[] = [];
  for (const [sha256, list] of bySha) {
    const live = list.filter((i) => i.decision !== 'exclude');
    const undecided = list.filter((i) => i.decision === undefined).map((i) => i.id);
    if (live.length >= 2 && undecided.length > 0) {
      groups.push({ sha256, items: [...list].sort((a, b) => (a.id < b.id ? -1 : 1)), undecided });
    }
  }
  return groups.sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1));
}

/** Why an item has no bytes in a bag. */
export type Omission = 'excluded' | 'removed' | 'no-file' | 'priority-filter';

/** Whether an item's bytes belong in a bag for a target limited (or not) to some priorities. */
export function omissionOf(
  item: {
    removedAt?: Date | undefined;
    valueDecision?: 'keep' | 'exclude' | undefined;
    blobId?: string | undefined;
    sha256?: string | undefined;
    status: string;
    priority: Priority;
  },
  onlyPriorities: readonly Priority[] | undefined,
): Omission | undefined {
  if (item.valueDecision === 'exclude') return 'excluded';
  if (item.removedAt) return 'removed';
  if (item.status !== 'stored' || !item.blobId || !item.sha256) return 'no-file';
  if (onlyPriorities && !onlyPriorities.includes(item.priority)) return 'priority-filter';
  return undefined;
}
