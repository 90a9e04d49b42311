import type { MaterialKind } from '../src/domain/categories';
import type { I18nText } from '../src/i18n/t';

/**
 * View models of the material cards (description form, physical item, link, publicity filing, item
 * list, removal). Services fill them: dates already formatted in the business time zone, names
 * resolved; builders only lay them out.
 */

/** One item as the description form shows it. */
export interface DescribeItemView {
  id: string;
  /** 1-based position in the batch (what `#N` in a reply refers to). */
  n: number;
  kind: MaterialKind;
  name: string;
  /** EXIF capture time, `YYYY-MM-DD HH:mm`. */
  exifTime?: string;
  described: boolean;
  people?: string;
  title?: string;
  pages?: string;
  pagesApply: boolean;
}

export interface DescribeFormView {
  activityId: string;
  batchId: string;
  code: string;
  activityTitle: string;
  total: number;
  undescribed: number;
  page: number;
  pageCount: number;
  hasMedia: boolean;
  hasDocs: boolean;
  shared: {
    event?: string;
    place?: string;
    /** `YYYY-MM-DD HH:mm` */
    takenAt?: string;
    photographer?: string;
    peopleAll?: string;
    docType?: string;
    /** `YYYY-MM-DD` */
    docDate?: string;
  };
  /** The items of this page, in batch order. */
  items: DescribeItemView[];
  /** Per form field name. */
  errors?: Record<string, I18nText>;
}

/** One line of a description summary: the item and what it says (or lacks). */
export interface DescribedLine {
  n: number;
  kind: MaterialKind;
  name: string;
  /** "时间 2026-03-05 10:00 · 地点 礼堂 · …" */
  summary: I18nText;
  missing?: I18nText;
}

export interface DescribeReplyView {
  code: string;
  lines: DescribedLine[];
  /** Lines not shown (cards stay small). */
  more: number;
  problems: I18nText[];
  /** Undescribed items left in the batch (or the item). */
  left: number;
}

export interface DescribedDoneView {
  activityId: string;
  batchId: string;
  code: string;
  total: number;
}

export interface Option {
  value: string;
  label: I18nText;
}

export interface PhysicalFormView {
  activityId: string;
  formId: string;
  code: string;
  values: {
    name?: string;
    type?: string;
    quantity?: string;
    description?: string;
    location?: string;
  };
  errors?: Partial<Record<'name' | 'type' | 'quantity' | 'description' | 'location', I18nText>>;
}

export interface PhysicalDoneView {
  code: string;
  name: string;
  type: I18nText;
  quantity: number;
  description: string;
  location: string;
  photoName?: string;
}

export interface LinkFormView {
  activityId: string;
  formId: string;
  code: string;
  values: { url?: string; title?: string; source?: string };
  errors?: Partial<Record<'url' | 'title' | 'source', I18nText>>;
}

export interface LinkDoneView {
  code: string;
  url: string;
  title: string;
  source: string;
  captureName?: string;
}

export interface FilingOption {
  activityId: string;
  code: string;
  title: string;
  /** `YYYY-MM-DD` of the start. */
  date: string;
}

export interface PublicityFilingView {
  batchId: string;
  count: number;
  kinds: I18nText;
  senderName: string;
  /** When a reminder, the day it was sent. */
  reminder?: { date: string };
  q?: string;
  options: FilingOption[];
}

export interface PublicityFiledView {
  activityId: string;
  batchId: string;
  code: string;
  title: string;
  count: number;
  duplicates: number;
  byName: string;
}

export interface UnfiledListView {
  batches: { batchId: string; senderName: string; date: string; count: number }[];
}

export interface MaterialListItem {
  id: string;
  n: number;
  kind: MaterialKind;
  name: string;
  senderName: string;
  described: boolean;
}

export interface MaterialListView {
  activityId: string;
  code: string;
  title: string;
  total: number;
  undescribed: number;
  page: number;
  pageCount: number;
  items: MaterialListItem[];
  /** False once accepted or cancelled: no remove buttons. */
  editable: boolean;
}

export interface RemoveFormView {
  materialId: string;
  code: string;
  kind: MaterialKind;
  name: string;
  senderName: string;
  error?: I18nText;
}

export interface RemovedView {
  code: string;
  kind: MaterialKind;
  name: string;
  reason: string;
  replacedByName?: string;
}
