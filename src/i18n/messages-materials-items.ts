/**
 * Texts of the physical item, link, publicity filing and correction cards (data only; read through
 * tmd() from messages-materials-describe.ts, which merges them). Keys start with `mdesc.`.
 */
export const materialsItemsMessages = {
  // ── physical items ──
  'mdesc.physical.title': {
    zh_cn: '登记实物 · {code}',
    en_us: 'Register a physical item · {code}',
  },
  'mdesc.physical.intro': {
    zh_cn: '印章、题词、牌匾、奖杯、活动标志、证书、纪念册等实物，登记后随活动档案一并移交。',
    en_us:
      'Seals, inscriptions, plaques, trophies, emblems, certificates, albums: registered items are handed over with the activity.',
  },
  'mdesc.physical.name.ph': {
    zh_cn: '例如：建校六十周年纪念牌匾',
    en_us: 'e.g. 60th anniversary plaque',
  },
  'mdesc.physical.type.ph': { zh_cn: '选择类型', en_us: 'Choose the type' },
  'mdesc.physical.quantity.ph': { zh_cn: '件数，如 1', en_us: 'How many, e.g. 1' },
  'mdesc.physical.description.ph': {
    zh_cn: '材质、尺寸、来源（谁赠送）等',
    en_us: 'Material, size, origin (who gave it)',
  },
  'mdesc.physical.location.ph': {
    zh_cn: '例如：校史馆展柜',
    en_us: 'e.g. the history museum showcase',
  },
  'mdesc.physical.submit': { zh_cn: '登记', en_us: 'Register' },
  'mdesc.physical.done.title': {
    zh_cn: '已登记实物 · {code}',
    en_us: 'Physical item registered · {code}',
  },
  'mdesc.physical.photoHint': {
    zh_cn: '回复本卡片发送一张照片，即可附上实物照片。',
    en_us: 'Reply to this card with a photo to attach a picture of the item.',
  },
  'mdesc.physical.photo': { zh_cn: '📷 已附照片：{name}', en_us: '📷 Photo attached: {name}' },
  'mdesc.physical.registered': { zh_cn: '已登记实物「{name}」。', en_us: 'Registered "{name}".' },

  // ── links ──
  'mdesc.link.title': { zh_cn: '登记报道链接 · {code}', en_us: 'Register a report link · {code}' },
  'mdesc.link.intro': {
    zh_cn:
      '登记网页或公众号、微博等新媒体报道。无需打开网页；如有截图或 PDF 存档，回复本卡片发送即可。',
    en_us:
      'Registers a web page or social-media post; the bot never opens it. Reply to this card with a screenshot or PDF to keep a captured copy.',
  },
  'mdesc.link.title.ph': { zh_cn: '报道标题', en_us: 'Headline' },
  'mdesc.link.source.ph': {
    zh_cn: '例如：人民网、学院公众号',
    en_us: "e.g. People's Daily Online",
  },
  'mdesc.link.url.ph': {
    zh_cn: '网页地址，以 https:// 开头',
    en_us: 'Web address, starting with https://',
  },
  'mdesc.link.submit': { zh_cn: '登记', en_us: 'Register' },
  'mdesc.link.done.title': { zh_cn: '已登记报道 · {code}', en_us: 'Report registered · {code}' },
  'mdesc.link.captureHint': {
    zh_cn: '回复本卡片发送截图或 PDF，即可附上存档。',
    en_us: 'Reply to this card with a screenshot or PDF to attach a captured copy.',
  },
  'mdesc.link.capture': { zh_cn: '📎 已附存档：{name}', en_us: '📎 Capture attached: {name}' },
  'mdesc.link.registered': { zh_cn: '已登记报道「{title}」。', en_us: 'Registered "{title}".' },
  'mdesc.link.usage.title': { zh_cn: '登记报道链接', en_us: 'Register a report link' },
  'mdesc.link.usage': {
    zh_cn: '请这样发送：`报道 https://… 报道标题`（标题可省略，稍后在卡片中填写）。',
    en_us: 'Send it like this: `link https://… headline` (the headline may be left for the card).',
  },
  'mdesc.attach.wrongType': {
    zh_cn: '只能附上图片或 PDF。',
    en_us: 'Only an image or a PDF can be attached.',
  },
  'mdesc.attach.keptAsItem': {
    zh_cn: '只能附上图片或 PDF；这个文件已作为活动的普通材料保存。',
    en_us:
      'Only an image or a PDF can be attached; this file was kept as an ordinary item of the activity.',
  },
  'mdesc.attach.title': { zh_cn: '已附上 · {code}', en_us: 'Attached · {code}' },
  'mdesc.attach.notYet': {
    zh_cn: '请先提交登记表，再回复附件。',
    en_us: 'Submit the form first, then reply with the attachment.',
  },

  // ── which activity? ──
  'mdesc.needActivity.title': { zh_cn: '请指明活动', en_us: 'Which activity?' },
  'mdesc.needActivity.body': {
    zh_cn: '请在已绑定活动的群里发送，或写明活动编号，例如「{example} #HD-2026-0001」。',
    en_us:
      'Send this in a group bound to an activity, or name one, e.g. "{example} #HD-2026-0001".',
  },

  // ── publicity drop-box ──
  'mdesc.pub.title': {
    zh_cn: '归入活动 · 宣传处照片',
    en_us: 'File to an activity · publicity photos',
  },
  'mdesc.pub.body': {
    zh_cn: '收到 **{count}** 项材料（{kinds}）。请选择所属活动，一键归档；摄影者默认为 {sender}。',
    en_us:
      'Received **{count}** items ({kinds}). Choose the activity they belong to; one tap files them all. Photographer defaults to {sender}.',
  },
  'mdesc.pub.search.ph': { zh_cn: '按活动编号或名称搜索', en_us: 'Search by code or title' },
  'mdesc.pub.search': { zh_cn: '搜索', en_us: 'Search' },
  'mdesc.pub.searching': { zh_cn: '搜索「{q}」的结果：', en_us: 'Results for "{q}":' },
  'mdesc.pub.none': {
    zh_cn: '没有找到进行中或 60 天内结束的活动。',
    en_us: 'No activity is under way or ended within the last 60 days.',
  },
  'mdesc.pub.option': { zh_cn: '{code} {title}（{date}）', en_us: '{code} {title} ({date})' },
  'mdesc.pub.file': { zh_cn: '归入', en_us: 'File here' },
  'mdesc.pub.filed.title': { zh_cn: '已归档 · {code}', en_us: 'Filed · {code}' },
  'mdesc.pub.filed.body': {
    zh_cn: '{count} 项材料已归入「{title}」（{code}），来源：宣传处。',
    en_us: '{count} items were filed to "{title}" ({code}), source: publicity office.',
  },
  'mdesc.pub.filed.dupes': {
    zh_cn: '其中 {n} 项与该活动已有材料内容相同，未重复保存。',
    en_us: '{n} of them were already archived for this activity and were not stored twice.',
  },
  'mdesc.pub.filed.by': { zh_cn: '由 {name} 归档。', en_us: 'Filed by {name}.' },
  'mdesc.pub.describe': { zh_cn: '补充说明', en_us: 'Describe them' },
  'mdesc.pub.already': {
    zh_cn: '这批材料已归入 {code}。',
    en_us: 'This batch was already filed to {code}.',
  },
  'mdesc.pub.notAllowed': {
    zh_cn: '只有发送者或档案员可以归档这批材料。',
    en_us: 'Only the sender or an archivist can file this batch.',
  },
  'mdesc.pub.gone': { zh_cn: '这批材料已不存在。', en_us: 'This batch no longer exists.' },
  'mdesc.pub.reminder.title': {
    zh_cn: '待归档提醒 · 宣传处照片',
    en_us: 'Reminder: publicity photos to file',
  },
  'mdesc.pub.reminder.body': {
    zh_cn: '{sender} 于 {date} 发送的 {count} 项材料尚未归入任何活动，请选择所属活动。',
    en_us:
      '{count} items sent by {sender} on {date} are not filed to any activity yet; please choose one.',
  },
  'mdesc.pub.list.title': { zh_cn: '待归档的宣传处材料', en_us: 'Publicity material to file' },
  'mdesc.pub.list.line': {
    zh_cn: '{sender} · {date} · {count} 项',
    en_us: '{sender} · {date} · {count} items',
  },
  'mdesc.pub.list.open': { zh_cn: '归档', en_us: 'File' },
  'mdesc.pub.list.none': {
    zh_cn: '没有待归档的宣传处材料。',
    en_us: 'No publicity material is waiting to be filed.',
  },

  // ── corrections ──
  'mdesc.list.title': { zh_cn: '材料清单 · {code}', en_us: 'Materials · {code}' },
  'mdesc.list.summary': {
    zh_cn: '「{title}」共 {total} 项材料，{undescribed} 项待补充说明。',
    en_us: '"{title}": {total} items, {undescribed} still to describe.',
  },
  'mdesc.list.line': {
    zh_cn: '**{n}.** {kind} · {name} · {sender}{state}',
    en_us: '**{n}.** {kind} · {name} · {sender}{state}',
  },
  'mdesc.list.undescribed': { zh_cn: ' · ⚠️ 待说明', en_us: ' · ⚠️ to describe' },
  'mdesc.list.remove': { zh_cn: '删除', en_us: 'Remove' },
  'mdesc.list.empty': { zh_cn: '还没有材料。', en_us: 'No materials yet.' },
  'mdesc.list.locked': {
    zh_cn: '活动已验收归档，材料不能再修改。',
    en_us: 'The activity has been accepted; its materials can no longer change.',
  },
  'mdesc.list.hint': {
    zh_cn:
      '删除须说明原因，记入活动日志；原文件保留至验收。要替换某项，先删除，再回复删除确认卡片发送新文件。',
    en_us:
      'A removal needs a reason and is logged; the original stays until acceptance. To replace an item, remove it and reply to the confirmation with the new file.',
  },
  'mdesc.remove.title': { zh_cn: '删除材料 · {code}', en_us: 'Remove an item · {code}' },
  'mdesc.remove.body': {
    zh_cn: '将删除：{kind} · {name}（{sender} 上传）',
    en_us: 'To remove: {kind} · {name} (uploaded by {sender})',
  },
  'mdesc.remove.reason': { zh_cn: '删除原因', en_us: 'Reason' },
  'mdesc.remove.reason.ph': {
    zh_cn: '例如：照片模糊，已重新上传',
    en_us: 'e.g. blurred, a better one follows',
  },
  'mdesc.remove.submit': { zh_cn: '确认删除', en_us: 'Remove' },
  'mdesc.remove.reasonRequired': { zh_cn: '请填写删除原因。', en_us: 'Please give a reason.' },
  'mdesc.remove.done.title': { zh_cn: '已删除 · {code}', en_us: 'Removed · {code}' },
  'mdesc.remove.done.body': {
    zh_cn: '已删除 {kind} · {name}。原因：{reason}',
    en_us: 'Removed {kind} · {name}. Reason: {reason}',
  },
  'mdesc.remove.replaceHint': {
    zh_cn: '如需替换，请回复本卡片发送新的文件或照片，说明会沿用。',
    en_us:
      'To replace it, reply to this card with the new file or photo; its description carries over.',
  },
  'mdesc.remove.replaced': {
    zh_cn: '已由新文件替换：{name}',
    en_us: 'Replaced by the new file: {name}',
  },
  'mdesc.remove.done': { zh_cn: '已删除。', en_us: 'Removed.' },
  'mdesc.remove.already': { zh_cn: '该项已删除。', en_us: 'This item was already removed.' },
  'mdesc.notAllowed': {
    zh_cn: '只有上传者（{uploader}）或活动经办人（{contact}）可以修改这项材料。',
    en_us:
      'Only the uploader ({uploader}) or the activity contact ({contact}) may change this item.',
  },
  'mdesc.notManager': {
    zh_cn: '只有活动的登记人、经办人（{contact}）或档案员可以这样操作；也可以在活动群里发送。',
    en_us:
      "Only the activity's registrant, its contact ({contact}) or an archivist may do this; or send it in the activity's group.",
  },
  'mdesc.locked': {
    zh_cn: '活动「{code}」已验收归档，材料不能再修改。',
    en_us: 'Activity {code} has been accepted; its materials can no longer change.',
  },
  'mdesc.cancelledLocked': {
    zh_cn: '活动「{code}」已取消，恢复后才能修改材料。',
    en_us: 'Activity {code} is cancelled; restore it before changing materials.',
  },
  'mdesc.refused.title': { zh_cn: '无法完成', en_us: 'This cannot be done' },
  'mdesc.notFound': { zh_cn: '找不到这项材料。', en_us: 'This item was not found.' },
  'mdesc.batchGone': {
    zh_cn: '这批材料已不存在或已全部删除。',
    en_us: 'This batch no longer exists or was removed.',
  },
  'mdesc.fileFirst': {
    zh_cn: '请先把这批材料归入活动，再补充说明。',
    en_us: 'File this batch to an activity first, then describe it.',
  },

  // ── the activity's recent changes ──
  'mdesc.audit.added': { zh_cn: '登记了「{after}」', en_us: 'registered "{after}"' },
  'mdesc.audit.removed': {
    zh_cn: '删除了 {before}：{reason}',
    en_us: 'removed {before}: {reason}',
  },
  'mdesc.audit.replaced': {
    zh_cn: '用 {after} 替换了 {before}',
    en_us: 'replaced {before} with {after}',
  },
  'mdesc.audit.filed': {
    zh_cn: '归入宣传处材料 {after} 项',
    en_us: 'filed {after} items from the publicity office',
  },
} as const satisfies Record<string, { zh_cn: string; en_us: string }>;
