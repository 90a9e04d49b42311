/**
 * Texts of the directory features: `我的ID` / `本群ID`, the admins' directory card, the sync from
 * Feishu's contacts (proposal, result, a missing scope). Chinese first, English beside it. Read through
 * tdir(key, vars).
 */
import type { I18nText, Vars } from './t';

export const directoryMessages = {
  'ids.title': { zh_cn: '我的 ID', en_us: 'My IDs' },
  'ids.body': {
    zh_cn:
      '**姓名**：{name}\n**open_id**：`{openId}`\n\n管理员在目录文件中写人员时可用 open_id，也可以直接写手机号或邮箱。',
    en_us:
      '**Name**: {name}\n**open_id**: `{openId}`\n\nIn the directory file an admin may name you by this open_id, or by your mobile number or email.',
  },
  'ids.roles': { zh_cn: '**角色**：{roles}', en_us: '**Roles**: {roles}' },
  'chat.title': { zh_cn: '本群 ID', en_us: 'This chat’s ID' },
  'chat.body': {
    zh_cn:
      '**chat_id**：`{chatId}`\n\n作为综合档案室的群时，写入目录文件的 `archiveChatId`，逾期汇总和告警会发到这里。',
    en_us:
      '**chat_id**: `{chatId}`\n\nFor the archive room’s group, put it in the directory file as `archiveChatId`: the overdue digest and alerts then come here.',
  },
  'chat.p2p': {
    zh_cn: '请在要查询的群里 @我 发送“本群ID”。',
    en_us: 'Send “chat id” in the group you want, mentioning me.',
  },
  'directory.onlyAdmins': {
    zh_cn: '只有管理员可以查看和同步通讯录。',
    en_us: 'Only admins can view and sync the directory.',
  },
  'directory.chatIdOnlyAdmins': {
    zh_cn: '只有管理员可以查询群 ID。',
    en_us: 'Only admins can look up a chat’s ID.',
  },
  'directory.title': { zh_cn: '通讯录与工作日历', en_us: 'Directory and work calendar' },
  'directory.summary': {
    zh_cn:
      '**单位**：{units} 个在用（{linked} 个与飞书部门对应）\n**人员**：{people} 人（{departed} 人已不在通讯录）\n**档案员** {archivists} 人 · **管理员** {admins} 人\n**上次同步**：{lastSync}',
    en_us:
      '**Units**: {units} active ({linked} mirror a Feishu department)\n**People**: {people} ({departed} no longer in the contacts)\n**Archivists** {archivists} · **Admins** {admins}\n**Last sync**: {lastSync}',
  },
  'directory.never': { zh_cn: '从未同步', en_us: 'never' },
  'directory.calendar': {
    zh_cn: '**工作日历**：国务院安排已收录至 {last} 年（{source}）{extra}',
    en_us: '**Work calendar**: State Council holidays known up to {last} ({source}){extra}',
  },
  'directory.calendar.missing': {
    zh_cn: '；**{years} 年尚未收录**，暂按周一至周五计算',
    en_us: '; **{years} not known yet**: Monday to Friday meanwhile',
  },
  'directory.sync': { zh_cn: '从飞书同步通讯录', en_us: 'Sync from Feishu contacts' },
  'directory.sync.started': {
    zh_cn: '正在读取飞书通讯录，完成后发给您变更清单。',
    en_us: 'Reading the Feishu contacts; the list of changes follows.',
  },
  'sync.title': { zh_cn: '通讯录同步 · 变更清单', en_us: 'Directory sync · changes' },
  'sync.counts': {
    zh_cn:
      '单位：新增 **{unitsAdded}**，变更 **{unitsChanged}**，停用 **{unitsDeactivated}**\n人员：新增 **{peopleAdded}**，变更 **{peopleChanged}**，停用 **{peopleDeactivated}**',
    en_us:
      'Units: **{unitsAdded}** added, **{unitsChanged}** changed, **{unitsDeactivated}** deactivated\nPeople: **{peopleAdded}** added, **{peopleChanged}** changed, **{peopleDeactivated}** deactivated',
  },
  'sync.kept': {
    zh_cn: '目录文件设定的档案员、宣传人员、管理员、各单位经办人和指定的分管领导保持不变。',
    en_us:
      'Archivists, publicity staff, admins, units’ contacts and leaders in charge set in the directory file stay as they are.',
  },
  'sync.section.unitsAdded': { zh_cn: '新增单位', en_us: 'Units added' },
  'sync.section.unitsChanged': { zh_cn: '变更单位', en_us: 'Units changed' },
  'sync.section.unitsDeactivated': {
    zh_cn: '停用单位（部门已不存在）',
    en_us: 'Units deactivated (department gone)',
  },
  'sync.section.peopleAdded': { zh_cn: '新增人员', en_us: 'People added' },
  'sync.section.peopleChanged': { zh_cn: '变更人员', en_us: 'People changed' },
  'sync.section.peopleDeactivated': {
    zh_cn: '停用人员（已不在通讯录）',
    en_us: 'People deactivated (no longer in the contacts)',
  },
  'sync.section.departed': {
    zh_cn: '⚠️ 已离开但仍在目录文件中担任角色',
    en_us: '⚠️ Left, but still hold a role in the directory file',
  },
  'sync.linked': { zh_cn: '对应飞书部门', en_us: 'now mirrors its Feishu department' },
  'sync.reactivated': { zh_cn: '重新启用', en_us: 'active again' },
  'sync.more': { zh_cn: '……另有 {n} 项', en_us: '… and {n} more' },
  'sync.unit': {
    zh_cn: '{code} {name}，分管领导 {leader}',
    en_us: '{code} {name}, leader in charge {leader}',
  },
  'sync.unit.generated': {
    zh_cn: '（代码为自动生成，可在目录文件中改写）',
    en_us: ' (code made up; change it in the directory file)',
  },
  'sync.none': {
    zh_cn: '没有需要变更的内容：目录与飞书通讯录一致。',
    en_us: 'Nothing to change: the directory matches the Feishu contacts.',
  },
  'sync.apply': { zh_cn: '应用这些变更', en_us: 'Apply these changes' },
  'sync.apply.confirm': {
    zh_cn: '将按清单更新单位和人员。',
    en_us: 'Units and people will be updated as listed.',
  },
  'sync.discard': { zh_cn: '放弃', en_us: 'Discard' },
  'sync.applying': {
    zh_cn: '正在应用变更，完成后通知您。',
    en_us: 'Applying the changes; you will be told when done.',
  },
  'sync.applied': {
    zh_cn: '✅ 已由 {by} 于 {at} 应用。',
    en_us: '✅ Applied by {by} at {at}.',
  },
  'sync.discarded': { zh_cn: '已放弃，未做任何变更。', en_us: 'Discarded; nothing was changed.' },
  'sync.stale': {
    zh_cn: '此清单生成后目录已被导入或同步过，未应用任何变更。请重新同步。',
    en_us:
      'The directory was imported or synced after this list was made; nothing was applied. Please sync again.',
  },
  'sync.gone': {
    zh_cn: '找不到这份变更清单，请重新同步。',
    en_us: 'This list of changes no longer exists; please sync again.',
  },
  'sync.result.title': { zh_cn: '通讯录已同步', en_us: 'Directory synced' },
  'sync.failed.body': {
    zh_cn:
      '飞书拒绝了通讯录读取（{reason}）。本次未做任何变更，请稍后重试或联系管理员检查应用配置。',
    en_us:
      'Feishu refused to read the contacts ({reason}). Nothing was changed; try again later, or check the app’s setup.',
  },
  'sync.scope.title': { zh_cn: '无法读取飞书通讯录', en_us: 'Cannot read the Feishu contacts' },
  'sync.scope.body': {
    zh_cn:
      '应用缺少权限 **{scopes}**。请在开发者后台“权限管理”中开通，发布新版本后再同步。本次未做任何变更。',
    en_us:
      'The app lacks the scope **{scopes}**. Add it in the developer console (Permissions), publish a new version, and sync again. Nothing was changed.',
  },
} as const satisfies Record<string, { zh_cn: string; en_us: string }>;

export type DirectoryMessageKey = keyof typeof directoryMessages;

const fill = (template: string, vars: Vars): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );

/** Like t(): a directory message in both languages with `{name}` placeholders filled. */
export function tdir(key: DirectoryMessageKey, vars: Vars = {}): I18nText {
  const entry = directoryMessages[key];
  return { zh_cn: fill(entry.zh_cn, vars), en_us: fill(entry.en_us, vars) };
}
