import type {
  DescribedLine,
  DescribeFormView,
  DescribeItemView,
} from '../../../cards/material-views';
import type { ActivityDoc } from '../../db/models/activity';
import type { MaterialDoc } from '../../db/models/material';
import { formatInTz } from '../../domain/deadline';
import { DESCRIBE_PAGE_SIZE } from '../../domain/material-describe-form';
import {
  DOC_TYPE_EN,
  descriptionDefaults,
  isMediaKind,
  mergeDescription,
  missingFields,
  pagesApply,
  type Description,
  type DocType,
} from '../../domain/material-description';
import type { Directory } from '../../domain/directory';
import { displayName } from '../../domain/roles';
import { tmd, type MaterialsDescribeMessageKey } from '../../i18n/messages-materials-describe';
import type { I18nText } from '../../i18n/t';

/** How an item is named on cards: its file name, else when it was sent. */
export function itemName(item: MaterialDoc, tz: string): string {
  return (
    item.physical?.name ??
    item.link?.title ??
    item.fileName ??
    formatInTz(item.createdAt, tz, 'MM-DD HH:mm')
  );
}

/** The defaults an item's description starts from (activity, EXIF time, uploader, file name). */
export function defaultsFor(item: MaterialDoc, activity: ActivityDoc, dir: Directory): Description {
  return descriptionDefaults(item.kind, {
    activityTitle: activity.title,
    ...(activity.location ? { activityLocation: activity.location } : {}),
    activityStart: activity.startAt,
    senderName: displayName(item.sender, dir),
    ...(item.exifTakenAt ? { exifTakenAt: item.exifTakenAt } : {}),
    ...(item.fileName ? { fileName: item.fileName } : {}),
  });
}

const label = (field: string): I18nText =>
  tmd(`mdesc.field.${field}` as MaterialsDescribeMessageKey);

const docTypeText = (d: string): I18nText => ({
  zh_cn: d,
  en_us: DOC_TYPE_EN[d as DocType] ?? d,
});

/** "时间 2026-03-05 10:00 · 地点 礼堂 · 人物 张三 …": what an item's description says. */
export function summaryText(item: MaterialDoc, tz: string): I18nText {
  const d = item.description ?? {};
  const parts: { label: I18nText; value: I18nText }[] = [];
  const add = (field: string, value: string | undefined) => {
    if (value) parts.push({ label: label(field), value: { zh_cn: value, en_us: value } });
  };
  if (isMediaKind(item.kind)) {
    add('takenAt', d.takenAt ? formatInTz(d.takenAt, tz) : undefined);
    add('place', d.place);
    add('people', d.people);
    add('event', d.event);
    add('photographer', d.photographer);
  } else {
    add('title', d.title);
    if (d.docType) parts.push({ label: label('docType'), value: docTypeText(d.docType) });
    add('docDate', d.docDate ? formatInTz(d.docDate, tz, 'YYYY-MM-DD') : undefined);
    add('pages', d.pages ? String(d.pages) : undefined);
  }
  add('note', d.note);
  const join = (lang: 'zh_cn' | 'en_us') =>
    parts.map((p) => `${p.label[lang]} ${p.value[lang]}`).join(' · ');
  return { zh_cn: join('zh_cn'), en_us: join('en_us') };
}

/** The required fields an item still lacks, as one text; undefined when it is described. */
export function missingText(item: MaterialDoc): I18nText | undefined {
  const missing = missingFields(item);
  if (missing.length === 0) return undefined;
  const labels = missing.map(label);
  return {
    zh_cn: labels.map((l) => l.zh_cn).join('、'),
    en_us: labels.map((l) => l.en_us).join(', '),
  };
}

/** One line of a reply card for an item at position `n` of its batch. */
export function describedLine(item: MaterialDoc, n: number, tz: string): DescribedLine {
  const missing = missingText(item);
  return {
    n,
    kind: item.kind,
    name: itemName(item, tz),
    summary: summaryText(item, tz),
    ...(missing ? { missing } : {}),
  };
}

/** Values the person typed, echoed back into the form after a validation error. */
export interface DescribeEcho {
  shared: DescribeFormView['shared'];
  own: Record<string, { people?: string; title?: string; pages?: string }>;
}

/**
 * The description form of a batch at `page`: shared fields prefilled from the first photo's (or
 * document's) stored description over its defaults; a photo without EXIF gives the shared time.
 */
export function describeFormView(
  activity: ActivityDoc,
  items: readonly MaterialDoc[],
  requestedPage: number,
  ctx: { dir: Directory; tz: string },
  extra: { echo?: DescribeEcho; errors?: Record<string, I18nText> } = {},
): DescribeFormView {
  const pageCount = Math.max(1, Math.ceil(items.length / DESCRIBE_PAGE_SIZE));
  const page = Math.min(Math.max(1, requestedPage), pageCount);
  const merged = (m: MaterialDoc) =>
    mergeDescription(defaultsFor(m, activity, ctx.dir), m.description);
  const media = items.filter((m) => isMediaKind(m.kind));
  const docs = items.filter((m) => m.kind === 'document');
  const timeSource = media.find((m) => !m.exifTakenAt) ?? media[0];
  const first = media[0] ? merged(media[0]) : {};
  const firstDoc = docs[0] ? merged(docs[0]) : {};
  const takenAt = timeSource ? merged(timeSource).takenAt : undefined;
  const shared: DescribeFormView['shared'] = {
    ...(first.event ? { event: first.event } : {}),
    ...(first.place ? { place: first.place } : {}),
    ...(takenAt ? { takenAt: formatInTz(takenAt, ctx.tz) } : {}),
    ...(first.photographer ? { photographer: first.photographer } : {}),
    ...(firstDoc.docType ? { docType: firstDoc.docType } : {}),
    ...(firstDoc.docDate ? { docDate: formatInTz(firstDoc.docDate, ctx.tz, 'YYYY-MM-DD') } : {}),
    ...extra.echo?.shared,
  };
  const start = (page - 1) * DESCRIBE_PAGE_SIZE;
  const pageItems = items.slice(start, start + DESCRIBE_PAGE_SIZE).map((m, i): DescribeItemView => {
    const d = merged(m);
    const echo = extra.echo?.own[m._id];
    const people = echo?.people ?? m.description?.people;
    const title = echo?.title ?? d.title;
    const pages = echo?.pages ?? (d.pages ? String(d.pages) : undefined);
    return {
      id: m._id,
      n: start + i + 1,
      kind: m.kind,
      name: itemName(m, ctx.tz),
      ...(m.exifTakenAt ? { exifTime: formatInTz(m.exifTakenAt, ctx.tz) } : {}),
      described: m.described,
      ...(people ? { people } : {}),
      ...(m.kind === 'document' && title ? { title } : {}),
      ...(pages ? { pages } : {}),
      pagesApply: pagesApply(m.mime),
    };
  });
  return {
    activityId: activity._id,
    batchId: items[0]?.batchId ?? '',
    code: activity.code,
    activityTitle: activity.title,
    total: items.length,
    undescribed: items.filter((m) => !m.described).length,
    page,
    pageCount,
    hasMedia: media.length > 0,
    hasDocs: docs.length > 0,
    shared,
    items: pageItems,
    ...(extra.errors ? { errors: extra.errors } : {}),
  };
}
