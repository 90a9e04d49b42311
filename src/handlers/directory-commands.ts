import { directoryAdminCard } from '../../cards/directory-admin';
import { chatIdCard, myIdsCard } from '../../cards/my-ids';
import { noticeCard } from '../../cards/notice';
import type { AppDeps } from '../app/deps';
import type { IncomingMessage } from '../feishu/normalize';
import { tdir } from '../i18n/messages-directory';
import type { HandlerContext } from '../inbox/worker';
import { authorize } from '../policies';
import { directoryAdminView } from '../services/directory-admin';
import { roleLabels } from '../services/role-labels';

/** `我的ID` / `whoami`: anyone, anywhere: their open_id, name and roles. */
export async function onWhoamiCommand(
  msg: IncomingMessage,
  _args: string,
  ctx: HandlerContext,
  deps: AppDeps,
): Promise<void> {
  const snapshot = await deps.directory.snapshot();
  const card = myIdsCard({
    openId: msg.senderOpenId,
    name: snapshot.displayName(msg.senderOpenId),
    roles: roleLabels(msg.senderOpenId, snapshot.directory),
  });
  await deps.messenger.replyCard(msg.messageId, card, `${ctx.recordId}:whoami`, msg.chatId);
}

/** `本群ID` / `chat id`: admins, in a group: the chat_id (for `archiveChatId`). */
export async function onChatIdCommand(
  msg: IncomingMessage,
  _args: string,
  ctx: HandlerContext,
  deps: AppDeps,
): Promise<void> {
  authorize(await deps.directory.actor(msg.senderOpenId), 'chat.show_id');
  const key = `${ctx.recordId}:chat-id`;
  if (msg.chatType === 'p2p') {
    const text = tdir('chat.p2p');
    await deps.messenger.replyCard(msg.messageId, noticeCard(text, text, 'grey'), key, msg.chatId);
    return;
  }
  await deps.messenger.replyCard(msg.messageId, chatIdCard(msg.chatId), key, msg.chatId);
}

/** `通讯录` / `directory`: admins: the directory and calendar at a glance, with the sync button. */
export async function onDirectoryCommand(
  msg: IncomingMessage,
  _args: string,
  ctx: HandlerContext,
  deps: AppDeps,
): Promise<void> {
  authorize(await deps.directory.actor(msg.senderOpenId), 'directory.manage');
  const card = directoryAdminCard(await directoryAdminView(deps));
  await deps.messenger.replyCard(msg.messageId, card, `${ctx.recordId}:directory`, msg.chatId);
}
