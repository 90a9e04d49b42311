import { helpCard } from '../../cards/help';
import { noticeCard } from '../../cards/notice';
import type { AppDeps } from '../app/deps';
import { parseCommand } from '../domain/commands';
import { Refusal } from '../domain/refusal';
import { refusalText } from '../i18n/refusal-text';
import { normalizeMessage, type IncomingMessage } from '../feishu/normalize';
import type { HandlerContext } from '../inbox/worker';
import { roleLabels } from '../services/role-labels';
import {
  onAllActivitiesCommand,
  onMyActivitiesCommand,
  onRegisterCommand,
  onStatusCommand,
} from './activity-commands';
import { isCollectable, onArchiveCommand, onResourceMessage } from './material-intake';
import { onExtensionCommand } from './extension-commands';
import { onBackupCommand } from './backup-commands';
import { onChatIdCommand, onDirectoryCommand, onWhoamiCommand } from './directory-commands';
import { onArchivesCommand, onAssessmentCommand, onHandoverCommand } from './handover-commands';
import {
  onAddItemCommand,
  onLinkCommand,
  onMaterialsCommand,
  onUnfiledCommand,
} from './material-commands';
import { onReplyToMaterialCard } from './material-replies';

/** Text commands, keyed by command name; features add theirs here. */
export type CommandHandler = (
  msg: IncomingMessage,
  args: string,
  ctx: HandlerContext,
  deps: AppDeps,
) => Promise<void>;

async function replyHelp(msg: IncomingMessage, ctx: HandlerContext, deps: AppDeps): Promise<void> {
  const dir = await deps.directory.load();
  await deps.messenger.replyCard(
    msg.messageId,
    helpCard({ roles: roleLabels(msg.senderOpenId, dir) }),
    `${ctx.recordId}:help`,
    msg.chatId,
  );
}

export const commandHandlers: Partial<Record<string, CommandHandler>> = {
  help: (msg, _args, ctx, deps) => replyHelp(msg, ctx, deps),
  register: onRegisterCommand,
  status: onStatusCommand,
  my_activities: onMyActivitiesCommand,
  all_activities: onAllActivitiesCommand,
  archive: onArchiveCommand,
  extension: onExtensionCommand,
  backup: onBackupCommand,
  add_item: onAddItemCommand,
  link: onLinkCommand,
  materials: onMaterialsCommand,
  unfiled: onUnfiledCommand,
  handover: onHandoverCommand,
  archives: onArchivesCommand,
  assessment: onAssessmentCommand,
  whoami: onWhoamiCommand,
  chat_id: onChatIdCommand,
  directory: onDirectoryCommand,
};

/**
 * im.message.receive_v1. In a group the bot answers commands only when @mentioned; in a private chat
 * every text is for it, and text it does not understand gets the help card.
 */
export async function onMessageReceived(
  payload: Record<string, unknown>,
  ctx: HandlerContext,
  deps: AppDeps,
): Promise<void> {
  const msg = normalizeMessage(payload.event);
  if (!msg || !msg.fromUser) return;
  if (msg.parentId && (await onReplyToMaterialCard(msg, ctx, deps))) return;
  if (isCollectable(msg.messageType)) return onResourceMessage(msg, ctx, deps);
  if (msg.text === undefined) return;
  const addressed =
    msg.chatType === 'p2p' || msg.mentionedOpenIds.includes(await deps.messenger.botOpenId());
  if (!addressed) return;
  const command = parseCommand(msg.text);
  const handler = command ? commandHandlers[command.name] : undefined;
  if (command && handler) {
    try {
      await handler(msg, command.args, ctx, deps);
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      const text = refusalText(err);
      const card = noticeCard(text, text, 'grey');
      await deps.messenger.replyCard(msg.messageId, card, `${ctx.recordId}:refused`, msg.chatId);
    }
    return;
  }
  await replyHelp(msg, ctx, deps);
}
