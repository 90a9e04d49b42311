/**
 * Physical items (实物) and links (press reports, category 8), registered by form or command, and the
 * rules on who may describe, remove and file materials. Pure.
 */
import { isEditable, type ActivityState } from './activity-lifecycle';
import { canManageActivity, type ActivityAccessFacts } from './activity-permissions';
import type { Roles } from './roles';

export const PHYSICAL_TYPES = [
  '印章',
  '题词',
  '牌匾',
  '奖杯',
  '活动标志',
  '证书',
  '纪念册',
  '其他',
] as const;
export type PhysicalType = (typeof PHYSICAL_TYPES)[number];

export const PHYSICAL_TYPE_EN: Record<PhysicalType, string> = {
  印章: 'Seal',
  题词: 'Inscription',
  牌匾: 'Plaque',
  奖杯: 'Trophy',
  活动标志: 'Activity emblem',
  证书: 'Certificate',
  纪念册: 'Album',
  其他: 'Other',
};

export const PHYSICAL_LIMITS = { name: 100, description: 500, location: 200, quantity: 10_000 };
export const LINK_LIMITS = { url: 2000, title: 200, source: 100 };

export type PhysicalField = 'name' | 'type' | 'quantity' | 'description' | 'location';
export type LinkField = 'url' | 'title' | 'source';
/** Error codes; texts live in i18n (mdesc.err.<code>). */
export type ItemErrorCode =
  | 'required'
  | 'too_long'
  | 'invalid_type'
  | 'invalid_quantity'
  | 'invalid_url';

export interface PhysicalValues {
  name: string;
  type: PhysicalType;
  quantity: number;
  description: string;
  location: string;
}

export interface LinkValues {
  url: string;
  title: string;
  source: string;
}

export type ItemResult<T, F extends string> =
  | { ok: true; value: T }
  | { ok: false; errors: Partial<Record<F, ItemErrorCode>> };

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const chars = (s: string) => Array.from(s).length;

/** Validates the 登记实物 form: every field is needed (第六条: items are registered with a description). */
export function parsePhysicalForm(
  form: Record<string, unknown> | undefined,
): ItemResult<PhysicalValues, PhysicalField> {
  const f = form ?? {};
  const errors: Partial<Record<PhysicalField, ItemErrorCode>> = {};
  const text = (k: 'name' | 'description' | 'location'): string => {
    const v = str(f[k]);
    if (!v) errors[k] = 'required';
    else if (chars(v) > PHYSICAL_LIMITS[k]) errors[k] = 'too_long';
    return v;
  };
  const name = text('name');
  const type = str(f.type);
  if (!type) errors.type = 'required';
  else if (!(PHYSICAL_TYPES as readonly string[]).includes(type)) errors.type = 'invalid_type';
  const qRaw = str(f.quantity).replace(/[件个套枚块张本]$/, '');
  const quantity = Number(qRaw);
  if (!qRaw) errors.quantity = 'required';
  else if (!/^\d+$/.test(qRaw) || quantity < 1 || quantity > PHYSICAL_LIMITS.quantity)
    errors.quantity = 'invalid_quantity';
  const description = text('description');
  const location = text('location');
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { name, type: type as PhysicalType, quantity, description, location } };
}

/** An http(s) URL with a host, or undefined. Feishu may deliver links as `[text](url)`. */
export function normalizeUrl(raw: string): string | undefined {
  const md = /^\[[^\]]*\]\((\S+)\)$/.exec(raw.trim());
  const candidate = (md ? md[1]! : raw.trim()).replace(/[)）>,，。]+$/, '');
  if (!/^https?:\/\//i.test(candidate) || chars(candidate) > LINK_LIMITS.url) return undefined;
  try {
    const url = new URL(candidate);
    return url.hostname.includes('.') ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

const KNOWN_SOURCES: [RegExp, string][] = [
  [/(^|\.)people\.com\.cn$/, '人民网'],
  [/(^|\.)xinhuanet\.com$|(^|\.)news\.cn$/, '新华网'],
  [/(^|\.)cctv\.com$|(^|\.)cntv\.cn$/, '央视网'],
  [/(^|\.)chinadaily\.com\.cn$/, '中国日报网'],
  [/(^|\.)gmw\.cn$/, '光明网'],
  [/(^|\.)china\.com\.cn$/, '中国网'],
  [/(^|\.)mp\.weixin\.qq\.com$/, '微信公众号'],
  [/(^|\.)weibo\.com$|(^|\.)weibo\.cn$/, '微博'],
  [/(^|\.)douyin\.com$/, '抖音'],
  [/(^|\.)toutiao\.com$/, '今日头条'],
  [/(^|\.)bilibili\.com$/, '哔哩哔哩'],
];

/** A default 来源 for a link: the outlet's name for well-known hosts, else the host name. */
export function sourceFromUrl(url: string): string {
  const host = new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  return KNOWN_SOURCES.find(([re]) => re.test(host))?.[1] ?? host;
}

/**
 * `报道 <url> [title]` / `link <url> [title]`: the first word is the URL, the rest the title. Without
 * a title the caller opens the form (prefilled); without a valid URL it explains the format.
 */
export function parseLinkCommand(
  args: string,
): { ok: true; url: string; title?: string } | { ok: false; code: 'missing_url' | 'invalid_url' } {
  const text = args.trim();
  if (!text) return { ok: false, code: 'missing_url' };
  const md = /^\[[^\]]*\]\(\S+\)/.exec(text);
  const first = md ? md[0] : text.split(/\s+/)[0]!;
  const url = normalizeUrl(first);
  if (!url) return { ok: false, code: 'invalid_url' };
  const title = text.slice(first.length).trim().slice(0, LINK_LIMITS.title);
  return { ok: true, url, ...(title ? { title } : {}) };
}

/** Validates the link form (URL, title, source — all needed). */
export function parseLinkForm(
  form: Record<string, unknown> | undefined,
): ItemResult<LinkValues, LinkField> {
  const f = form ?? {};
  const errors: Partial<Record<LinkField, ItemErrorCode>> = {};
  const rawUrl = str(f.url);
  const url = rawUrl ? normalizeUrl(rawUrl) : undefined;
  if (!rawUrl) errors.url = 'required';
  else if (!url) errors.url = 'invalid_url';
  const text = (k: 'title' | 'source'): string => {
    const v = str(f[k]);
    if (!v) errors[k] = 'required';
    else if (chars(v) > LINK_LIMITS[k]) errors[k] = 'too_long';
    return v;
  };
  const title = text('title');
  const source = text('source');
  if (Object.keys(errors).length > 0 || !url) return { ok: false, errors };
  return { ok: true, value: { url, title, source } };
}

// ── who may change materials ──

/** Materials change until the handover is accepted (and never while the activity is cancelled). */
export const materialsEditable = (state: ActivityState): boolean => isEditable(state);

/** The uploader of an item, or whoever manages the activity (registrant, contact, archivists). */
export function canChangeMaterial(
  roles: Roles,
  activity: ActivityAccessFacts,
  material: { sender: string },
): boolean {
  return roles.openId === material.sender || canManageActivity(roles, activity);
}

/** A publicity batch is filed by the person who sent it or by an archivist. */
export function canFilePublicityBatch(roles: Roles, sender: string): boolean {
  return roles.openId === sender || roles.archivist;
}

export const REMOVE_REASON_MAX = 200;

/** Publicity filing card: activities active, or ended within this many days. */
export const PUBLICITY_WINDOW_DAYS = 60;
/** An unfiled publicity batch is reminded (once) after this many days. */
export const PUBLICITY_REMIND_AFTER_DAYS = 3;
