/**
 * Texts of the activity cards (registration form, confirmation, status, list, rebind, edit, cancel),
 * Chinese first with English beside it. Keys start with `card.` so they merge into messages.ts
 * without clashing. Builders read them through ta(key, vars) / taPerLang(key, vars).
 */
import type { I18nText, Lang, Vars } from './t';

export const activityMessages = {
  'card.form.title': { zh_cn: '活动名称', en_us: 'Title' },
  'card.form.title.ph': {
    zh_cn: '例如：2026 年春季开学典礼',
    en_us: 'e.g. 2026 spring opening ceremony',
  },
  'card.form.category': { zh_cn: '活动类别', en_us: 'Category' },
  'card.form.category.ph': {
    zh_cn: '选择第五条所列类别',
    en_us: 'Choose one of the ten categories',
  },
  'card.form.unit': { zh_cn: '主办/承办单位', en_us: 'Organizing unit' },
  'card.form.unit.ph': {
    zh_cn: '选择负责归档的单位',
    en_us: 'The unit responsible for the archive',
  },
  'card.form.co_units': { zh_cn: '协办单位（可选）', en_us: 'Co-organizing units (optional)' },
  'card.form.co_units.ph': { zh_cn: '可多选', en_us: 'Choose any' },
  'card.form.start_at': { zh_cn: '开始时间', en_us: 'Start' },
  'card.form.end_at': { zh_cn: '结束时间', en_us: 'End' },
  'card.form.datetime.ph': { zh_cn: '选择日期和时间', en_us: 'Pick a date and time' },
  'card.form.location': { zh_cn: '地点（可选）', en_us: 'Location (optional)' },
  'card.form.location.ph': { zh_cn: '例如：学术报告厅', en_us: 'e.g. lecture hall' },
  'card.form.summary': { zh_cn: '活动简介（可选）', en_us: 'Summary (optional)' },
  'card.form.summary.ph': {
    zh_cn: '活动内容、参加人员等，便于日后查档',
    en_us: 'What happened and who took part, to help find it later',
  },
  'card.form.contact': { zh_cn: '经办人', en_us: 'Contact' },
  'card.form.contact.ph': { zh_cn: '负责收集材料的人', en_us: 'Who collects the materials' },

  'card.register.title': { zh_cn: '登记重大活动', en_us: 'Register a major activity' },
  'card.register.intro': {
    zh_cn: '填写活动信息，带 * 的为必填项。',
    en_us: 'Describe the activity; fields marked * are required.',
  },
  'card.register.groupHint': {
    zh_cn: '提交后可将本群设为该活动的材料收集群。',
    en_us: 'After registering you can make this group collect its materials.',
  },
  'card.register.deadline': {
    zh_cn: '活动结束后一个月内移交全部材料至综合档案室；逾期须经分管领导批准。',
    en_us:
      'Hand all materials to the archive room within one month after the activity ends; later needs the approval of the leader in charge.',
  },
  'card.register.submit': { zh_cn: '提交登记', en_us: 'Register' },

  'card.row.title': { zh_cn: '名称', en_us: 'Title' },
  'card.row.category': { zh_cn: '类别', en_us: 'Category' },
  'card.row.unit': { zh_cn: '主办单位', en_us: 'Organizer' },
  'card.row.coUnits': { zh_cn: '协办单位', en_us: 'Co-organizers' },
  'card.row.time': { zh_cn: '时间', en_us: 'Time' },
  'card.row.location': { zh_cn: '地点', en_us: 'Location' },
  'card.row.contact': { zh_cn: '经办人', en_us: 'Contact' },
  'card.row.deadline': { zh_cn: '移交截止', en_us: 'Handover due' },
  'card.row.state': { zh_cn: '状态', en_us: 'State' },
  'card.row.extension': { zh_cn: '延期', en_us: 'Extension' },
  'card.row.handover': { zh_cn: '移交', en_us: 'Handover' },
  'card.row.cancelReason': { zh_cn: '取消原因', en_us: 'Reason for cancelling' },
  'card.time.range': { zh_cn: '{start} 至 {end}', en_us: '{start} to {end}' },
  'card.deadline.line': { zh_cn: '{date}（{note}）', en_us: '{date} ({note})' },
  'card.tag.overdue': { zh_cn: '已逾期', en_us: 'Overdue' },
  'card.tag.soon': { zh_cn: '即将到期', en_us: 'Due soon' },

  'card.checklist.title': {
    zh_cn: '**本类活动通常需要归档的材料**',
    en_us: '**Materials this kind of activity usually leaves**',
  },
  'card.checklist.line': { zh_cn: '{mark} {label}（{kind}）', en_us: '{mark} {label} ({kind})' },
  'card.checklist.required': { zh_cn: '必需', en_us: 'required' },
  'card.checklist.optional': { zh_cn: '可选', en_us: 'optional' },
  'card.checklist.missing': {
    zh_cn: '还缺 {n} 项必需材料',
    en_us: '{n} required items still missing',
  },
  'card.checklist.complete': {
    zh_cn: '必需材料均已收到',
    en_us: 'All required materials received',
  },

  'card.btn.bind_chat': { zh_cn: '用本群收集材料', en_us: 'Collect in this group' },
  'card.btn.create_chat': { zh_cn: '新建活动群', en_us: 'Create a group' },
  'card.btn.status': { zh_cn: '查看状态', en_us: 'Status' },
  'card.btn.edit': { zh_cn: '修改', en_us: 'Edit' },
  'card.btn.cancel': { zh_cn: '取消活动', en_us: 'Cancel activity' },
  'card.btn.restore': { zh_cn: '恢复活动', en_us: 'Restore' },
  'card.btn.request_extension': { zh_cn: '申请延期', en_us: 'Request extension' },

  'card.confirm.title': { zh_cn: '已登记 {code}', en_us: 'Registered {code}' },
  'card.confirm.bound': {
    zh_cn: '✅ 已绑定本群收集材料：发到「{chat}」的照片和文件将归入该活动。',
    en_us:
      '✅ This group collects the materials: photos and files sent to "{chat}" are filed here.',
  },

  'card.status.title': { zh_cn: '活动状态 · {code}', en_us: 'Activity status · {code}' },
  'card.status.materials': { zh_cn: '**已收集材料**', en_us: '**Materials collected**' },
  'card.status.counts': {
    zh_cn:
      '文件 {documents} · 照片 {photos} · 音频 {audio} · 视频 {video} · 链接 {links} · 实物 {physical}',
    en_us:
      'Documents {documents} · Photos {photos} · Audio {audio} · Video {video} · Links {links} · Physical {physical}',
  },
  'card.status.undescribed': {
    zh_cn: '{n} 项缺少说明（时间、地点、人物、事由）',
    en_us: '{n} items lack a description (when, where, who, what)',
  },
  'card.status.recent': { zh_cn: '**最近变更**', en_us: '**Recent changes**' },

  'card.list.mine': { zh_cn: '我的活动（{total}）', en_us: 'My activities ({total})' },
  'card.list.all': { zh_cn: '全部活动（{total}）', en_us: 'All activities ({total})' },
  'card.list.item': {
    zh_cn: '**{code}** {title} · {unit} · {state} · {due}',
    en_us: '**{code}** {title} · {unit} · {state} · {due}',
  },
  'card.list.due': { zh_cn: '截止 {deadline}（{note}）', en_us: 'due {deadline} ({note})' },
  'card.list.emptyMine': {
    zh_cn: '你还没有登记或负责的活动。发送「登记」开始。',
    en_us: 'You have no activities yet. Send "register" to start.',
  },
  'card.list.emptyAll': { zh_cn: '没有符合条件的活动。', en_us: 'No activity matches.' },
  'card.list.page': { zh_cn: '第 {page}/{pages} 页', en_us: 'Page {page} of {pages}' },
  'card.list.prev': { zh_cn: '上一页', en_us: 'Previous' },
  'card.list.next': { zh_cn: '下一页', en_us: 'Next' },

  'card.filter.title': { zh_cn: '**筛选**', en_us: '**Filter**' },
  'card.filter.any': { zh_cn: '全部', en_us: 'Any' },
  'card.filter.state': { zh_cn: '状态', en_us: 'State' },
  'card.filter.category': { zh_cn: '类别', en_us: 'Category' },
  'card.filter.unit': { zh_cn: '单位', en_us: 'Unit' },
  'card.filter.year': { zh_cn: '年份', en_us: 'Year' },
  'card.filter.overdue': { zh_cn: '是否逾期', en_us: 'Overdue?' },
  'card.filter.overdueYes': { zh_cn: '仅看逾期', en_us: 'Overdue only' },
  'card.filter.overdueNo': { zh_cn: '未逾期', en_us: 'Not overdue' },
  'card.filter.q': { zh_cn: '按名称或编号搜索', en_us: 'Search by title or code' },
  'card.filter.submit': { zh_cn: '筛选', en_us: 'Apply' },

  'card.rebind.title': { zh_cn: '更换本群收集的活动？', en_us: "Switch this group's activity?" },
  'card.rebind.body': {
    zh_cn: '本群正在收集 **{currentCode}** {currentTitle} 的材料，改为收集 **{code}** {title}？',
    en_us:
      'This group collects materials for **{currentCode}** {currentTitle}. Collect for **{code}** {title} instead?',
  },
  'card.rebind.confirm': { zh_cn: '改为收集 {code}', en_us: 'Switch to {code}' },
  'card.rebind.dialogTitle': { zh_cn: '确认更换', en_us: 'Confirm the switch' },
  'card.rebind.dialogText': {
    zh_cn: '之后发到本群的照片和文件将归入 {code}。',
    en_us: 'Photos and files sent here from now on will be filed to {code}.',
  },

  'card.edit.title': { zh_cn: '修改活动 {code}', en_us: 'Edit {code}' },
  'card.edit.intro': {
    zh_cn: '修改后点「保存修改」；清空地点或简介会删除原内容。',
    en_us: 'Change what you need and save; clearing the location or summary removes it.',
  },
  'card.edit.submit': { zh_cn: '保存修改', en_us: 'Save changes' },

  'card.cancel.title': { zh_cn: '取消活动 {code}', en_us: 'Cancel {code}' },
  'card.cancel.body': {
    zh_cn: '确定取消 **{code}** {title}？请填写原因，原因会记入活动记录。',
    en_us: "Cancel **{code}** {title}? Give a reason; it is kept in the activity's history.",
  },
  'card.cancel.reason': { zh_cn: '取消原因', en_us: 'Reason' },
  'card.cancel.reason.ph': {
    zh_cn: '例如：活动改期至下学期举办',
    en_us: 'e.g. moved to next term',
  },
  'card.cancel.submit': { zh_cn: '确认取消活动', en_us: 'Cancel the activity' },
} as const satisfies Record<string, { zh_cn: string; en_us: string }>;

export type ActivityMessageKey = keyof typeof activityMessages;

const fill = (template: string, vars: Vars): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );

/** Like t(): looks an activity-card message up in both languages and fills `{name}` placeholders. */
export function ta(key: ActivityMessageKey, vars: Vars = {}): I18nText {
  const entry = activityMessages[key];
  return { zh_cn: fill(entry.zh_cn, vars), en_us: fill(entry.en_us, vars) };
}

/** Like tPerLang(): the variables differ per language (localized labels, lists). */
export function taPerLang(key: ActivityMessageKey, vars: (lang: Lang) => Vars): I18nText {
  const entry = activityMessages[key];
  return { zh_cn: fill(entry.zh_cn, vars('zh_cn')), en_us: fill(entry.en_us, vars('en_us')) };
}
