import { inboxFailedAlertCard } from '../../cards/inbox-failed-alert';
import type { AppDeps } from '../app/deps';
import type { InboxHandler } from '../inbox/worker';
import { alertArchivists } from '../services/alert-archivists';
import { onBotAdded, onBotMenu, onP2pChatCreated } from './chat-events';
import { onMessageReceived } from './message-received';
import { onBotDeleted } from './activity-commands';
import { CREATE_CHAT_TASK } from './card-actions/activity-actions';
import { onCreateChatTask } from './create-chat-task';
import { directoryTaskHandlers } from './directory-tasks';
import { handoverTaskHandlers } from './handover-tasks';
import { INTAKE_ACK_TASK, onIntakeAckTask } from './material-intake';
import {
  EXTENSION_DECIDED_TASK,
  notifyDecision,
  sendDecisionCards,
} from '../services/extensions/decide-extension';
import { EXTENSION_REQUESTED_TASK } from '../services/extensions/request-extension';
import {
  DEADLINE_ESCALATION_TASK,
  DEADLINE_REMINDER_TASK,
  sendDeadlineReminder,
  sendEscalation,
} from '../services/deadlines/send-reminder';

/** Task type of the alert sent when an inbox record is given up on. */
export const INBOX_FAILED_TASK = 'task.alert_inbox_failed';

/** Inbox record type → handler. Adding an event is one file plus one line here. */
export function buildInboxHandlers(deps: AppDeps): Record<string, InboxHandler> {
  const bind =
    (
      fn: (
        payload: Record<string, unknown>,
        ctx: Parameters<InboxHandler>[1],
        deps: AppDeps,
      ) => Promise<void>,
    ): InboxHandler =>
    (payload, ctx) =>
      fn(payload, ctx, deps);
  return {
    'im.message.receive_v1': bind(onMessageReceived),
    'im.chat.member.bot.added_v1': bind(onBotAdded),
    'application.bot.menu_v6': bind(onBotMenu),
    p2p_chat_create: bind(onP2pChatCreated),
    'im.chat.member.bot.deleted_v1': bind(onBotDeleted),
    [CREATE_CHAT_TASK]: bind(onCreateChatTask),
    [INTAKE_ACK_TASK]: bind(onIntakeAckTask),
    ...handoverTaskHandlers(deps),
    ...directoryTaskHandlers(deps),
    [EXTENSION_REQUESTED_TASK]: async (payload, ctx) => {
      await sendDecisionCards(String(payload.requestId), ctx.recordId, deps);
    },
    [DEADLINE_REMINDER_TASK]: (payload, ctx) => sendDeadlineReminder(payload, ctx.recordId, deps),
    [DEADLINE_ESCALATION_TASK]: (payload, ctx) => sendEscalation(payload, ctx.recordId, deps),
    [EXTENSION_DECIDED_TASK]: (payload, ctx) =>
      notifyDecision(String(payload.requestId), ctx.recordId, deps),
    'im.chat.access_event.bot_p2p_chat_entered_v1': () => Promise.resolve(),
    [INBOX_FAILED_TASK]: async (payload, ctx) => {
      const view = {
        eventId: String(payload.eventId),
        type: String(payload.type),
        attempts: Number(payload.attempts),
        error: String(payload.error),
      };
      await alertArchivists(deps, inboxFailedAlertCard(view), ctx.recordId);
    },
  };
}
