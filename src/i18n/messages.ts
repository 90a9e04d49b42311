/**
 * Every user-facing text, Chinese first with English beside it. Builders and handlers never hold
 * literal user text; they call t(key, vars).
 */
export const messages = {
  'bot.name': { zh_cn: '活动归档助手', en_us: 'Activity Archive Bot' },

  'welcome.title': {
    zh_cn: '你好，我是活动归档助手',
    en_us: 'Hello, I am the Activity Archive Bot',
  },
  'welcome.body': {
    zh_cn:
      '我帮助本群按学院《重大活动档案管理办法》收集和移交活动档案：登记活动、收集照片与文件、到期提醒、延期审批、移交归档。',
    en_us:
      "I help this group archive major activities under the college's rules: register the activity, collect photos and files, remind before the deadline, route extensions to the leader in charge, and hand everything over to the archive room.",
  },
  'welcome.next': {
    zh_cn: '**下一步**：发送「@我 登记」登记活动，或发送「@我 帮助」查看全部功能。',
    en_us:
      '**Next**: send "@me register" to register an activity, or "@me help" to see everything I do.',
  },
  'welcome.deadline': {
    zh_cn: '活动结束后 **一个月内** 须向综合档案室移交全部材料；逾期须经分管领导批准。',
    en_us:
      'All materials go to the archive room **within one month** after the activity ends; later needs the approval of the leader in charge.',
  },

  'help.title': {
    zh_cn: '帮助：活动归档助手能做什么',
    en_us: 'Help: what the Activity Archive Bot does',
  },
  'help.intro': {
    zh_cn: '在私聊中直接发送指令；在群里请先 @我。',
    en_us: 'Send a command in a private chat; in a group, @mention me first.',
  },
  'help.role.organizer': { zh_cn: '**经办人（主办/承办单位）**', en_us: '**Organizers**' },
  'help.role.organizer.body': {
    zh_cn:
      '· `登记` 登记重大活动\n· 在活动群中直接发送照片、文件、音视频，我会逐一存档；若我没有回应，回复那条消息「@我 归档」\n· 回复存档卡片「人物：张三」补充说明\n· `登记实物`、`报道 网址 标题` 登记实物和报道链接\n· `材料` 查看、删除材料\n· `状态` 查看材料与期限\n· `延期` 申请延期\n· `移交` 检查并提交移交清册\n· `我的活动` 查看我负责的活动',
    en_us:
      '· `register` a major activity\n· drop photos, files, audio and video in the activity group and I store each one; if I stay silent, reply to that message with "@me archive"\n· reply "people: Zhang San" to my card to describe them\n· `add item`, `link <url> <title>` register physical items and press links\n· `materials` lists and removes items\n· `status` shows materials and the deadline\n· `extension` asks for a later deadline\n· `handover` checks and submits the transfer list\n· `my activities` lists yours',
  },
  'help.role.leader': { zh_cn: '**分管领导**', en_us: '**Leaders in charge**' },
  'help.role.leader.body': {
    zh_cn: '· 延期申请以卡片发给您，一键批准或驳回\n· 分管单位的活动逾期 7 天起每周提醒一次',
    en_us:
      '· extension requests arrive as a card; approve or reject with one tap\n· a weekly note when an activity of your units is 7 days or more overdue',
  },
  'help.role.archivist': { zh_cn: '**档案员**', en_us: '**Archivists**' },
  'help.role.archivist.body': {
    zh_cn:
      '· `全部活动` 查看全部活动\n· 每天早上收到逾期汇总，可一键催办\n· 接收移交，验收或退回；`检索` 查找已归档档案\n· `待归档` 归档宣传处材料\n· `评估` 单位考核\n· `备份` 查看备份登记与待确认事项',
    en_us:
      '· `all activities` lists every activity\n· a morning digest of overdue handovers, with one-tap reminders\n· receive handovers; accept or return them; `search` finds accepted archives\n· `unfiled` files publicity photos\n· `assessment` scores the units\n· `backup` shows the backup register and pending confirmations',
  },
  'help.role.publicity': { zh_cn: '**宣传处**', en_us: '**Publicity office**' },
  'help.role.publicity.body': {
    zh_cn: '· 私聊发送活动照片和视频，一键归入对应活动',
    en_us:
      '· send event photos and videos in a private chat and file them to the activity in one tap',
  },
  'help.yourRoles': { zh_cn: '你的身份：{roles}', en_us: 'Your roles: {roles}' },

  'role.archivist': { zh_cn: '档案员', en_us: 'archivist' },
  'role.admin': { zh_cn: '管理员', en_us: 'admin' },
  'role.publicity': { zh_cn: '宣传处', en_us: 'publicity office' },
  'role.leader': { zh_cn: '分管领导（{units}）', en_us: 'leader in charge ({units})' },
  'role.contact': { zh_cn: '单位经办人（{units}）', en_us: 'unit contact ({units})' },
  'role.member': { zh_cn: '普通用户', en_us: 'member' },

  'alert.inboxFailed.title': { zh_cn: '事件处理失败', en_us: 'An event could not be processed' },
  'alert.inboxFailed.body': {
    zh_cn: '事件 `{eventId}`（{type}）重试 {attempts} 次后仍失败：{error}',
    en_us: 'Event `{eventId}` ({type}) still failed after {attempts} attempts: {error}',
  },

  'deadline.left': { zh_cn: '还剩 {days} 天', en_us: '{days} days left' },
  'deadline.today': { zh_cn: '今天到期', en_us: 'due today' },
  'deadline.overdue': { zh_cn: '已逾期 {days} 天', en_us: 'overdue by {days} days' },
  'deadline.handedOver': { zh_cn: '已提交移交', en_us: 'handover submitted' },
  'deadline.accepted': { zh_cn: '已归档', en_us: 'archived' },
  'deadline.cancelled': { zh_cn: '活动已取消', en_us: 'activity cancelled' },
  'extension.none': { zh_cn: '未申请延期', en_us: 'no extension requested' },
  'extension.approved': { zh_cn: '已批准延期至 {date}', en_us: 'extended to {date}' },
  'handover.none': { zh_cn: '尚未移交', en_us: 'not handed over yet' },
  'handover.submitted': {
    zh_cn: '已提交，待档案室验收',
    en_us: 'submitted, awaiting the archive room',
  },
  'handover.returned': { zh_cn: '已退回，待修改后重新提交', en_us: 'returned for corrections' },
  'handover.accepted': { zh_cn: '档案室已验收', en_us: 'accepted by the archive room' },

  'audit.registered': { zh_cn: '登记了活动', en_us: 'registered the activity' },
  'audit.edited': { zh_cn: '修改了 {fields}', en_us: 'changed {fields}' },
  'audit.cancelled': { zh_cn: '取消了活动：{reason}', en_us: 'cancelled the activity: {reason}' },
  'audit.restored': { zh_cn: '恢复了活动', en_us: 'restored the activity' },
  'audit.bound': {
    zh_cn: '绑定群 {chat} 收集材料',
    en_us: 'bound group {chat} to collect materials',
  },
  'audit.rebound': {
    zh_cn: '将群 {chat} 改为收集本活动材料',
    en_us: 'moved group {chat} to this activity',
  },
  'audit.unbound': {
    zh_cn: '机器人被移出群 {chat}，已解除绑定',
    en_us: 'the bot left group {chat}; unbound',
  },

  'field.title': { zh_cn: '名称', en_us: 'title' },
  'field.category': { zh_cn: '类别', en_us: 'category' },
  'field.start_at': { zh_cn: '开始时间', en_us: 'start' },
  'field.end_at': { zh_cn: '结束时间', en_us: 'end' },
  'field.location': { zh_cn: '地点', en_us: 'location' },
  'field.summary': { zh_cn: '简介', en_us: 'summary' },

  'activity.registered': { zh_cn: '已登记 {code}', en_us: 'Registered {code}' },
  'activity.bound': {
    zh_cn: '本群已绑定 {code}，发到本群的照片和文件将归入该活动。',
    en_us: 'This group now collects for {code}: photos and files sent here are filed to it.',
  },
  'activity.alreadyBoundHere': {
    zh_cn: '本群已经在收集 {code} 的材料。',
    en_us: 'This group already collects for {code}.',
  },
  'activity.notInGroup': {
    zh_cn: '请在群聊中使用「绑定本群」。',
    en_us: 'Use "bind this group" inside a group chat.',
  },
  'activity.chatCreating': { zh_cn: '正在创建活动群…', en_us: 'Creating the activity group…' },
  'activity.chatCreated': {
    zh_cn: '已为 {code} 创建活动群，请在群里发送照片和文件。',
    en_us: 'Created a group for {code}; send photos and files there.',
  },
  'activity.chatExists': {
    zh_cn: '该活动已有收集群。',
    en_us: 'This activity already has a collection group.',
  },
  'activity.edited': { zh_cn: '已保存修改。', en_us: 'Changes saved.' },
  'activity.noChanges': { zh_cn: '没有需要保存的修改。', en_us: 'Nothing to change.' },
  'activity.cancelled': { zh_cn: '活动已取消。', en_us: 'The activity was cancelled.' },
  'activity.cancelReasonRequired': {
    zh_cn: '请填写取消原因。',
    en_us: 'Please give a reason for cancelling.',
  },
  'activity.restored': { zh_cn: '活动已恢复。', en_us: 'The activity was restored.' },
  'activity.unboundNotice': {
    zh_cn:
      '机器人已被移出群「{chat}」，{code} {title} 不再从该群收集材料。可在状态卡片中重新绑定或新建群。',
    en_us:
      'The bot was removed from "{chat}"; {code} {title} no longer collects from it. Bind or create a group again from its status card.',
  },
  'activity.unboundTitle': { zh_cn: '收集群已解除绑定', en_us: 'Collection group unbound' },
  'activity.statusNoBinding': {
    zh_cn:
      '本群还没有绑定活动：先发送「@我 登记」登记活动，或在活动卡片上点「绑定本群」。也可以用活动编号，例如「状态 #HD-2026-0001」。',
    en_us:
      'This group is not bound to an activity yet: send "@me register", or tap "bind this group" on an activity card. You can also name one, e.g. "status #HD-2026-0001".',
  },
  'activity.noneYet': {
    zh_cn: '你还没有登记或负责的活动。发送「登记」开始。',
    en_us: 'You have no activities yet. Send "register" to start.',
  },
  'activity.formStale': {
    zh_cn: '表单已提交过，请查看上方的确认卡片。',
    en_us: 'This form was already submitted; see the confirmation card.',
  },

  'reminder.title': { zh_cn: '归档提醒 · {code}', en_us: 'Archive reminder · {code}' },
  'reminder.left': {
    zh_cn: '「{title}」的材料须在 **{deadline}** 前移交综合档案室，还剩 **{days} 天**。',
    en_us:
      'The materials of "{title}" are due at the archive room by **{deadline}**: **{days} days** left.',
  },
  'reminder.today': {
    zh_cn: '「{title}」的材料 **今天（{deadline}）** 到期，请尽快移交综合档案室。',
    en_us:
      'The materials of "{title}" are due **today ({deadline})**: please hand them over to the archive room.',
  },
  'reminder.overdue': {
    zh_cn:
      '「{title}」的材料已于 {deadline} 到期，**已逾期 {days} 天**。逾期移交须经分管领导批准。',
    en_us:
      'The materials of "{title}" were due on {deadline}: **{days} days overdue**. A late handover needs the approval of the leader in charge.',
  },
  'reminder.missing': { zh_cn: '**尚缺**：{items}', en_us: '**Still missing**: {items}' },
  'reminder.undescribed': {
    zh_cn: '**{count} 项材料缺少文字说明**（时间、地点、人物、事由）。',
    en_us: '**{count} items lack a description** (time, place, people, event).',
  },
  'reminder.complete': {
    zh_cn: '必需材料均已收到。',
    en_us: 'All required materials have arrived.',
  },
  'reminder.status': { zh_cn: '查看状态', en_us: 'View status' },

  'errors.not_allowed': {
    zh_cn: '你没有权限执行此操作。',
    en_us: 'You are not allowed to do this.',
  },
  'errors.not_leader_in_charge': {
    zh_cn: '只有分管领导 {leader} 可以审批。',
    en_us: 'Only the leader in charge, {leader}, may decide.',
  },
  'errors.not_archivist': {
    zh_cn: '只有档案员可以执行此操作。',
    en_us: 'Only archivists can do this.',
  },
  'errors.activity_not_found': { zh_cn: '找不到该活动。', en_us: 'Activity not found.' },
  'errors.invalid_transition': {
    zh_cn: '活动当前状态不允许此操作。',
    en_us: "The activity's current state does not allow this.",
  },
  'errors.validation_failed': {
    zh_cn: '填写有误，请按提示修改。',
    en_us: 'Please correct the marked fields.',
  },
  'errors.unknown_action': {
    zh_cn: '这个按钮已失效，请重新打开卡片。',
    en_us: 'This button is no longer valid; please open the card again.',
  },
  'errors.chat_already_bound': {
    zh_cn: '本群已绑定其他活动。',
    en_us: 'This group is already bound to another activity.',
  },
  'errors.chat_not_bound': {
    zh_cn: '本群还没有绑定活动。',
    en_us: 'This group is not bound to an activity yet.',
  },
  'errors.extension_not_later': {
    zh_cn: '延期日期必须晚于当前截止日期。',
    en_us: 'The new date must be later than the current deadline.',
  },
  'errors.already_decided': { zh_cn: '已经处理过了。', en_us: 'This has already been decided.' },
  'errors.internal': {
    zh_cn: '出了点问题，请稍后再试（编号 {errorId}）。',
    en_us: 'Something went wrong; please try again later (ref {errorId}).',
  },
} as const satisfies Record<string, { zh_cn: string; en_us: string }>;

export type MessageKey = keyof typeof messages;
