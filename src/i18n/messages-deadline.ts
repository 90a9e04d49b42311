/**
 * Texts of the deadline features: extension requests and decisions, the overdue digest, the
 * escalation to the leader in charge. Chinese first, English beside it. Read through td(key, vars).
 */
import type { I18nText, Vars } from './t';

export const deadlineMessages = {
  'ext.form.title': { zh_cn: '申请延期 · {code}', en_us: 'Request an extension · {code}' },
  'ext.form.body': {
    zh_cn: '**{title}**\n当前截止日期：**{deadline}**。逾期移交须经分管领导 **{decider}** 批准。',
    en_us:
      '**{title}**\nCurrent deadline: **{deadline}**. A later handover needs the approval of **{decider}**.',
  },
  'ext.form.date': { zh_cn: '延期至', en_us: 'New deadline' },
  'ext.form.date.ph': { zh_cn: '选择新的截止日期', en_us: 'Pick the new deadline' },
  'ext.form.reason': { zh_cn: '延期理由', en_us: 'Reason' },
  'ext.form.reason.ph': {
    zh_cn: '例如：宣传报道尚未刊发，需等待刊物出版',
    en_us: 'e.g. the press report is not published yet',
  },
  'ext.form.submit': { zh_cn: '提交申请', en_us: 'Submit request' },
  'ext.form.error.date': {
    zh_cn: '请选择晚于当前截止日期（且不早于今天）的日期。',
    en_us: 'Pick a date later than the current deadline (and not before today).',
  },
  'ext.form.error.reason': {
    zh_cn: '请填写延期理由（500 字以内）。',
    en_us: 'Give a reason (at most 500 characters).',
  },
  'ext.form.pending': {
    zh_cn: '已有一份延期申请在等待 **{decider}** 审批（申请延至 {date}）。',
    en_us: 'A request is already waiting for **{decider}** (to {date}).',
  },
  'ext.decider.archivists': {
    zh_cn: '档案员（本单位未配置分管领导）',
    en_us: 'the archivists (no leader in charge configured)',
  },
  'ext.toast.sent': {
    zh_cn: '已提交，等待 {decider} 审批。',
    en_us: 'Submitted; waiting for {decider}.',
  },
  'ext.toast.pending': {
    zh_cn: '已有延期申请在审批中。',
    en_us: 'A request is already waiting for a decision.',
  },
  'ext.submitted.title': {
    zh_cn: '延期申请已提交 · {code}',
    en_us: 'Extension requested · {code}',
  },
  'ext.submitted.body': {
    zh_cn: '申请延至 **{date}**，已发送给 **{decider}** 审批。结果会通知你和活动群。',
    en_us:
      'Requested **{date}**; sent to **{decider}**. You and the group will be told the decision.',
  },

  'ext.card.title': { zh_cn: '延期审批 · {code}', en_us: 'Extension request · {code}' },
  'ext.card.reminder': {
    zh_cn: '⏰ 这份申请已等待 {days} 个工作日，请尽快审批。',
    en_us: '⏰ This request has been waiting {days} workdays; please decide.',
  },
  'ext.card.row.activity': { zh_cn: '活动', en_us: 'Activity' },
  'ext.card.row.unit': { zh_cn: '主办单位', en_us: 'Unit' },
  'ext.card.row.requester': { zh_cn: '申请人', en_us: 'Requested by' },
  'ext.card.row.progress': { zh_cn: '材料进度', en_us: 'Progress' },
  'ext.card.progress': {
    zh_cn: '已收集 {items} 件，已著录 {described}%，清单缺 {gaps} 项',
    en_us: '{items} items collected, {described}% described, {gaps} checklist gaps',
  },
  'ext.card.row.current': { zh_cn: '当前截止', en_us: 'Current deadline' },
  'ext.card.row.requested': { zh_cn: '申请延至', en_us: 'Requested' },
  'ext.card.row.reason': { zh_cn: '理由', en_us: 'Reason' },
  'ext.card.comment': { zh_cn: '审批意见（选填）', en_us: 'Comment (optional)' },
  'ext.card.comment.ph': { zh_cn: '驳回时建议说明原因', en_us: 'Say why when rejecting' },
  'ext.card.approve': { zh_cn: '批准', en_us: 'Approve' },
  'ext.card.reject': { zh_cn: '驳回', en_us: 'Reject' },
  'ext.card.as_archivist': {
    zh_cn: '本单位未配置分管领导，由档案员代为审批；也可在名录中为单位指定分管领导。',
    en_us:
      'The unit has no leader in charge, so archivists decide; you can also name one in the directory.',
  },
  'ext.card.approved': {
    zh_cn: '✅ **{who}** 已于 {at} 批准，截止日期延至 **{date}**。',
    en_us: '✅ Approved by **{who}** on {at}; the deadline is now **{date}**.',
  },
  'ext.card.rejected': {
    zh_cn: '❌ **{who}** 已于 {at} 驳回，截止日期仍为 **{date}**。',
    en_us: '❌ Rejected by **{who}** on {at}; the deadline stays **{date}**.',
  },
  'ext.card.comment.line': { zh_cn: '意见：{comment}', en_us: 'Comment: {comment}' },
  'ext.toast.approved': { zh_cn: '已批准。', en_us: 'Approved.' },
  'ext.toast.rejected': { zh_cn: '已驳回。', en_us: 'Rejected.' },
  'ext.toast.already': {
    zh_cn: '{who} 已经{status}了这份申请。',
    en_us: '{who} has already {status} this request.',
  },
  'ext.status.approved': { zh_cn: '批准', en_us: 'approved' },
  'ext.status.rejected': { zh_cn: '驳回', en_us: 'rejected' },
  'ext.toast.not_decider': {
    zh_cn: '只有 {who} 可以审批这份申请。',
    en_us: 'Only {who} may decide this request.',
  },
  'ext.result.title.approved': {
    zh_cn: '延期已批准 · {code}',
    en_us: 'Extension approved · {code}',
  },
  'ext.result.title.rejected': {
    zh_cn: '延期未获批准 · {code}',
    en_us: 'Extension rejected · {code}',
  },
  'ext.result.approved': {
    zh_cn: '**{title}** 的移交截止日期已延至 **{date}**（{who} 批准）。',
    en_us: 'The handover deadline of **{title}** is now **{date}** (approved by {who}).',
  },
  'ext.result.rejected': {
    zh_cn: '**{title}** 的延期申请被 {who} 驳回，截止日期仍为 **{date}**。',
    en_us: 'The extension for **{title}** was rejected by {who}; the deadline stays **{date}**.',
  },
  'ext.status.pending': {
    zh_cn: '延期申请审批中（申请延至 {date}）',
    en_us: 'extension pending (to {date})',
  },
  'ext.status.rejected_line': { zh_cn: '延期申请被驳回', en_us: 'extension rejected' },
  'ext.command.which': {
    zh_cn:
      '请在活动群里发送「@我 延期」，或在私聊中发送「延期 活动编号」，例如：延期 HD-2026-0001。',
    en_us:
      'Send "@me extension" in the activity\'s group, or "extension <code>" here, e.g. extension HD-2026-0001.',
  },

  'reminder.extend': { zh_cn: '申请延期', en_us: 'Request extension' },
  'reminder.pending_ext': {
    zh_cn: '延期申请正在等待审批（申请延至 {date}）。',
    en_us: 'An extension request is waiting for a decision (to {date}).',
  },

  'digest.title': { zh_cn: '逾期未移交 · {date}', en_us: 'Overdue handovers · {date}' },
  'digest.summary': {
    zh_cn: '共 **{count}** 个活动逾期未移交，按逾期天数排序。',
    en_us: '**{count}** activities are overdue, most overdue first.',
  },
  'digest.row': {
    zh_cn:
      '**{code}** {title}\n{unit} · 联系人 {contact} · 逾期 **{days}** 天 · 已收集 {items} 件{pending}',
    en_us:
      '**{code}** {title}\n{unit} · contact {contact} · **{days}** days overdue · {items} items{pending}',
  },
  'digest.pending': { zh_cn: ' · 延期审批中', en_us: ' · extension pending' },
  'digest.more': {
    zh_cn: '另有 {count} 个未列出，请用「全部活动」筛选逾期查看。',
    en_us: '{count} more not shown; use "all activities" filtered by overdue.',
  },
  'digest.status': { zh_cn: '状态', en_us: 'Status' },
  'digest.remind': { zh_cn: '立即提醒', en_us: 'Remind now' },
  'digest.toast.reminded': { zh_cn: '已提醒 {who}。', en_us: 'Reminded {who}.' },
  'digest.toast.already': {
    zh_cn: '今天已经提醒过 {who} 了。',
    en_us: '{who} was already reminded today.',
  },

  'audit.extension.requested': { zh_cn: '申请延期至 {date}', en_us: 'asked to extend to {date}' },
  'audit.extension.approved': {
    zh_cn: '批准延期至 {date}',
    en_us: 'approved the extension to {date}',
  },
  'audit.extension.rejected': { zh_cn: '驳回了延期申请', en_us: 'rejected the extension request' },
  'audit.deadline.reminded': { zh_cn: '催办了移交', en_us: 'sent a handover reminder' },

  'escalation.title': { zh_cn: '逾期督办 · {code}', en_us: 'Overdue: please follow up · {code}' },
  'escalation.body': {
    zh_cn:
      '您分管的 **{unit}** 主办的活动 **{title}** 已逾期 **{days}** 天未向综合档案室移交（截止 {deadline}，联系人 {contact}）。请督促办理。',
    en_us:
      '**{title}**, organized by **{unit}** under your charge, is **{days}** days past its handover deadline ({deadline}; contact {contact}). Please follow up.',
  },
} as const satisfies Record<string, { zh_cn: string; en_us: string }>;

export type DeadlineMessageKey = keyof typeof deadlineMessages;

const fill = (template: string, vars: Vars): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );

/** Like t(): a deadline-feature message in both languages with `{name}` placeholders filled. */
export function td(key: DeadlineMessageKey, vars: Vars = {}): I18nText {
  const entry = deadlineMessages[key];
  return { zh_cn: fill(entry.zh_cn, vars), en_us: fill(entry.en_us, vars) };
}

/** Variables that differ per language (e.g. a localized status word inside a sentence). */
export function tdPerLang(
  key: DeadlineMessageKey,
  vars: (lang: 'zh_cn' | 'en_us') => Vars,
): I18nText {
  const entry = deadlineMessages[key];
  return { zh_cn: fill(entry.zh_cn, vars('zh_cn')), en_us: fill(entry.en_us, vars('en_us')) };
}
