/**
 * The `字段：值` text people type in reply to the bot's cards, and the values in it: field names in
 * Chinese or English, half- or full-width colons, `#N` lines for one item, dates as people write
 * them, document types and page counts. Pure: the time zone comes in as an argument.
 */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { MaterialKind } from './categories';
import { parseFeishuDateTime } from './deadline';
import {
  DOC_TYPE_EN,
  DOC_TYPES,
  isMediaKind,
  TEXT_MAX,
  type Description,
  type DescribableItem,
  type DescriptionIssue,
  type DocType,
  type TextField,
} from './material-description';

dayjs.extend(utc);
dayjs.extend(timezone);

const ALIASES: Record<TextField, string[]> = {
  time: [
    '时间',
    '拍摄时间',
    '录制时间',
    '录音时间',
    '日期',
    '成文日期',
    '文件日期',
    'time',
    'date',
    'taken',
    'when',
  ],
  place: ['地点', '拍摄地点', '地方', 'place', 'location', 'where'],
  people: ['人物', '人员', '参加人员', '出席人员', '参会人员', 'people', 'persons', 'who'],
  event: ['事由', '事件', '内容', '活动内容', 'event', 'subject', 'what'],
  photographer: [
    '摄影者',
    '摄影人',
    '摄影',
    '拍摄者',
    '拍摄人',
    '摄像者',
    '摄像',
    '录制者',
    '录制人',
    '录音者',
    '录音人',
    'photographer',
    'recorder',
    'photo by',
    'shot by',
    'recorded by',
    'by',
  ],
  title: ['题名', '标题', '名称', '文件名称', 'title', 'name'],
  docType: ['文件类型', '文种', '类型', 'doc type', 'document type', 'doctype', 'type'],
  pages: ['页数', 'pages', 'page count', 'page'],
  docNumber: ['文号', '发文字号', 'doc number', 'document number', 'doc no'],
  author: ['责任者', '作者', '发文机关', 'author'],
  note: ['备注', '说明', 'note', 'notes', 'remark', 'remarks'],
};

const ALIAS_LIST: { alias: string; field: TextField }[] = (
  Object.entries(ALIASES) as [TextField, string[]][]
)
  .flatMap(([field, names]) => names.map((alias) => ({ alias, field })))
  .sort((a, b) => b.alias.length - a.alias.length);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A field name at the start or after a separator, then a half- or full-width colon. */
const FIELD_RE = new RegExp(
  `(^|[\\s,，;；、])(${ALIAS_LIST.map((a) => escape(a.alias)).join('|')})\\s*[:：]`,
  'gi',
);
/** `#2`, `第2张`, `2.` / `2、` / `2)` before the fields: the line is about item 2 only. */
const ITEM_PREFIX = /^(?:#\s*(\d{1,3})|第\s*(\d{1,3})\s*[张项个份条段]|(\d{1,3})\s*[.、)）])\s*/;

const fieldOf = (alias: string): TextField =>
  ALIAS_LIST.find((a) => a.alias.toLowerCase() === alias.toLowerCase())!.field;

export interface DescriptionLine {
  /** 1-based item number for `#N` lines; absent = every item the reply is about. */
  item?: number;
  field: TextField;
  value: string;
}

const NAME_MAX = 12;
const TRAILING = /[\s,，;；、。]+$/;

/**
 * Reads `字段：值` text: one or more fields per line (`时间：2026-03-05 地点：礼堂`), Chinese or English
 * names, half- or full-width colons, and an optional `#N` / `第N张` prefix that aims a line at one item.
 * A line that starts with an unknown `名字：` is reported (so a typo is not silently dropped); text with
 * no field at all is `no_fields`.
 */
export function parseDescriptionText(text: string): {
  lines: DescriptionLine[];
  issues: DescriptionIssue[];
} {
  const lines: DescriptionLine[] = [];
  const issues: DescriptionIssue[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (!line) continue;
    const prefix = ITEM_PREFIX.exec(line);
    const item = prefix ? Number(prefix[1] ?? prefix[2] ?? prefix[3]) : undefined;
    if (prefix) line = line.slice(prefix[0].length);
    const matches = [...line.matchAll(FIELD_RE)];
    const firstAt = matches[0] ? matches[0].index + matches[0][1]!.length : line.length;
    const lead = line.slice(0, firstAt).trim();
    const unknown = /^([^:：]{1,40})[:：]/.exec(lead);
    if (unknown) {
      const name = unknown[1]!.trim();
      if (name.length <= NAME_MAX) issues.push({ code: 'unknown_field', name });
    }
    matches.forEach((m, i) => {
      const start = m.index + m[0].length;
      const next = matches[i + 1];
      const end = next ? next.index + next[1]!.length : line.length;
      const value = line.slice(start, end).replace(TRAILING, '').trim();
      lines.push({ ...(item !== undefined ? { item } : {}), field: fieldOf(m[2]!), value });
    });
  }
  if (lines.length === 0 && issues.length === 0) issues.push({ code: 'no_fields' });
  return { lines, issues };
}

// ── values ──

const FULL_WIDTH = /[\uff10-\uff19\uff1a\uff0d\uff0f\uff0e]/g;
const toHalfWidth = (s: string) =>
  s.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** A parsed date; `hasTime` is false for a bare day (kept at 00:00 in the business time zone). */
export interface LooseDate {
  date: Date;
  hasTime: boolean;
}

const YMD = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?/;
const MD = /^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?/;
const HM =
  /^(上午|下午|晚上|中午|am|pm)?\s*(\d{1,2})\s*(?::|点|时)\s*(\d{1,2})?\s*分?\s*(am|pm)?$/i;

function parseClock(rest: string): { h: number; m: number } | undefined | null {
  const text = rest.trim().replace(/^t/i, '').trim();
  if (!text) return null;
  const m = HM.exec(text);
  if (!m) return undefined;
  let h = Number(m[2]);
  const min = Number(m[3] ?? 0);
  const half = (m[1] ?? m[4] ?? '').toLowerCase();
  if ((half === '下午' || half === '晚上' || half === 'pm') && h < 12) h += 12;
  if (half === '中午' && h < 11) h += 12;
  if (h > 23 || min > 59) return undefined;
  return { h, m: min };
}

/**
 * Reads a date as people write it, in `tz`: `2026-03-05`, `2026/3/5 14:30`, `2026.3.5`, `2026年3月5日
 * 下午2点30分`, `3月5日` (year from `defaultYear`), and the card pickers' `2026-03-05 14:30 +0800`.
 * Impossible dates (30 Feb, 25:00) and anything else give `undefined`.
 */
export function parseLooseDate(
  value: string,
  tz: string,
  defaultYear: number,
): LooseDate | undefined {
  const text = toHalfWidth(value.trim());
  const picker = parseFeishuDateTime(text);
  if (picker) return { date: picker, hasTime: /\d{2}:\d{2}/.test(text) };
  let year = defaultYear;
  let month: number;
  let day: number;
  let rest: string;
  const full = YMD.exec(text);
  const short = full ? undefined : MD.exec(text);
  if (full) {
    [year, month, day] = [Number(full[1]), Number(full[2]), Number(full[3])];
    rest = text.slice(full[0].length);
  } else if (short) {
    [month, day] = [Number(short[1]), Number(short[2])];
    rest = text.slice(short[0].length);
  } else {
    return undefined;
  }
  const clock = parseClock(rest);
  if (clock === undefined) return undefined;
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) {
    return undefined;
  }
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  const local = `${year}-${pad(month)}-${pad(day)} ${pad(clock?.h ?? 0)}:${pad(clock?.m ?? 0)}`;
  return { date: dayjs.tz(local, tz).toDate(), hasTime: clock !== null };
}

const DOC_TYPE_NAMES: Record<string, DocType> = {
  ...Object.fromEntries(DOC_TYPES.map((d) => [d, d])),
  ...Object.fromEntries(DOC_TYPES.map((d) => [DOC_TYPE_EN[d].toLowerCase(), d])),
  报道: '宣传报道',
  宣传: '宣传报道',
  新闻报道: '宣传报道',
  讲话稿: '讲话',
  会议纪要: '纪要',
  会议记录: '记录',
  活动方案: '方案',
  document: '文件',
  file: '文件',
  press: '宣传报道',
  report: '宣传报道',
  other: '其他',
};

/** A document type typed in Chinese or English (`纪要`, `会议纪要`, `minutes`), or undefined. */
export function parseDocType(value: string): DocType | undefined {
  return DOC_TYPE_NAMES[value.trim().toLowerCase()];
}

export const PAGES_MAX = 100_000;

/** A page count: a positive whole number, `12`, `12页`, `12 pages`. */
export function parsePages(value: string): number | undefined {
  const m = /^(\d{1,6})\s*(?:页|p|pp|pages?)?$/i.exec(toHalfWidth(value.trim()));
  const n = m ? Number(m[1]) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= PAGES_MAX ? n : undefined;
}

const chars = (s: string) => Array.from(s).length;

/** Fields a kind may carry from text; the rest of a line is `not_applicable` for it. */
const MEDIA_TEXT: readonly TextField[] = [
  'time',
  'place',
  'people',
  'event',
  'photographer',
  'note',
];
const DOC_TEXT: readonly TextField[] = [
  'time',
  'title',
  'docType',
  'pages',
  'docNumber',
  'author',
  'note',
  'place',
  'people',
  'event',
];

/**
 * Turns one typed value into a description patch for an item of `kind`, or an issue. `time` becomes
 * takenAt (photos, audio, video) or docDate (documents).
 */
export function valueToPatch(
  kind: MaterialKind,
  field: TextField,
  value: string,
  ctx: { tz: string; defaultYear: number },
): { patch: Description } | { issue: DescriptionIssue } | { skip: true } {
  const allowed = isMediaKind(kind) ? MEDIA_TEXT : kind === 'document' ? DOC_TEXT : [];
  if (!allowed.includes(field)) return { skip: true };
  if (field === 'time') {
    const parsed = parseLooseDate(value, ctx.tz, ctx.defaultYear);
    if (!parsed) return { issue: { code: 'invalid_date', value } };
    return { patch: kind === 'document' ? { docDate: parsed.date } : { takenAt: parsed.date } };
  }
  if (field === 'docType') {
    const docType = parseDocType(value);
    return docType ? { patch: { docType } } : { issue: { code: 'invalid_doc_type', value } };
  }
  if (field === 'pages') {
    const pages = parsePages(value);
    return pages ? { patch: { pages } } : { issue: { code: 'invalid_pages', value } };
  }
  if (chars(value) > TEXT_MAX[field]) return { issue: { code: 'too_long', field } };
  return { patch: { [field]: value } };
}

/**
 * Applies parsed lines to the items a reply is about (in card order, numbered from 1): lines without a
 * number go to every item, `#N` lines to item N only. Empty values are ignored; a field that does not
 * apply to a kind (pages of a photo) is skipped for that item, and reported only when aimed at it.
 */
export function linesToPatches(
  items: readonly Pick<DescribableItem, 'kind'>[],
  lines: readonly DescriptionLine[],
  ctx: { tz: string; defaultYear: number },
): { patches: Description[]; issues: DescriptionIssue[] } {
  const patches: Description[] = items.map(() => ({}));
  const issues: DescriptionIssue[] = [];
  const seen = new Set<string>();
  const report = (issue: DescriptionIssue) => {
    const key = JSON.stringify(issue);
    if (!seen.has(key)) issues.push(issue);
    seen.add(key);
  };
  for (const line of lines) {
    if (!line.value) continue;
    if (line.item !== undefined && (line.item < 1 || line.item > items.length)) {
      report({ code: 'item_out_of_range', item: line.item, count: items.length });
      continue;
    }
    const targets = line.item !== undefined ? [line.item - 1] : items.map((_, i) => i);
    for (const i of targets) {
      const out = valueToPatch(items[i]!.kind, line.field, line.value, ctx);
      if ('patch' in out) Object.assign(patches[i]!, out.patch);
      else if ('issue' in out) report(out.issue);
      else if (line.item !== undefined)
        report({ code: 'not_applicable', field: line.field, item: line.item });
    }
  }
  return { patches, issues };
}
