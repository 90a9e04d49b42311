/**
 * Texts of materials intake (the acknowledgement card, refusals, quality warnings), Chinese first
 * with English beside it. Keys start with `intake.`; read them through ti(key, vars).
 * Quality warnings and reject reasons are stored on items as these keys (MaterialDoc.warnings,
 * failReason), so other cards can show them too.
 */
import type { I18nText, Lang, Vars } from './t';

export const intakeMessages = {
  'intake.ack.title': { zh_cn: '材料已收到', en_us: 'Materials received' },
  'intake.ack.title.failed': {
    zh_cn: '材料未能全部存档',
    en_us: 'Some materials were not archived',
  },
  'intake.ack.activity': {
    zh_cn: '归入活动：{code} {title}',
    en_us: 'Filed under: {code} {title}',
  },
  'intake.ack.unfiled': {
    zh_cn: '已暂存在宣传处待归档区，稍后选择所属活动。',
    en_us: 'Kept in the publicity drop-box until you choose its activity.',
  },
  'intake.ack.counts': {
    zh_cn: '本批已存档 **{stored}** 项，重复 **{duplicates}** 项，未存档 **{failed}** 项。',
    en_us: 'This batch: **{stored}** stored, **{duplicates}** duplicates, **{failed}** not stored.',
  },
  'intake.ack.stored.head': { zh_cn: '**已存档**', en_us: '**Stored**' },
  'intake.ack.duplicates.head': {
    zh_cn: '**已归档过，未重复保存**',
    en_us: '**Already archived, not stored again**',
  },
  'intake.ack.failed.head': { zh_cn: '**未能存档**', en_us: '**Not stored**' },
  'intake.ack.warnings.head': { zh_cn: '**请注意**', en_us: '**Please note**' },
  'intake.ack.more': { zh_cn: '…… 另有 {n} 项', en_us: '… and {n} more' },
  'intake.ack.item': { zh_cn: '· {name}', en_us: '· {name}' },
  'intake.ack.duplicate': {
    zh_cn: '· {name}：与 {at} 归档的「{original}」内容相同',
    en_us: '· {name}: same content as “{original}”, archived {at}',
  },
  'intake.ack.already': {
    zh_cn: '· {name}：这条消息的内容已经存档',
    en_us: '· {name}: this message was already archived',
  },
  'intake.ack.failure': { zh_cn: '· {name}：{reason}', en_us: '· {name}: {reason}' },
  'intake.ack.warning': { zh_cn: '· {name}：{warning}', en_us: '· {name}: {warning}' },
  'intake.ack.describe.hint': {
    zh_cn:
      '请补充说明：照片和音视频写明时间、地点、人物、事由和摄影（录制）者；文件写明题名、类型、日期和页数。',
    en_us:
      'Please describe them: time, place, people, event and photographer for photos and recordings; title, type, date and pages for documents.',
  },
  'intake.ack.describe': { zh_cn: '补充说明', en_us: 'Describe them' },

  'intake.kind.photo': { zh_cn: '照片', en_us: 'Photo' },
  'intake.kind.document': { zh_cn: '文件', en_us: 'Document' },
  'intake.kind.audio': { zh_cn: '录音', en_us: 'Audio' },
  'intake.kind.video': { zh_cn: '视频', en_us: 'Video' },
  'intake.kind.link': { zh_cn: '链接', en_us: 'Link' },
  'intake.kind.physical': { zh_cn: '实物', en_us: 'Physical item' },
  'intake.kind.unknown': { zh_cn: '文件', en_us: 'File' },

  'intake.warn.low_resolution': {
    zh_cn:
      '分辨率 {width}×{height}（{mp} 百万像素），低于档案标准要求的 300 万像素，请尽量提供原图',
    en_us:
      '{width}×{height} ({mp} MP), below the 3 megapixels the archival standard asks for; please send the original',
  },
  'intake.warn.photo_format': {
    zh_cn: '照片格式为 {format}，档案标准要求 JPEG 或 TIFF',
    en_us: 'the photo is {format}; the archival standard asks for JPEG or TIFF',
  },
  'intake.warn.av_format': {
    zh_cn: '格式为 {format}，档案标准要求 WAV/MP3 音频或 MP4/MPEG 视频',
    en_us: 'the format is {format}; the standard asks for WAV/MP3 audio or MP4/MPEG video',
  },
  'intake.warn.unknown_format': {
    zh_cn: '无法从内容识别文件格式，请确认文件能正常打开',
    en_us: 'the format could not be identified from its content; please check that it opens',
  },

  'intake.reject.empty': { zh_cn: '文件是空的', en_us: 'the file is empty' },
  'intake.reject.unreadable_image': {
    zh_cn: '图片已损坏，无法读取',
    en_us: 'the image is damaged and cannot be read',
  },
  'intake.reject.not_an_image': {
    zh_cn: '内容不是图片',
    en_us: 'its content is not an image',
  },
  'intake.reject.truncated_pdf': {
    zh_cn: 'PDF 文件不完整（可能未传完）',
    en_us: 'the PDF is incomplete (perhaps cut off while uploading)',
  },
  'intake.fail.too_large': {
    zh_cn: '超过飞书 100 MB 的下载上限，请把原文件交给综合档案室（如 U 盘、网盘）',
    en_us:
      "larger than Feishu's 100 MB download limit; please hand the original to the archive room (USB drive, cloud drive)",
  },
  'intake.fail.download_failed': {
    zh_cn: '下载失败（已多次重试），请稍后回复该消息「@我 归档」再试',
    en_us:
      'the download failed after several tries; reply to that message with "@me archive" later',
  },
  'intake.fail.unsupported': {
    zh_cn: '飞书不允许机器人下载这条消息里的文件，请直接发送原文件',
    en_us: 'Feishu does not let the bot download this file; please send the original file itself',
  },

  'intake.notice.title': { zh_cn: '材料归档', en_us: 'Archiving materials' },
  'intake.refuse.unbound': {
    zh_cn: '本群还没有绑定活动，无法归档。请先发送「@我 登记」，或在活动卡片上点「绑定本群」。',
    en_us:
      'This group is not bound to an activity yet. Send "@me register" first, or tap "Bind this group" on the activity card.',
  },
  'intake.refuse.closed': {
    zh_cn: '活动 {code} 已验收或已取消，不再接收新材料。',
    en_us: 'Activity {code} is accepted or cancelled and takes no more materials.',
  },
  'intake.refuse.choose_activity': {
    zh_cn:
      '你正在负责 {n} 个活动，我无法判断这些材料属于哪一个。请把它们发到对应的活动群里（或在群里回复该消息「@我 归档」）。',
    en_us:
      'You handle {n} activities, so I cannot tell which one these belong to. Please send them in that activity’s group (or reply there with "@me archive").',
  },
  'intake.refuse.no_activity': {
    zh_cn: '没有找到你负责的进行中活动。请先「登记」活动，或把材料发到活动群里。',
    en_us:
      'You have no open activity. Register one first ("register"), or send the materials in the activity’s group.',
  },
  'intake.refuse.no_parent': {
    zh_cn: '请「回复」要归档的图片或文件消息，并输入「@我 归档」。',
    en_us: 'Reply to the photo or file message you want archived with "@me archive".',
  },
  'intake.refuse.nothing': {
    zh_cn: '所回复的消息里没有可归档的图片、文件或音视频。',
    en_us: 'The message you replied to holds no photo, file, audio or video to archive.',
  },
  'intake.refuse.parent_unavailable': {
    zh_cn: '无法读取所回复的消息（可能已撤回，或机器人看不到它）。',
    en_us: 'I cannot read the message you replied to (recalled, or not visible to the bot).',
  },
} as const satisfies Record<string, { zh_cn: string; en_us: string }>;

export type IntakeMessageKey = keyof typeof intakeMessages;

const fill = (template: string, vars: Vars): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );

/** True when a stored key (a warning or fail reason) names an intake text. */
export function isIntakeKey(key: string): key is IntakeMessageKey {
  return key in intakeMessages;
}

/** Like t(): an intake text in both languages with `{name}` placeholders filled. */
export function ti(key: IntakeMessageKey, vars: Vars = {}): I18nText {
  const entry = intakeMessages[key];
  return { zh_cn: fill(entry.zh_cn, vars), en_us: fill(entry.en_us, vars) };
}

/** Like tPerLang(): the variables differ per language (names of kinds, nested texts). */
export function tiPerLang(key: IntakeMessageKey, vars: (lang: Lang) => Vars): I18nText {
  const entry = intakeMessages[key];
  return { zh_cn: fill(entry.zh_cn, vars('zh_cn')), en_us: fill(entry.en_us, vars('en_us')) };
}
