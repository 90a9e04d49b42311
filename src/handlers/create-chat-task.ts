import type { AppDeps } from '../app/deps';
import type { HandlerContext } from '../inbox/worker';
import { confirmationCardFor } from '../services/activities/cards';
import { bindChat } from '../services/activities/manage';

/**
 * Creates a group named after the activity (bot, registrant, contact, and the first archivist so the
 * archive room can step in early), binds it, and posts the activity card there. The create call
 * carries a uuid, so a rerun after a crash finds the same group.
 */
export async function onCreateChatTask(
  payload: Record<string, unknown>,
  ctx: HandlerContext,
  deps: AppDeps,
): Promise<void> {
  const activityId = String(payload.activityId);
  const operator = String(payload.operator);
  const activity = await deps.repos.activities.findById(activityId);
  if (!activity) return;
  const dir = await deps.directory.load();
  const members = [
    ...new Set([activity.registrant, activity.contact, ...dir.archivists.slice(0, 1)]),
  ];
  const name = `${activity.code} ${activity.title}`.slice(0, 60);
  const chatId =
    activity.chatId ?? (await deps.messenger.createChat(name, members, `${ctx.recordId}:chat`));
  await deps.repos.activities.rememberChat(chatId, name, deps.clock.now());
  await bindChat(activityId, chatId, operator, true, deps);
  const fresh = (await deps.repos.activities.findById(activityId))!;
  const card = await confirmationCardFor(fresh, operator, { chatType: 'group', chatId }, deps);
  await deps.messenger.sendCard({ chatId }, card, `${ctx.recordId}:card`);
}
