/**
 * Texts of the web console (/console), Chinese first with English beside it. Pages show one language
 * at a time (the reader's choice); values are filled in before the page escapes them.
 */
export const consoleMessages = {
  'console.name': { zh_cn: '档案室控制台', en_us: 'Archive room console' },
  'console.skip': { zh_cn: '跳到正文', en_us: 'Skip to content' },
  'console.lang.switch': { zh_cn: 'English', en_us: '中文' },
  'console.lang.switch.label': { zh_cn: '切换到英文', en_us: 'Switch to Chinese' },
  'console.signedInAs': { zh_cn: '{name}', en_us: '{name}' },
  'console.logout': { zh_cn: '退出登录', en_us: 'Sign out' },
  'console.nav': { zh_cn: '主导航', en_us: 'Main navigation' },
  'console.nav.activities': { zh_cn: '活动', en_us: 'Activities' },
  'console.nav.tasks': { zh_cn: '任务清单', en_us: 'Task list' },

  'console.signin.title': { zh_cn: '使用飞书登录', en_us: 'Sign in with Feishu' },
  'console.signin.body': {
    zh_cn: '控制台使用您的飞书身份登录，权限与机器人一致。',
    en_us:
      'The console signs you in with your Feishu identity; you may do what the bot lets you do.',
  },
  'console.signin.button': { zh_cn: '使用飞书登录', en_us: 'Sign in with Feishu' },
  'console.signin.again': { zh_cn: '重新登录', en_us: 'Sign in again' },
  'console.signin.failed.title': { zh_cn: '登录未完成', en_us: 'Sign-in did not complete' },
  'console.signin.failed.state': {
    zh_cn: '登录请求无法核对（链接已过期、被篡改或在其他窗口中打开）。请重新登录。',
    en_us:
      'The sign-in request could not be matched (the link expired, was altered, or was opened in another window). Please sign in again.',
  },
  'console.signin.failed.denied': {
    zh_cn: '飞书没有授权本次登录。',
    en_us: 'Feishu did not authorize this sign-in.',
  },
  'console.signin.failed.platform': {
    zh_cn: '飞书暂时无法完成登录，请稍后再试。',
    en_us: 'Feishu could not complete the sign-in right now; please try again shortly.',
  },
  'console.session.expired.title': { zh_cn: '登录已过期', en_us: 'Your session has expired' },
  'console.session.expired.body': {
    zh_cn: '为了安全，登录在一段时间后失效。请重新登录。',
    en_us: 'For safety, a session ends after a while. Please sign in again.',
  },
  'console.session.invalid.title': { zh_cn: '登录信息无效', en_us: 'Your session is not valid' },
  'console.session.invalid.body': {
    zh_cn: '浏览器送来的登录信息无法验证，已被忽略。请重新登录。',
    en_us:
      'The sign-in cookie your browser sent could not be verified and was ignored. Please sign in again.',
  },
  'console.signedOut.title': { zh_cn: '已退出登录', en_us: 'Signed out' },
  'console.signedOut.body': {
    zh_cn: '您已退出控制台。',
    en_us: 'You have signed out of the console.',
  },

  'console.unknown.title': { zh_cn: '通讯录中没有您', en_us: 'You are not in the directory' },
  'console.unknown.body': {
    zh_cn:
      '飞书账号 {name}（{openId}）不在学院的归档通讯录中，也没有您经办的活动。如需使用控制台，请联系综合档案室将您加入通讯录。',
    en_us:
      "The Feishu account {name} ({openId}) is not in the college's archive directory and has no activities of its own. To use the console, ask the archive room to add you to the directory.",
  },
  'console.forbidden.title': { zh_cn: '没有权限', en_us: 'Not allowed' },
  'console.forbidden.body': {
    zh_cn:
      '您的角色不能查看此页面或执行此操作。档案员和管理员可查看全部；分管领导可查看分管单位的活动；经办人可查看自己的活动。',
    en_us:
      'Your role may not open this page or take this action. Archivists and admins see everything; leaders in charge see their units’ activities; organizers and contacts see their own.',
  },
  'console.csrf.title': { zh_cn: '请求未被接受', en_us: 'Request refused' },
  'console.csrf.body': {
    zh_cn: '请求缺少有效的安全令牌，未做任何更改。请回到页面后重试。',
    en_us:
      'The request had no valid security token; nothing was changed. Go back to the page and try again.',
  },
  'console.notFound.title': { zh_cn: '页面不存在', en_us: 'Page not found' },
  'console.notFound.body': {
    zh_cn: '找不到您要的页面或记录。',
    en_us: 'The page or record you asked for does not exist.',
  },
  'console.badRequest.title': { zh_cn: '请求有误', en_us: 'Bad request' },
  'console.error.title': { zh_cn: '出错了', en_us: 'Something went wrong' },
  'console.error.body': {
    zh_cn: '服务器处理时出错（编号 {errorId}），未做任何更改。请稍后再试。',
    en_us: 'The server failed (error {errorId}); nothing was changed. Please try again later.',
  },
  'console.back': { zh_cn: '返回活动列表', en_us: 'Back to the activities' },

  'console.activities.title': { zh_cn: '活动', en_us: 'Activities' },
  'console.activities.scope.all': { zh_cn: '全部活动', en_us: 'All activities' },
  'console.activities.scope.mine': {
    zh_cn: '您分管或经办的活动',
    en_us: 'Activities you lead or organize',
  },
  'console.activities.filters': { zh_cn: '筛选', en_us: 'Filters' },
  'console.activities.q': { zh_cn: '搜索名称或编号', en_us: 'Search title or code' },
  'console.activities.any': { zh_cn: '全部', en_us: 'Any' },
  'console.activities.apply': { zh_cn: '筛选', en_us: 'Apply' },
  'console.activities.reset': { zh_cn: '清除', en_us: 'Clear' },
  'console.activities.export': { zh_cn: '导出 XLSX', en_us: 'Export XLSX' },
  'console.activities.overdue': { zh_cn: '仅逾期', en_us: 'Overdue only' },
  'console.activities.pendingExtension': {
    zh_cn: '仅有待审延期',
    en_us: 'Pending extension only',
  },
  'console.activities.count': { zh_cn: '共 {total} 项', en_us: '{total} in all' },
  'console.activities.empty': {
    zh_cn: '没有符合条件的活动。',
    en_us: 'No activity matches.',
  },
  'console.activities.page': {
    zh_cn: '第 {page} / {pages} 页',
    en_us: 'Page {page} of {pages}',
  },
  'console.activities.prev': { zh_cn: '上一页', en_us: 'Previous' },
  'console.activities.next': { zh_cn: '下一页', en_us: 'Next' },
  'console.activities.pager': { zh_cn: '分页', en_us: 'Pages' },
  'console.activities.sortBy': { zh_cn: '按{column}排序', en_us: 'Sort by {column}' },
  'console.col.code': { zh_cn: '编号', en_us: 'Code' },
  'console.col.title': { zh_cn: '活动名称', en_us: 'Title' },
  'console.col.category': { zh_cn: '类别', en_us: 'Category' },
  'console.col.unit': { zh_cn: '单位', en_us: 'Unit' },
  'console.col.dates': { zh_cn: '日期', en_us: 'Dates' },
  'console.col.start': { zh_cn: '开始', en_us: 'Start' },
  'console.col.end': { zh_cn: '结束', en_us: 'End' },
  'console.col.state': { zh_cn: '状态', en_us: 'State' },
  'console.col.deadline': { zh_cn: '移交期限', en_us: 'Deadline' },
  'console.col.daysLeft': { zh_cn: '剩余/逾期', en_us: 'Left / overdue' },
  'console.col.materials': { zh_cn: '材料', en_us: 'Materials' },
  'console.col.undescribed': { zh_cn: '缺说明', en_us: 'Undescribed' },
  'console.col.extension': { zh_cn: '延期', en_us: 'Extension' },
  'console.col.handover': { zh_cn: '移交', en_us: 'Handover' },
  'console.col.contact': { zh_cn: '经办人', en_us: 'Contact' },
  'console.col.year': { zh_cn: '年度', en_us: 'Year' },
  'console.col.half': { zh_cn: '半年', en_us: 'Half-year' },
  'console.days.left': { zh_cn: '剩 {days} 天', en_us: '{days} d left' },
  'console.days.today': { zh_cn: '今天到期', en_us: 'due today' },
  'console.days.overdue': { zh_cn: '逾期 {days} 天', en_us: '{days} d overdue' },
  'console.days.done': { zh_cn: '—', en_us: '—' },
  'console.extension.none': { zh_cn: '—', en_us: '—' },
  'console.extension.pending': { zh_cn: '待审批', en_us: 'pending' },
  'console.extension.granted': { zh_cn: '已延期至 {date}', en_us: 'extended to {date}' },
  'console.handover.none': { zh_cn: '未提交', en_us: 'not submitted' },
  'console.handover.submitted': { zh_cn: '待验收', en_us: 'under review' },
  'console.handover.returned': { zh_cn: '已退回', en_us: 'returned' },
  'console.handover.accepted': { zh_cn: '已归档', en_us: 'accepted' },
  'console.half.1': { zh_cn: '上半年', en_us: 'First half' },
  'console.half.2': { zh_cn: '下半年', en_us: 'Second half' },

  'console.tasks.title': { zh_cn: '任务清单', en_us: 'Task list' },
  'console.tasks.heading': {
    zh_cn: '{year} 年{half}重大活动归档任务清单',
    en_us: 'Archiving task list, {half} {year}',
  },
  'console.tasks.intro': {
    zh_cn: '本期须归档的重大活动：工作事项、责任部门、经办人和完成时限。',
    en_us:
      'Major activities to archive this half-year: the work, the responsible unit, the contact and the deadline.',
  },
  'console.tasks.choose': { zh_cn: '选择期间', en_us: 'Choose the period' },
  'console.tasks.show': { zh_cn: '显示', en_us: 'Show' },
  'console.tasks.export': { zh_cn: '导出 XLSX', en_us: 'Export XLSX' },
  'console.tasks.no': { zh_cn: '序号', en_us: 'No.' },
  'console.tasks.empty': {
    zh_cn: '本期没有登记的活动。',
    en_us: 'No activity registered in this period.',
  },
} as const;

export type ConsoleMessageKey = keyof typeof consoleMessages;
