/**
 * The batch description card's values (cards/material-describe-form.ts): shared fields for the whole
 * batch — 事由, 地点, 时间, 摄影者 and a fallback 人物 for photos, audio and video; 文件类型 and 日期 for
 * documents — and per-item fields for the items on the card's page (人物; 题名 and 页数). Pure.
 */
import type { MaterialKind } from './categories';
import { parseFeishuDateTime } from './deadline';
import {
  isMediaKind,
  pagesApply,
  TEXT_MAX,
  type Description,
  type DescriptionIssue,
} from './material-description';
import { parseDocType, parseLooseDate, parsePages } from './material-description-text';

/** Items per card page: each brings one to three inputs, and a card holds at most 200 elements. */
export const DESCRIBE_PAGE_SIZE = 10;

/** Form field names: the contract between the card builder and this parser. */
export const DESCRIBE_FIELDS = {
  event: 'event',
  place: 'place',
  takenAt: 'taken_at',
  photographer: 'photographer',
  peopleAll: 'people_all',
  docType: 'doc_type',
  docDate: 'doc_date',
  people: (i: number) => `people_${i}`,
  title: (i: number) => `title_${i}`,
  pages: (i: number) => `pages_${i}`,
} as const;

export interface FormItem {
  kind: MaterialKind;
  mime?: string;
}

export interface DescribeFormValues {
  /** Shared by every photo, audio and video of the batch. */
  media: Description;
  /** 人物 for items whose own field is empty. */
  peopleAll?: string;
  /** Shared by every document of the batch. */
  document: Description;
  /** Per item on the page (same order as the card's items). */
  own: Description[];
}

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const chars = (s: string) => Array.from(s).length;

/**
 * Validates the submitted form. Empty fields are "not given" (stored values stay); errors are keyed
 * by form field name so the card can show each next to its input.
 */
export function parseDescribeForm(
  form: Record<string, unknown> | undefined,
  pageItems: readonly FormItem[],
  ctx: { tz: string; defaultYear: number },
):
  | { ok: true; value: DescribeFormValues }
  | { ok: false; errors: Record<string, DescriptionIssue> } {
  const f = form ?? {};
  const errors: Record<string, DescriptionIssue> = {};
  const text = (name: string, field: keyof typeof TEXT_MAX): string | undefined => {
    const v = str(f[name]);
    if (!v) return undefined;
    if (chars(v) > TEXT_MAX[field]) {
      errors[name] = { code: 'too_long', field };
      return undefined;
    }
    return v;
  };
  const date = (name: string): Date | undefined => {
    const v = str(f[name]);
    if (!v) return undefined;
    const d = parseFeishuDateTime(v) ?? parseLooseDate(v, ctx.tz, ctx.defaultYear)?.date;
    if (!d) errors[name] = { code: 'invalid_date', value: v };
    return d;
  };
  const media: Description = {};
  const set = <K extends keyof Description>(o: Description, k: K, v: Description[K]) => {
    if (v !== undefined) o[k] = v;
  };
  set(media, 'event', text(DESCRIBE_FIELDS.event, 'event'));
  set(media, 'place', text(DESCRIBE_FIELDS.place, 'place'));
  set(media, 'takenAt', date(DESCRIBE_FIELDS.takenAt));
  set(media, 'photographer', text(DESCRIBE_FIELDS.photographer, 'photographer'));
  const peopleAll = text(DESCRIBE_FIELDS.peopleAll, 'people');
  const document: Description = {};
  const docTypeRaw = str(f[DESCRIBE_FIELDS.docType]);
  if (docTypeRaw) {
    const docType = parseDocType(docTypeRaw);
    if (docType) document.docType = docType;
    else errors[DESCRIBE_FIELDS.docType] = { code: 'invalid_doc_type', value: docTypeRaw };
  }
  set(document, 'docDate', date(DESCRIBE_FIELDS.docDate));
  const own = pageItems.map((item, i): Description => {
    const d: Description = {};
    if (isMediaKind(item.kind)) set(d, 'people', text(DESCRIBE_FIELDS.people(i), 'people'));
    if (item.kind === 'document') {
      set(d, 'title', text(DESCRIBE_FIELDS.title(i), 'title'));
      const pagesRaw = str(f[DESCRIBE_FIELDS.pages(i)]);
      if (pagesRaw && pagesApply(item.mime)) {
        const pages = parsePages(pagesRaw);
        if (pages) d.pages = pages;
        else errors[DESCRIBE_FIELDS.pages(i)] = { code: 'invalid_pages', value: pagesRaw };
      }
    }
    return d;
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: { media, ...(peopleAll ? { peopleAll } : {}), document, own },
  };
}

/**
 * What the form sets on one item of the batch: the shared fields of its kind; a photo's own EXIF time
 * wins over the shared time (the camera knows when it was taken); 人物 is the item's own, else the
 * fallback. `own` is undefined for items on other pages (they get the shared fields only).
 */
export function formPatchFor(
  item: FormItem & { exifTakenAt?: Date },
  values: DescribeFormValues,
  own: Description | undefined,
): Description {
  if (isMediaKind(item.kind)) {
    const people = own?.people ?? values.peopleAll;
    return {
      ...values.media,
      ...(item.exifTakenAt ? { takenAt: item.exifTakenAt } : {}),
      ...(people ? { people } : {}),
    };
  }
  if (item.kind === 'document') return { ...values.document, ...(own ?? {}) };
  return {};
}
