import { createHash } from 'node:crypto';
import { events } from '../../../src/simulator';
import type { ResourceSpec } from '../../../src/simulator/types';
import { registerThroughCard, tap } from '../../support/activity-flows';
import type { TestBot } from '../../support/test-bot';

/** Registers an activity and binds oc_grp1 to it (as its contact, ou_org1). */
export async function boundActivity(bot: TestBot, chatId = 'oc_grp1') {
  const reg = await registerThroughCard(bot, { chatId });
  await tap(
    bot,
    'ou_org1',
    { action: 'activity.bind_chat', activityId: reg.activityId },
    { chatId },
  );
  return reg;
}

export interface Drop {
  messageId: string;
  messageType: 'image' | 'file' | 'audio' | 'media' | 'post' | 'merge_forward';
  content: object;
  chatId?: string;
  chatType?: 'group' | 'p2p';
  sender?: string;
  parentId?: string;
}

/** Delivers a user's message as Feishu pushes it (signed, encrypted) after seeding its resources. */
export function drop(bot: TestBot, d: Drop, resources: Record<string, ResourceSpec> = {}) {
  for (const [key, spec] of Object.entries(resources)) bot.sim.putResource(d.messageId, key, spec);
  return bot.sendEvent(
    events.messageReceived(
      {
        messageId: d.messageId,
        chatId: d.chatId ?? 'oc_grp1',
        chatType: d.chatType ?? 'group',
        senderOpenId: d.sender ?? 'ou_org1',
        messageType: d.messageType,
        content: d.content,
        ...(d.parentId ? { parentId: d.parentId } : {}),
      },
      bot.ids,
    ),
  );
}

/** An image message with these bytes. */
export const dropImage = (
  bot: TestBot,
  messageId: string,
  bytes: Buffer,
  over: Partial<Drop> = {},
) =>
  drop(
    bot,
    { messageId, messageType: 'image', content: { image_key: `img_${messageId}` }, ...over },
    { [`img_${messageId}`]: { bytes, contentType: 'image/jpeg' } },
  );

/** Runs everything due, lets the batch window pass, runs the acknowledgements. */
export async function settle(bot: TestBot): Promise<void> {
  await bot.drain();
  bot.clock.advance((Number(bot.config.intakeBatchWindowSeconds) + 1) * 1000);
  await bot.drain();
}

/** The acknowledgement cards the bot sent, as JSON strings. */
export function ackCards(bot: TestBot): string[] {
  return bot.sim
    .sentMessages()
    .filter((m) => m.msgType === 'interactive')
    .map((m) => JSON.stringify(m.content))
    .filter((c) => c.includes('材料已收到') || c.includes('材料未能全部存档'));
}

/** Every notice the bot sent about materials (refusals, hints). */
export function intakeNotices(bot: TestBot): string[] {
  return bot.sim
    .sentMessages()
    .map((m) => JSON.stringify(m.content))
    .filter((c) => c.includes('材料归档'));
}

/** Reads a stored blob back through a standard GridFS reader and hashes it. */
export async function blobSha256(bot: TestBot, blobId: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of bot.bot.deps.repos.materials.blobs.openDownload(blobId)) {
    hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

/** Materials of an activity (all statuses), oldest first. */
export const materialsOf = (bot: TestBot, activityId: string) =>
  bot.bot.deps.repos.materials.listByActivity(activityId);
