import { tdir } from '../src/i18n/messages-directory';
import { joinTexts, type I18nText } from '../src/i18n/t';
import { escapeMd } from './activity-common';
import { card, markdown, type Card } from './card';

export interface MyIdsView {
  openId: string;
  /** The directory's name for the person, else the open_id. */
  name: string;
  /** Role labels (empty for someone without a role). */
  roles: I18nText[];
}

/** `我的ID` / `whoami`: the ids an admin needs to write a person into the directory file. */
export function myIdsCard(v: MyIdsView): Card {
  const title = tdir('ids.title');
  const parts = [tdir('ids.body', { name: escapeMd(v.name), openId: v.openId })];
  if (v.roles.length > 0) {
    const zh = tdir('ids.roles', { roles: v.roles.map((r) => r.zh_cn).join('、') }).zh_cn;
    const en = tdir('ids.roles', { roles: v.roles.map((r) => r.en_us).join(', ') }).en_us;
    parts.push({ zh_cn: zh, en_us: en });
  }
  return card({ title, color: 'blue' }, [markdown(joinTexts(parts, '\n'))], title);
}

/** `本群ID` / `chat id` (admins, in a group): the chat_id for `archiveChatId`. */
export function chatIdCard(chatId: string): Card {
  const title = tdir('chat.title');
  return card({ title, color: 'blue' }, [markdown(tdir('chat.body', { chatId }))], title);
}
