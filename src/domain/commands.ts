/** Text commands people type, in Chinese or English. */
export type CommandName =
  | 'help'
  | 'register'
  | 'status'
  | 'my_activities'
  | 'all_activities'
  | 'extension'
  | 'add_item'
  | 'link'
  | 'archive'
  | 'assessment'
  | 'backup'
  | 'materials'
  | 'unfiled'
  | 'handover'
  | 'archives'
  | 'whoami'
  | 'chat_id'
  | 'directory';

const ALIASES: [CommandName, string[]][] = [
  ['help', ['帮助', 'help', '?', '？', '菜单', 'menu']],
  ['register', ['登记活动', '登记', 'register']],
  ['status', ['状态', 'status']],
  ['my_activities', ['我的活动', 'my activities', 'mine']],
  ['all_activities', ['全部活动', 'all activities']],
  ['extension', ['延期', 'extension', 'extend']],
  ['add_item', ['登记实物', 'add item']],
  ['link', ['报道', 'link']],
  ['archive', ['归档', 'archive']],
  ['assessment', ['评估', 'assessment']],
  ['backup', ['备份', 'backup']],
  ['materials', ['材料清单', '材料', 'materials']],
  ['unfiled', ['待归档', 'unfiled']],
  ['handover', ['提交移交', '移交', 'submit handover', 'handover']],
  ['archives', ['档案检索', '检索', 'search', 'archives']],
  ['whoami', ['我的id', 'whoami', 'my id']],
  ['chat_id', ['本群id', '群id', 'chat id']],
  ['directory', ['通讯录', 'directory']],
];

export interface ParsedCommand {
  name: CommandName;
  /** Whatever followed the command word, trimmed. */
  args: string;
}

/**
 * Finds the command a text starts with, ignoring @mention placeholders, case and surrounding spaces.
 * Longer aliases win (登记活动 before 登记).
 */
export function parseCommand(text: string): ParsedCommand | undefined {
  const cleaned = text
    .replace(/@_user_\d+|@_all/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const lower = cleaned.toLowerCase();
  let best: { name: CommandName; alias: string } | undefined;
  for (const [name, aliases] of ALIASES) {
    for (const alias of aliases) {
      const matches =
        lower === alias ||
        lower.startsWith(`${alias} `) ||
        (/^[^\x20-\x7e]/.test(alias) && lower.startsWith(alias));
      if (matches && (!best || alias.length > best.alias.length)) best = { name, alias };
    }
  }
  if (!best) return undefined;
  return { name: best.name, args: cleaned.slice(best.alias.length).trim() };
}

/** The text without mention placeholders (what the person actually wrote). */
export function stripMentions(text: string): string {
  return text
    .replace(/@_user_\d+|@_all/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
