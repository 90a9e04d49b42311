import type { MaterialDoc } from '../../../src/db/models/material';
import type { MaterialKind } from '../../../src/domain/categories';
import { events } from '../../../src/simulator';
import type { TestBot } from '../../support/test-bot';

export interface SeedItem {
  kind: MaterialKind;
  fileName?: string;
  mime?: string;
  exifTakenAt?: Date;
  sender?: string;
}

/**
 * Stores items of a batch straight into the materials collection (no download), for flows that
 * start after intake: describing, removing, filing. Returns the ids in batch order.
 */
export async function seedBatch(
  bot: TestBot,
  opts: {
    batchId: string;
    activityId?: string;
    source?: MaterialDoc['source'];
    items: SeedItem[];
    sender?: string;
  },
): Promise<string[]> {
  const now = bot.clock.now();
  const ids: string[] = [];
  for (const [i, it] of opts.items.entries()) {
    const id = `f:om_${opts.batchId}_${i}:key${i}`;
    const doc: MaterialDoc = {
      _id: id,
      ...(opts.activityId ? { activityId: opts.activityId } : {}),
      kind: it.kind,
      status: 'stored',
      source: opts.source ?? 'group',
      batchId: opts.batchId,
      messageId: `om_${opts.batchId}_${i}`,
      fileKey: `key${i}`,
      ...(it.fileName ? { fileName: it.fileName } : {}),
      mime: it.mime ?? (it.kind === 'photo' ? 'image/jpeg' : 'application/pdf'),
      size: 100,
      sha256: `${opts.batchId}-${i}`.padEnd(64, '0'),
      blobId: id,
      ...(it.exifTakenAt ? { exifTakenAt: it.exifTakenAt } : {}),
      warnings: [],
      sender: it.sender ?? opts.sender ?? 'ou_org1',
      sentAt: new Date(now.getTime() + i),
      createdAt: new Date(now.getTime() + i),
      updatedAt: now,
      described: false,
    };
    await bot.bot.deps.repos.materials.insertOnce(doc);
    ids.push(id);
  }
  return ids;
}

/** A user's text sent as a reply to `parentId` (optionally @mentioning the bot). */
export function replyText(
  bot: TestBot,
  parentId: string,
  text: string,
  opts: { sender?: string; chatId?: string; chatType?: 'group' | 'p2p'; messageId?: string } = {},
) {
  const chatType = opts.chatType ?? 'group';
  return bot.sendEvent(
    events.textMessage(
      {
        chatId: opts.chatId ?? 'oc_grp1',
        chatType,
        senderOpenId: opts.sender ?? 'ou_org1',
        text,
        parentId,
        ...(opts.messageId ? { messageId: opts.messageId } : {}),
        ...(chatType === 'group' ? { mentionBot: true, botOpenId: bot.sim.botOpenId } : {}),
      },
      bot.ids,
    ),
  );
}

/** The cards the bot sent in answer to one message, as JSON strings. */
export const answersTo = (bot: TestBot, messageId: string): string[] =>
  bot.sim.cardsTo(messageId).map((m) => JSON.stringify(m.content));

export const material = async (bot: TestBot, id: string) =>
  (await bot.bot.deps.repos.materials.findById(id))!;
