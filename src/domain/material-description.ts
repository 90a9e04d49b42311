/**
 * Descriptions of archived items (第七条2): which fields each kind needs, when an item counts as
 * described, the defaults a description starts from. Reading typed `字段：值` text is in
 * material-description-text.ts.
 *
 * Photos, audio and video need 时间、地点、人物、事由 and the photographer / recorder; documents need a
 * title, a document type, a date and, for paged formats (PDF, Word, OFD…), a page count. Links and
 * physical items carry their own record (see material-items.ts) and are described when registered.
 * Pure.
 */
import type { MaterialKind } from './categories';

/** 文件类型 of a document, in the order people pick them. */
export const DOC_TYPES = [
  '文件',
  '讲话',
  '指示',
  '记录',
  '纪要',
  '方案',
  '宣传报道',
  '其他',
] as const;
export type DocType = (typeof DOC_TYPES)[number];

export const DOC_TYPE_EN: Record<DocType, string> = {
  文件: 'Document',
  讲话: 'Speech',
  指示: 'Instruction',
  记录: 'Record',
  纪要: 'Minutes',
  方案: 'Plan',
  宣传报道: 'Press report',
  其他: 'Other',
};

/**
 * The description as stored on a material (db/models/material.ts uses this type): photos, audio and
 * video need 时间、地点、人物、事由 and the photographer; documents a title, type, date and pages.
 */
export interface Description {
  takenAt?: Date;
  place?: string;
  people?: string;
  event?: string;
  photographer?: string;
  title?: string;
  docType?: string;
  docDate?: Date;
  pages?: number;
  docNumber?: string;
  author?: string;
  note?: string;
}

export type DescriptionField = keyof Description;

/** What the rules need to know about an item. */
export interface DescribableItem {
  kind: MaterialKind;
  mime?: string;
  description?: Description;
  physical?: {
    name?: string;
    type?: string;
    quantity?: number;
    description?: string;
    location?: string;
  };
  link?: { url?: string; title?: string; source?: string };
}

export const MEDIA_KINDS: readonly MaterialKind[] = ['photo', 'audio', 'video'];
export const isMediaKind = (kind: MaterialKind): boolean => MEDIA_KINDS.includes(kind);

const MEDIA_FIELDS: readonly DescriptionField[] = [
  'takenAt',
  'place',
  'people',
  'event',
  'photographer',
];

const PAGED_MIME = [
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/ofd',
  'application/vnd.ofd',
  'image/tiff',
];

/**
 * Whether a page count applies: paged formats (PDF, Word, PowerPoint, ODT, OFD, multi-page TIFF).
 * Spreadsheets, archives and unknown formats have no meaningful page count.
 */
export function pagesApply(mime: string | undefined): boolean {
  return mime !== undefined && PAGED_MIME.includes(mime);
}

/** The description fields an item of this kind (and format) must have. */
export function requiredFields(item: Pick<DescribableItem, 'kind' | 'mime'>): DescriptionField[] {
  if (isMediaKind(item.kind)) return [...MEDIA_FIELDS];
  if (item.kind === 'document') {
    return ['title', 'docType', 'docDate', ...(pagesApply(item.mime) ? ['pages' as const] : [])];
  }
  return [];
}

const filled = (v: unknown): boolean =>
  v instanceof Date ? !Number.isNaN(v.getTime()) : typeof v === 'number' ? v > 0 : Boolean(v);

/** Required fields still empty. Links and physical items: their record's missing parts. */
export function missingFields(item: DescribableItem): string[] {
  if (item.kind === 'link') {
    const l = item.link ?? {};
    return (['url', 'title', 'source'] as const).filter((k) => !filled(l[k]));
  }
  if (item.kind === 'physical') {
    const p = item.physical ?? {};
    return (['name', 'type', 'quantity', 'description', 'location'] as const).filter(
      (k) => !filled(p[k]),
    );
  }
  const d = item.description ?? {};
  return requiredFields(item).filter((f) => !filled(d[f]));
}

/** Every required field is filled: what `described` on the material records. */
export function isDescribed(item: DescribableItem): boolean {
  return missingFields(item).length === 0;
}

// ── shared by the text and form parsers ──

/** `time` is resolved per kind: takenAt for photos/audio/video, docDate for documents. */
export type TextField = Exclude<DescriptionField, 'takenAt' | 'docDate'> | 'time';

export type DescriptionIssue =
  | { code: 'unknown_field'; name: string }
  | { code: 'no_fields' }
  | { code: 'invalid_date'; value: string }
  | { code: 'invalid_doc_type'; value: string }
  | { code: 'invalid_pages'; value: string }
  | { code: 'too_long'; field: TextField }
  | { code: 'item_out_of_range'; item: number; count: number }
  | { code: 'not_applicable'; field: TextField; item: number };

/** Longest text kept per field (characters). */
export const TEXT_MAX: Record<Exclude<TextField, 'time' | 'pages' | 'docType'>, number> = {
  place: 200,
  people: 500,
  event: 300,
  photographer: 100,
  title: 200,
  docNumber: 100,
  author: 100,
  note: 500,
};

/** Values an item's description starts from when a field was never given. */
export interface DescriptionDefaults {
  activityTitle: string;
  activityLocation?: string;
  activityStart: Date;
  /** The uploader's display name (photographer / recorder by default). */
  senderName: string;
  exifTakenAt?: Date;
  fileName?: string;
}

/** A file name without its extension, as a document's default title. */
export const titleFromFileName = (name: string | undefined): string | undefined => {
  const base = name?.replace(/\.[A-Za-z0-9]{1,5}$/, '').trim();
  return base ? base.slice(0, TEXT_MAX.title) : undefined;
};

/**
 * The defaults the description card shows and text replies fall back on: the photo's EXIF time (else
 * the activity's start), the activity's place and title as 地点 and 事由, the uploader as photographer;
 * for documents the file name as title and the activity's start day as date.
 */
export function descriptionDefaults(kind: MaterialKind, d: DescriptionDefaults): Description {
  if (isMediaKind(kind)) {
    return {
      takenAt: d.exifTakenAt ?? d.activityStart,
      ...(d.activityLocation ? { place: d.activityLocation } : {}),
      event: d.activityTitle,
      photographer: d.senderName,
    };
  }
  if (kind === 'document') {
    const title = titleFromFileName(d.fileName);
    return { ...(title ? { title } : {}), docDate: d.activityStart };
  }
  return {};
}

/** Defaults, then what is stored, then the new values: later wins, empty values never erase. */
export function mergeDescription(...layers: (Description | undefined)[]): Description {
  const out: Description = {};
  for (const layer of layers) {
    for (const [k, v] of Object.entries(layer ?? {}) as [DescriptionField, unknown][]) {
      if (filled(v)) (out as Record<string, unknown>)[k] = v;
    }
  }
  return out;
}
