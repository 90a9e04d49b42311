/**
 * Texts of the handover, acceptance, archive and assessment cards, Chinese first with English
 * beside it. Keys start with `ho.` (handover) so they never clash with other catalogues. Builders
 * and handlers read them through th(key, vars) / thPerLang(key, vars).
 */
import type { I18nText, Lang, Vars } from './t';

export const handoverMessages = {
  // ── pre-check card ──
  'ho.check.title': { zh_cn: '移交前检查 · {code}', en_us: 'Handover check · {code}' },
  'ho.check.blocked': {
    zh_cn: '有 **{n}** 个问题必须先处理，处理后再提交移交：',
    en_us: '**{n}** problems must be fixed before the handover can be submitted:',
  },
  'ho.check.passed': { zh_cn: '检查通过。', en_us: 'All checks passed.' },
  'ho.check.warnings': {
    zh_cn: '检查通过，但请留意以下 {n} 项（不影响提交）：',
    en_us: 'All checks passed, but note these {n} points (they do not stop a submission):',
  },
  'ho.check.confirm': {
    zh_cn: '确认无误后点击「仍然提交」。',
    en_us: 'If this is as intended, tap "Submit anyway".',
  },
  'ho.check.submitted': {
    zh_cn: '✅ 已提交移交（第 {version} 版），移交清册已发送，等待综合档案室验收。',
    en_us:
      '✅ Handover submitted (version {version}); the transfer list was sent and the archive room will review it.',
  },
  'ho.check.totals': {
    zh_cn:
      '共 **{items}** 件：文件 {files} 个（{size}），页数 {pages}；已从存储逐个读回校验 {read} 个文件。',
    en_us:
      '**{items}** items: {files} files ({size}), {pages} pages; {read} files read back from the store and verified.',
  },
  'ho.check.four': {
    zh_cn: '四性检测：真实性 {a} · 完整性 {i} · 可用性 {u} · 安全性 {s}',
    en_us: 'Four properties: authenticity {a} · integrity {i} · usability {u} · security {s}',
  },
  'ho.check.more': { zh_cn: '……另有 {n} 项', en_us: '… and {n} more' },
  'ho.check.btn.recheck': { zh_cn: '重新检查', en_us: 'Check again' },
  'ho.check.btn.confirm': { zh_cn: '仍然提交', en_us: 'Submit anyway' },

  'ho.p.no_items': {
    zh_cn: '还没有任何归档材料。',
    en_us: 'There are no materials yet.',
  },
  'ho.p.undescribed': {
    zh_cn: '「{label}」缺少说明：{fields}',
    en_us: '"{label}" lacks: {fields}',
  },
  'ho.p.failed_item': {
    zh_cn: '「{label}」未能保存，请删除后重新发送',
    en_us: '"{label}" was not stored; remove it and send it again',
  },
  'ho.p.blob_missing': {
    zh_cn: '「{label}」的文件在存储中找不到（完整性）',
    en_us: '"{label}": its file is missing from the store (integrity)',
  },
  'ho.p.hash_mismatch': {
    zh_cn: '「{label}」SHA-256 与收集时不符，文件已被改动（真实性）',
    en_us: '"{label}": SHA-256 differs from intake, the file changed (authenticity)',
  },
  'ho.p.size_mismatch': {
    zh_cn: '「{label}」大小不符：记录 {expected} 字节，实际 {actual} 字节（真实性）',
    en_us: '"{label}": size {actual} bytes, recorded {expected} (authenticity)',
  },
  'ho.p.empty': { zh_cn: '「{label}」是空文件（可用性）', en_us: '"{label}" is empty (usability)' },
  'ho.p.format_unknown': {
    zh_cn: '「{label}」无法识别文件格式（可用性）',
    en_us: '"{label}": the format cannot be identified (usability)',
  },
  'ho.p.format_not_allowed': {
    zh_cn: '「{label}」的格式 {format} 不符合归档要求，不接受压缩包或可执行文件（安全性）',
    en_us: '"{label}": format {format} is not accepted; no archives or executables (security)',
  },
  'ho.p.format_mismatch': {
    zh_cn: '「{label}」内容格式与记录不符：记录 {recorded}，实际 {detected}（真实性）',
    en_us: '"{label}": content is {detected}, recorded as {recorded} (authenticity)',
  },
  'ho.p.truncated': {
    zh_cn: '「{label}」文件不完整，无法正常打开（{format}，可用性）',
    en_us: '"{label}" is incomplete and cannot be opened ({format}, usability)',
  },
  'ho.p.encrypted': {
    zh_cn: '「{label}」已加密，请提交未加密的原件（安全性）',
    en_us: '"{label}" is encrypted; hand over an unencrypted original (security)',
  },
  'ho.w.checklist_gap': {
    zh_cn: '清单缺项：{item}',
    en_us: 'Checklist gap: {item}',
  },
  'ho.w.quality': {
    zh_cn: '「{label}」有 {n} 条质量提示',
    en_us: '"{label}" has {n} quality warnings',
  },
  'ho.w.physical_to_deliver': {
    zh_cn: '实物「{label}」×{quantity} 须送交综合档案室',
    en_us: 'Physical item "{label}" ×{quantity} must be brought to the archive room',
  },

  // ── review card (archivists) ──
  'ho.review.title': { zh_cn: '移交待验收 · {code}', en_us: 'Handover to review · {code}' },
  'ho.review.decided.title': { zh_cn: '移交验收 · {code}', en_us: 'Handover review · {code}' },
  'ho.row.activity': { zh_cn: '活动', en_us: 'Activity' },
  'ho.row.unit': { zh_cn: '移交单位', en_us: 'Unit' },
  'ho.row.category': { zh_cn: '类别', en_us: 'Category' },
  'ho.row.version': { zh_cn: '版本', en_us: 'Version' },
  'ho.row.by': { zh_cn: '移交人', en_us: 'Handed over by' },
  'ho.row.at': { zh_cn: '提交时间', en_us: 'Submitted' },
  'ho.row.deadline': { zh_cn: '移交期限', en_us: 'Deadline' },
  'ho.row.timeliness': { zh_cn: '是否按期', en_us: 'Timeliness' },
  'ho.row.totals': { zh_cn: '数量', en_us: 'Totals' },
  'ho.row.list': { zh_cn: '移交清册', en_us: 'Transfer list' },
  'ho.version': { zh_cn: '第 {version} 版', en_us: 'version {version}' },
  'ho.totals': {
    zh_cn: '{items} 件，{pages} 页，文件 {files} 个（{size}）',
    en_us: '{items} items, {pages} pages, {files} files ({size})',
  },
  'ho.list': {
    zh_cn: '{file}（已发送）\n清册摘要 SHA-256：{digest}',
    en_us: '{file} (sent)\nList digest SHA-256: {digest}',
  },
  'ho.deadline': { zh_cn: '{date}', en_us: '{date}' },
  'ho.deadline.extended': {
    zh_cn: '{date}（已批准延期，原期限 {original}）',
    en_us: '{date} (extension approved; originally {original})',
  },
  'ho.t.on_time': { zh_cn: '按期移交', en_us: 'On time' },
  'ho.t.late_with_extension': {
    zh_cn: '在批准的延期期限内移交（原期限后 {days} 天）',
    en_us: 'Within the approved extension ({days} days after the original deadline)',
  },
  'ho.t.late': { zh_cn: '逾期 {days} 天移交', en_us: '{days} days late' },
  'ho.t.late_extended': {
    zh_cn: '超过延期期限 {days} 天移交',
    en_us: '{days} days past the extended deadline',
  },
  'ho.t.clock': {
    zh_cn: '（按首次提交时间 {date} 认定：此前退回为轻微问题）',
    en_us: '(counted from the first submission on {date}: earlier returns were minor)',
  },
  'ho.review.gaps': {
    zh_cn: '清单缺项 {n} 项：{items}',
    en_us: '{n} checklist gaps: {items}',
  },
  'ho.review.physical': {
    zh_cn: '须送交实物 {n} 件，纸质原件 {m} 件，验收后逐件确认接收。',
    en_us: '{n} physical items and {m} paper originals to receive, one by one after acceptance.',
  },
  'ho.review.retention': { zh_cn: '保管期限', en_us: 'Retention' },
  'ho.review.reason': { zh_cn: '退回原因（退回时必填）', en_us: 'Reason (required to return)' },
  'ho.review.reason.ph': {
    zh_cn: '例如：第 3 张照片缺少人物说明',
    en_us: 'e.g. photo 3 lacks the people shown',
  },
  'ho.review.minor': { zh_cn: '退回性质', en_us: 'Kind of return' },
  'ho.review.minor.yes': {
    zh_cn: '轻微问题：改正后仍按首次提交时间认定',
    en_us: 'Minor corrections: the first submission time still counts',
  },
  'ho.review.minor.no': {
    zh_cn: '需重新整理：以重新提交时间认定',
    en_us: 'Rework: the resubmission time counts',
  },
  'ho.review.btn.accept': { zh_cn: '验收通过', en_us: 'Accept' },
  'ho.review.btn.return': { zh_cn: '退回', en_us: 'Return' },
  'ho.review.confirm.accept': {
    zh_cn: '验收后将编制档号，材料不能再修改。确定验收？',
    en_us: 'Accepting assigns archive numbers and locks the materials. Accept?',
  },
  'ho.review.accepted': {
    zh_cn: '✅ {name} 于 {at} 验收通过，保管期限：{retention}。',
    en_us: '✅ Accepted by {name} on {at}; retention: {retention}.',
  },
  'ho.review.returned': {
    zh_cn: '↩️ {name} 于 {at} 退回{minor}：{reason}',
    en_us: '↩️ Returned by {name} on {at}{minor}: {reason}',
  },
  'ho.review.minorTag': { zh_cn: '（轻微问题）', en_us: ' (minor)' },
  'ho.review.numbers': {
    zh_cn: '档号：{first} 至 {last}，共 {n} 件',
    en_us: 'Archive numbers {first} to {last}, {n} items',
  },
  'ho.review.numbering': {
    zh_cn: '正在编制档号并重新生成移交清册……',
    en_us: 'Assigning archive numbers and regenerating the transfer list…',
  },
  'ho.btn.originals': { zh_cn: '原件接收', en_us: 'Receive originals' },
  'ho.toast.accepted': {
    zh_cn: '已验收通过，正在编制档号',
    en_us: 'Accepted; archive numbers are being assigned',
  },
  'ho.toast.returned': {
    zh_cn: '已退回，已通知经办人',
    en_us: 'Returned; the organizer has been told',
  },
  'ho.toast.already': {
    zh_cn: '已由 {name} 处理过了',
    en_us: 'Already decided by {name}',
  },
  'ho.toast.reasonRequired': { zh_cn: '退回须填写原因', en_us: 'A return needs a reason' },
  'ho.toast.checking': {
    zh_cn: '正在检查全部材料，结果稍后发送',
    en_us: 'Checking every item; the result follows shortly',
  },
  'ho.toast.notArchivist': {
    zh_cn: '只有综合档案室档案员可以验收或退回移交。',
    en_us: 'Only archivists can accept or return a handover.',
  },

  // ── notices to the organizer ──
  'ho.notice.returned.title': { zh_cn: '移交被退回 · {code}', en_us: 'Handover returned · {code}' },
  'ho.notice.returned': {
    zh_cn:
      '综合档案室 {name} 退回了「{title}」第 {version} 版移交，原因：\n{reason}\n\n请修改后重新提交。',
    en_us:
      'The archive room ({name}) returned version {version} of "{title}". Reason:\n{reason}\n\nPlease fix it and submit again.',
  },
  'ho.notice.minor': {
    zh_cn: '档案室标注为**轻微问题**：改正后重新提交，仍按首次提交时间 {date} 认定是否按期。',
    en_us:
      'Marked as **minor corrections**: once resubmitted, timeliness still counts from the first submission on {date}.',
  },
  'ho.notice.major': {
    zh_cn: '需重新整理：是否按期以重新提交的时间认定（期限 {deadline}）。',
    en_us: 'Rework: timeliness counts from the resubmission (deadline {deadline}).',
  },
  'ho.notice.accepted.title': { zh_cn: '移交已验收 · {code}', en_us: 'Handover accepted · {code}' },
  'ho.notice.accepted': {
    zh_cn:
      '综合档案室 {name} 于 {at} 验收通过「{title}」第 {version} 版移交（{timeliness}）。\n共 {n} 件，档号 {first} 至 {last}。材料已归档，不能再修改。',
    en_us:
      'The archive room ({name}) accepted version {version} of "{title}" on {at} ({timeliness}).\n{n} items, archive numbers {first} to {last}. The materials are archived and can no longer change.',
  },
  'ho.notice.toDeliver': {
    zh_cn: '尚待送交原件 {n} 件：{items}',
    en_us: '{n} originals still to deliver: {items}',
  },
  'ho.btn.resubmit': { zh_cn: '修改后重新提交', en_us: 'Submit again' },
  'ho.btn.submit': { zh_cn: '提交移交', en_us: 'Submit handover' },
  'ho.btn.status': { zh_cn: '查看状态', en_us: 'View status' },

  // ── originals ──
  'ho.orig.title': { zh_cn: '原件接收 · {code}', en_us: 'Originals · {code}' },
  'ho.orig.intro': {
    zh_cn: '实物和纸质原件须送至综合档案室，由档案员逐件确认接收（与电子文件分开）。',
    en_us:
      'Physical items and paper originals are brought to the archive room and received one by one (separately from the digital files).',
  },
  'ho.orig.physical': {
    zh_cn: '实物「{name}」×{quantity}（{location}）',
    en_us: 'Physical "{name}" ×{quantity} ({location})',
  },
  'ho.orig.paper': { zh_cn: '纸质原件「{title}」', en_us: 'Paper original "{title}"' },
  'ho.orig.received': { zh_cn: '✅ 已接收 {date}', en_us: '✅ received {date}' },
  'ho.orig.pending': { zh_cn: '⏳ 待接收', en_us: '⏳ to receive' },
  'ho.orig.btn.receive': { zh_cn: '确认接收', en_us: 'Received' },
  'ho.orig.none': { zh_cn: '没有需要接收的原件。', en_us: 'No originals to receive.' },
  'ho.orig.toast': { zh_cn: '已确认接收', en_us: 'Marked as received' },
  'ho.orig.toast.already': { zh_cn: '此前已确认接收', en_us: 'Already received' },
  'ho.status.pending': {
    zh_cn: '{state}；待送交原件 {n} 件：{items}',
    en_us: '{state}; {n} originals still to arrive: {items}',
  },
  'ho.status.allIn': {
    zh_cn: '{state}；原件已全部接收',
    en_us: '{state}; all originals received',
  },
  'ho.status.accepted': {
    zh_cn: '档案室已验收（档号 {first} 至 {last}）',
    en_us: 'accepted by the archive room (archive numbers {first} to {last})',
  },

  // ── search and export ──
  'ho.search.title': { zh_cn: '档案检索', en_us: 'Archive search' },
  'ho.search.query': { zh_cn: '检索条件：{q}', en_us: 'Search: {q}' },
  'ho.search.all': { zh_cn: '全部已验收档案', en_us: 'all accepted archives' },
  'ho.search.none': {
    zh_cn: '没有找到符合条件的已验收档案。',
    en_us: 'No accepted archive matches.',
  },
  'ho.search.item': {
    zh_cn:
      '**{code}** {title}\n{unit} · {year} 年 · {category} · {n} 件 · 档号 {first} 至 {last} · {date} 验收',
    en_us:
      '**{code}** {title}\n{unit} · {year} · {category} · {n} items · {first} to {last} · accepted {date}',
  },
  'ho.search.more': {
    zh_cn: '仅显示前 {n} 条，请加条件缩小范围。',
    en_us: 'Showing the first {n}; add conditions to narrow the search.',
  },
  'ho.search.help': {
    zh_cn:
      '可按活动编号、题名、类别、单位、年度或档号检索，例如：检索 校庆 年度:2026 单位:jwc 类别:5',
    en_us:
      'Search by code, title, category, unit, year or archive number, e.g. search anniversary year:2026 unit:jwc category:5',
  },
  'ho.btn.export': { zh_cn: '导出 ZIP', en_us: 'Export ZIP' },
  'ho.export.toast': {
    zh_cn: '正在导出，完成后发送给你',
    en_us: 'Exporting; the ZIP follows when ready',
  },
  'ho.export.title': { zh_cn: '档案导出 · {code}', en_us: 'Archive export · {code}' },
  'ho.export.done': {
    zh_cn:
      '已导出 {n} 个文件（按档号命名）、移交清册和元数据 metadata.json，ZIP 共 {size}。\nZIP SHA-256：{sha}',
    en_us:
      '{n} files (named by archive number), the transfer list and metadata.json exported; the ZIP is {size}.\nZIP SHA-256: {sha}',
  },
  'ho.export.kept': {
    zh_cn: 'ZIP 超过飞书 30 MB 的文件上限，已保存在服务器：{path}',
    en_us: "The ZIP exceeds Feishu's 30 MB file limit; it is kept on the server at {path}",
  },

  // ── assessment ──
  'ho.assess.title': {
    zh_cn: '{year} 年度重大活动档案移交考核',
    en_us: '{year} handover assessment of major-activity archives',
  },
  'ho.assess.asOf': {
    zh_cn: '统计截至 {date}；赋分规则：{file}',
    en_us: 'As of {date}; scoring rules: {file}',
  },
  'ho.assess.header': {
    zh_cn:
      '| 名次 | 单位 | 得分 | 登记 | 按期 | 延期内 | 逾期移交 | 逾期未交 | 说明完整率 | 退回 | 通报 |',
    en_us:
      '| Rank | Unit | Score | Registered | On time | Extended | Late | Overdue | Described | Returns | Criticisms |',
  },
  'ho.assess.chart': { zh_cn: '各单位得分', en_us: 'Score by unit' },
  'ho.assess.none': {
    zh_cn: '该年度还没有登记的活动。',
    en_us: 'No activities were registered that year.',
  },
  'ho.assess.report': {
    zh_cn: '考核表 {file} 已发送：每个单位一页，另有汇总页。',
    en_us: 'Report {file} sent: one sheet per unit and a summary.',
  },
  'ho.assess.notice': {
    zh_cn: '通报草稿已另行发送，请修改后使用。',
    en_us: 'A draft notice of criticism was sent separately for you to edit.',
  },
  'ho.assess.btn.criticize': { zh_cn: '记录通报批评', en_us: 'Record a criticism' },
  'ho.assess.rulesInvalid': {
    zh_cn: '考核规则文件有误，请管理员修正：\n{problems}',
    en_us: 'The scoring rules file is invalid; ask an admin to fix it:\n{problems}',
  },
  'ho.crit.title': { zh_cn: '记录通报批评', en_us: 'Record a criticism' },
  'ho.crit.unit': { zh_cn: '单位', en_us: 'Unit' },
  'ho.crit.reason': { zh_cn: '原因', en_us: 'Reason' },
  'ho.crit.activity': { zh_cn: '活动编号（可选）', en_us: 'Activity code (optional)' },
  'ho.crit.note': { zh_cn: '情况说明', en_us: 'Details' },
  'ho.crit.note.ph': {
    zh_cn: '例如：活动照片未留存',
    en_us: 'e.g. no photos were kept',
  },
  'ho.crit.submit': { zh_cn: '记录', en_us: 'Record' },
  'ho.crit.saved': {
    zh_cn: '已记录对 {unit} 的通报批评（{reason}），已写入审计日志，计入 {year} 年度考核。',
    en_us:
      'Criticism of {unit} recorded ({reason}); written to the audit log and counted in the {year} assessment.',
  },
  'ho.crit.invalid': {
    zh_cn: '请选择单位和原因',
    en_us: 'Choose a unit and a reason',
  },

  // ── commands ──
  'ho.cmd.noActivity': {
    zh_cn: '本群还没有绑定活动。请在活动群里发送，或附上活动编号，例如「移交 #HD-2026-0001」。',
    en_us:
      'This chat is not bound to an activity. Send it in the activity\'s group, or add the code, e.g. "handover #HD-2026-0001".',
  },
  'ho.cmd.state': {
    zh_cn: '「{title}」当前状态为「{state}」，不能提交移交。',
    en_us: '"{title}" is {state}; it cannot be handed over now.',
  },
} as const satisfies Record<string, { zh_cn: string; en_us: string }>;

export type HandoverMessageKey = keyof typeof handoverMessages;

const fill = (template: string, vars: Vars): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );

/** Like t(): a handover message in both languages with `{name}` placeholders filled. */
export function th(key: HandoverMessageKey, vars: Vars = {}): I18nText {
  const entry = handoverMessages[key];
  return { zh_cn: fill(entry.zh_cn, vars), en_us: fill(entry.en_us, vars) };
}

/** Like tPerLang(): the variables differ per language (localized labels, lists). */
export function thPerLang(key: HandoverMessageKey, vars: (lang: Lang) => Vars): I18nText {
  const entry = handoverMessages[key];
  return { zh_cn: fill(entry.zh_cn, vars('zh_cn')), en_us: fill(entry.en_us, vars('en_us')) };
}

/** Field names of descriptions and records, for "lacks: …" lines. */
export const FIELD_LABELS: Record<string, I18nText> = {
  takenAt: { zh_cn: '时间', en_us: 'time' },
  place: { zh_cn: '地点', en_us: 'place' },
  people: { zh_cn: '人物', en_us: 'people' },
  event: { zh_cn: '事由', en_us: 'event' },
  photographer: { zh_cn: '摄影者', en_us: 'photographer' },
  title: { zh_cn: '题名', en_us: 'title' },
  docType: { zh_cn: '文件类型', en_us: 'document type' },
  docDate: { zh_cn: '日期', en_us: 'date' },
  pages: { zh_cn: '页数', en_us: 'pages' },
  url: { zh_cn: '网址', en_us: 'URL' },
  source: { zh_cn: '来源', en_us: 'source' },
  name: { zh_cn: '名称', en_us: 'name' },
  type: { zh_cn: '类型', en_us: 'type' },
  quantity: { zh_cn: '数量', en_us: 'quantity' },
  description: { zh_cn: '说明', en_us: 'description' },
  location: { zh_cn: '存放位置', en_us: 'location' },
};

/** `1.2 MB` / `340 KB` / `12 B`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${bytes} B`;
}
