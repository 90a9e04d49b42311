/**
 * Archive numbers (档号), DA/T 22-2015 §1.2 and DA/T 13-2022: `全宗号-门类代码·年度-保管期限-机构代码-件号`,
 * e.g. `Z001-ZP·2026-Y-JWC-0001`. Item numbers (件号) run per lowest class (fonds, category, year,
 * retention, unit), are four digits zero-padded, unique, and never reused or changed once assigned
 * (the repository claims each number with a unique insert and never deletes a claim).
 */
import type { MaterialKind } from './categories';

/** 保管期限: 永久 (Y), 定期30年 (D30), 定期10年 (D10). Major activities default to permanent. */
export const RETENTIONS = ['Y', 'D30', 'D10'] as const;
export type Retention = (typeof RETENTIONS)[number];
export const DEFAULT_RETENTION: Retention = 'Y';

export const isRetention = (v: unknown): v is Retention =>
  typeof v === 'string' && (RETENTIONS as readonly string[]).includes(v);

const RETENTION_LABELS: Record<Retention, { zh_cn: string; en_us: string }> = {
  Y: { zh_cn: '永久', en_us: 'Permanent' },
  D30: { zh_cn: '定期30年', en_us: '30 years' },
  D10: { zh_cn: '定期10年', en_us: '10 years' },
};

export const retentionLabel = (r: Retention) => RETENTION_LABELS[r];

/** The lowest class an item number runs in. */
export interface ArchiveClass {
  fondsCode: string;
  categoryCode: string;
  year: number;
  retention: Retention;
  /** 机构代码: the organizing unit's code, upper-cased. */
  unitCode: string;
}

/** The class of an item of `kind` in an activity of `unit` and `year`. */
export function archiveClassOf(input: {
  fondsCode: string;
  categoryCodes: Readonly<Record<MaterialKind, string>>;
  kind: MaterialKind;
  year: number;
  retention: Retention;
  unit: string;
}): ArchiveClass {
  return {
    fondsCode: input.fondsCode.toUpperCase(),
    categoryCode: input.categoryCodes[input.kind].toUpperCase(),
    year: input.year,
    retention: input.retention,
    unitCode: input.unit.toUpperCase(),
  };
}

/** A stable key of the class (the counter and claim documents use it); `|` never occurs in codes. */
export const archiveClassKey = (c: ArchiveClass): string =>
  [c.fondsCode, c.categoryCode, c.year, c.retention, c.unitCode].join('|');

/** Four digits zero-padded; numbers past 9999 simply grow a digit rather than wrap. */
export const formatItemNo = (n: number): string => String(n).padStart(4, '0');

/** `Z001-ZP·2026-Y-JWC-0001`. */
export function formatArchiveNo(c: ArchiveClass, itemNo: number): string {
  if (!Number.isInteger(itemNo) || itemNo < 1) throw new RangeError(`bad item number ${itemNo}`);
  return `${c.fondsCode}-${c.categoryCode}·${c.year}-${c.retention}-${c.unitCode}-${formatItemNo(itemNo)}`;
}

const ARCHIVE_NO =
  /^([A-Z0-9]{1,12})-([A-Z0-9]{1,12})·(\d{4})-(Y|D30|D10)-([A-Z0-9]{1,16})-(\d{4,})$/;

/** Parses an archive number (as typed in a search, case-insensitive); undefined when it is not one. */
export function parseArchiveNo(text: string): (ArchiveClass & { itemNo: number }) | undefined {
  const m = ARCHIVE_NO.exec(
    text
      .trim()
      .toUpperCase()
      .replace(/[.．・]/g, '·'),
  );
  if (!m) return undefined;
  return {
    fondsCode: m[1]!,
    categoryCode: m[2]!,
    year: Number(m[3]),
    retention: m[4] as Retention,
    unitCode: m[5]!,
    itemNo: Number(m[6]),
  };
}

/**
 * The item numbers to try next in a class, given the counter's hint and the numbers already known
 * to be taken: `count` consecutive candidates starting after `hint`. The repository claims them
 * with unique inserts and calls again past any it lost.
 */
export function nextCandidates(hint: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => hint + 1 + i);
}
