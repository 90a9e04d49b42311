/**
 * Texts of the material description, physical item, link, publicity filing and correction cards,
 * Chinese first with English beside it. Keys start with `mdesc.` so they never clash with
 * messages.ts or the other feature catalogues. Builders and handlers read them through tmd().
 */
import { materialsItemsMessages } from './messages-materials-items';
import type { I18nText, Lang, Vars } from './t';

export const describeMessages = {
  // ── kinds and fields ──
  'mdesc.kind.photo': { zh_cn: '照片', en_us: 'Photo' },
  'mdesc.kind.audio': { zh_cn: '录音', en_us: 'Audio' },
  'mdesc.kind.video': { zh_cn: '录像', en_us: 'Video' },
  'mdesc.kind.document': { zh_cn: '文件', en_us: 'Document' },
  'mdesc.kind.link': { zh_cn: '链接', en_us: 'Link' },
  'mdesc.kind.physical': { zh_cn: '实物', en_us: 'Physical item' },
  'mdesc.field.takenAt': { zh_cn: '时间', en_us: 'Time' },
  'mdesc.field.place': { zh_cn: '地点', en_us: 'Place' },
  'mdesc.field.people': { zh_cn: '人物', en_us: 'People' },
  'mdesc.field.event': { zh_cn: '事由', en_us: 'Event' },
  'mdesc.field.photographer': { zh_cn: '摄影/录制者', en_us: 'Photographer / recorder' },
  'mdesc.field.title': { zh_cn: '题名', en_us: 'Title' },
  'mdesc.field.docType': { zh_cn: '文件类型', en_us: 'Document type' },
  'mdesc.field.docDate': { zh_cn: '日期', en_us: 'Date' },
  'mdesc.field.pages': { zh_cn: '页数', en_us: 'Pages' },
  'mdesc.field.docNumber': { zh_cn: '文号', en_us: 'Document number' },
  'mdesc.field.author': { zh_cn: '责任者', en_us: 'Author' },
  'mdesc.field.note': { zh_cn: '备注', en_us: 'Note' },
  'mdesc.field.time': { zh_cn: '时间', en_us: 'Time' },
  'mdesc.field.url': { zh_cn: '网址', en_us: 'URL' },
  'mdesc.field.source': { zh_cn: '来源', en_us: 'Source' },
  'mdesc.field.name': { zh_cn: '名称', en_us: 'Name' },
  'mdesc.field.type': { zh_cn: '类型', en_us: 'Type' },
  'mdesc.field.quantity': { zh_cn: '数量', en_us: 'Quantity' },
  'mdesc.field.description': { zh_cn: '说明', en_us: 'Description' },
  'mdesc.field.location': { zh_cn: '现存放处', en_us: 'Where it is now' },

  // ── the batch description form ──
  'mdesc.form.title': { zh_cn: '补充说明 · {code}', en_us: 'Describe materials · {code}' },
  'mdesc.form.intro': {
    zh_cn:
      '本批共 **{total}** 项，**{undescribed}** 项待补充说明（第七条2：照片、录音录像须注明时间、地点、人物、事由和摄影/录制者；文件须注明题名、类型、日期和页数）。',
    en_us:
      'This batch has **{total}** items; **{undescribed}** still need a description (photos, audio and video: time, place, people, event and who took them; documents: title, type, date and pages).',
  },
  'mdesc.form.shared': {
    zh_cn: '**以下字段适用于整批**',
    en_us: '**These fields apply to the whole batch**',
  },
  'mdesc.form.perItem': {
    zh_cn: '**逐项填写**（第 {from}–{to} 项，共 {total} 项）',
    en_us: '**Per item** (items {from}–{to} of {total})',
  },
  'mdesc.form.exifNote': {
    zh_cn: '照片自带拍摄时间（EXIF）的，以照片时间为准。',
    en_us: 'Photos that carry their capture time (EXIF) keep it; the time above is for the rest.',
  },
  'mdesc.form.event.ph': {
    zh_cn: '例如：建校六十周年庆典大会',
    en_us: 'e.g. the 60th anniversary ceremony',
  },
  'mdesc.form.place.ph': { zh_cn: '例如：学院礼堂', en_us: 'e.g. the college auditorium' },
  'mdesc.form.time.ph': { zh_cn: '选择拍摄/录制时间', en_us: 'When it was taken or recorded' },
  'mdesc.form.photographer.ph': { zh_cn: '拍摄或录制的人', en_us: 'Who took or recorded it' },
  'mdesc.form.peopleAll': {
    zh_cn: '人物（逐项未填时使用）',
    en_us: 'People (for items left blank below)',
  },
  'mdesc.form.peopleAll.ph': {
    zh_cn: '例如：全体参会人员',
    en_us: 'e.g. all participants',
  },
  'mdesc.form.people.ph': {
    zh_cn: '画面中的主要人物，如：张三（左一）、李四',
    en_us: 'Main people shown, e.g. Zhang San (left), Li Si',
  },
  'mdesc.form.docType.ph': { zh_cn: '选择文件类型', en_us: 'Choose the document type' },
  'mdesc.form.docDate.ph': { zh_cn: '成文或形成日期', en_us: 'Date of the document' },
  'mdesc.form.title.ph': { zh_cn: '文件题名', en_us: 'Document title' },
  'mdesc.form.pages.ph': { zh_cn: '页数', en_us: 'Pages' },
  'mdesc.form.item': {
    zh_cn: '**{n}.** {kind} · {name}{extra}',
    en_us: '**{n}.** {kind} · {name}{extra}',
  },
  'mdesc.form.item.exif': { zh_cn: ' · 拍摄于 {time}', en_us: ' · taken {time}' },
  'mdesc.form.item.done': { zh_cn: ' · ✅ 已说明', en_us: ' · ✅ described' },
  'mdesc.form.submit': { zh_cn: '保存说明', en_us: 'Save descriptions' },
  'mdesc.form.prev': { zh_cn: '上一页', en_us: 'Previous' },
  'mdesc.form.next': { zh_cn: '下一页', en_us: 'Next' },
  'mdesc.form.pageOf': { zh_cn: '第 {page}/{pages} 页', en_us: 'Page {page} of {pages}' },
  'mdesc.form.replyHint': {
    zh_cn:
      '也可以直接回复本卡片，每行一项「字段：值」，例如：\n`人物：张三、李四`\n`#2 人物：王五`（只改第 2 项）\n可用字段：时间、地点、人物、事由、摄影者、题名、类型、页数、备注。',
    en_us:
      'You can also reply to this card with `field: value` lines, e.g.\n`people: Zhang San, Li Si`\n`#2 people: Wang Wu` (item 2 only)\nFields: time, place, people, event, photographer, title, type, pages, note.',
  },
  'mdesc.saved': {
    zh_cn: '已保存 {n} 项说明，还有 {left} 项待补充。',
    en_us: 'Saved {n} descriptions; {left} still to complete.',
  },
  'mdesc.savedAll': {
    zh_cn: '本批材料均已说明。',
    en_us: 'Every item of this batch is described.',
  },

  // ── described summary ──
  'mdesc.done.title': { zh_cn: '说明已完成 · {code}', en_us: 'Described · {code}' },
  'mdesc.done.body': {
    zh_cn: '本批 {total} 项材料均已补充说明。',
    en_us: 'All {total} items of this batch are described.',
  },
  'mdesc.done.edit': { zh_cn: '修改说明', en_us: 'Edit descriptions' },
  'mdesc.line.missing': { zh_cn: '尚缺：{fields}', en_us: 'missing: {fields}' },
  'mdesc.line.ok': { zh_cn: '✅', en_us: '✅' },

  // ── replies with 字段：值 ──
  'mdesc.reply.title': { zh_cn: '已更新说明 · {code}', en_us: 'Descriptions updated · {code}' },
  'mdesc.reply.updated': {
    zh_cn: '已更新 {n} 项：',
    en_us: 'Updated {n} items:',
  },
  'mdesc.reply.left': {
    zh_cn: '本批还有 **{left}** 项待补充说明。',
    en_us: '**{left}** items of this batch still need a description.',
  },
  'mdesc.reply.allDone': {
    zh_cn: '本批材料均已说明。',
    en_us: 'Every item of this batch is described.',
  },
  'mdesc.reply.more': { zh_cn: '……另有 {n} 项', en_us: '… and {n} more' },
  'mdesc.reply.problems': { zh_cn: '**未能识别**：', en_us: '**Not understood**:' },
  'mdesc.reply.nothing.title': { zh_cn: '没有读到说明', en_us: 'No description found' },
  'mdesc.issue.unknown_field': {
    zh_cn: '不认识字段「{name}」',
    en_us: 'unknown field "{name}"',
  },
  'mdesc.issue.no_fields': {
    zh_cn: '没有找到「字段：值」',
    en_us: 'no `field: value` found',
  },
  'mdesc.issue.invalid_date': {
    zh_cn: '「{value}」不是有效日期（例：2026-03-05 14:30）',
    en_us: '"{value}" is not a date (e.g. 2026-03-05 14:30)',
  },
  'mdesc.issue.invalid_doc_type': {
    zh_cn: '文件类型「{value}」须为：文件、讲话、指示、记录、纪要、方案、宣传报道、其他',
    en_us:
      'document type "{value}" must be one of: document, speech, instruction, record, minutes, plan, press report, other',
  },
  'mdesc.issue.invalid_pages': {
    zh_cn: '页数「{value}」须为正整数',
    en_us: 'pages "{value}" must be a whole number',
  },
  'mdesc.issue.too_long': { zh_cn: '「{field}」太长', en_us: '"{field}" is too long' },
  'mdesc.issue.item_out_of_range': {
    zh_cn: '没有第 {item} 项（共 {count} 项）',
    en_us: 'there is no item {item} (of {count})',
  },
  'mdesc.issue.not_applicable': {
    zh_cn: '第 {item} 项不适用「{field}」',
    en_us: '"{field}" does not apply to item {item}',
  },

  // ── errors of forms ──
  'mdesc.err.required': { zh_cn: '请填写此项。', en_us: 'Please fill this in.' },
  'mdesc.err.too_long': { zh_cn: '内容太长。', en_us: 'This is too long.' },
  'mdesc.err.invalid_type': { zh_cn: '请选择列表中的类型。', en_us: 'Choose one of the types.' },
  'mdesc.err.invalid_quantity': {
    zh_cn: '数量须为正整数。',
    en_us: 'The quantity must be a whole number of at least 1.',
  },
  'mdesc.err.invalid_url': {
    zh_cn: '请填写以 http:// 或 https:// 开头的网址。',
    en_us: 'Enter a web address starting with http:// or https://.',
  },
  'mdesc.err.invalid_date': { zh_cn: '日期格式不正确。', en_us: 'This is not a valid date.' },
  'mdesc.err.invalid_doc_type': { zh_cn: '请选择文件类型。', en_us: 'Choose a document type.' },
  'mdesc.err.invalid_pages': { zh_cn: '页数须为正整数。', en_us: 'Pages must be a whole number.' },
  'mdesc.err.form': {
    zh_cn: '填写有误，请按提示修改。',
    en_us: 'Please correct the marked fields.',
  },
} as const satisfies Record<string, { zh_cn: string; en_us: string }>;

/** Every `mdesc.` text: descriptions (here) plus items, filing and corrections (the other file). */
export const materialsDescribeMessages = { ...describeMessages, ...materialsItemsMessages };

export type MaterialsDescribeMessageKey = keyof typeof materialsDescribeMessages;

const fill = (template: string, vars: Vars): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );

/** Like t(): a materials-description message in both languages with `{name}` placeholders filled. */
export function tmd(key: MaterialsDescribeMessageKey, vars: Vars = {}): I18nText {
  const entry = materialsDescribeMessages[key];
  return { zh_cn: fill(entry.zh_cn, vars), en_us: fill(entry.en_us, vars) };
}

/** Like tPerLang(): the variables differ per language (localized labels, lists). */
export function tmdPerLang(key: MaterialsDescribeMessageKey, vars: (lang: Lang) => Vars): I18nText {
  const entry = materialsDescribeMessages[key];
  return { zh_cn: fill(entry.zh_cn, vars('zh_cn')), en_us: fill(entry.en_us, vars('en_us')) };
}
