import { z } from 'zod';
import { helpCard } from '../../cards/help';
import { welcomeCard } from '../../cards/welcome';
import type { AppDeps } from '../app/deps';
import type { HandlerContext } from '../inbox/worker';
import { roleLabels } from '../services/role-labels';
import { listCardFor, registrationFormFor } from '../services/activities/cards';

const botAddedSchema = z.object({ chat_id: z.string().min(1), name: z.string().optional() });

/** The bot joined a group: post the welcome card once. */
export async function onBotAdded(
  payload: Record<string, unknown>,
  ctx: HandlerContext,
  deps: AppDeps,
): Promise<void> {
  const event = botAddedSchema.safeParse(payload.event);
  if (!event.success) {
    ctx.log.warn('bot_added.malformed');
    return;
  }
  if (event.data.name) {
    await deps.repos.activities.rememberChat(event.data.chat_id, event.data.name, deps.clock.now());
  }
  await deps.messenger.sendCard(
    { chatId: event.data.chat_id },
    welcomeCard(),
    `${ctx.recordId}:welcome`,
  );
}

const menuSchema = z.object({
  event_key: z.string(),
  operator: z.object({ operator_id: z.object({ open_id: z.string() }) }),
});

/** A click in the bot's menu (developer console → 机器人 → 自定义菜单, event keys `register`, `my_activities`, `help`). */
export async function onBotMenu(
  payload: Record<string, unknown>,
  ctx: HandlerContext,
  deps: AppDeps,
): Promise<void> {
  const event = menuSchema.safeParse(payload.event);
  if (!event.success) return;
  const openId = event.data.operator.operator_id.open_id;
  const key = `${ctx.recordId}:menu`;
  switch (event.data.event_key) {
    case 'register':
      await deps.messenger.sendCard(
        { openId },
        await registrationFormFor(openId, { chatType: 'p2p' }, deps),
        key,
      );
      return;
    case 'my_activities':
      await deps.messenger.sendCard(
        { openId },
        await listCardFor('mine', openId, 1, undefined, deps),
        key,
      );
      return;
    default: {
      const dir = await deps.directory.load();
      await deps.messenger.sendCard({ openId }, helpCard({ roles: roleLabels(openId, dir) }), key);
    }
  }
}

const p2pCreatedSchema = z.object({
  user: z.object({ open_id: z.string() }).partial().optional(),
  operator: z.object({ open_id: z.string() }).partial().optional(),
});

/** The first private chat ever with a person: introduce the bot. */
export async function onP2pChatCreated(
  payload: Record<string, unknown>,
  ctx: HandlerContext,
  deps: AppDeps,
): Promise<void> {
  const event = p2pCreatedSchema.safeParse(payload.event);
  const openId = event.success
    ? (event.data.user?.open_id ?? event.data.operator?.open_id)
    : undefined;
  if (!openId) return;
  const dir = await deps.directory.load();
  await deps.messenger.sendCard(
    { openId },
    helpCard({ roles: roleLabels(openId, dir) }),
    `${ctx.recordId}:p2p`,
  );
}
