import type { Card } from '../../cards/card';
import type { AppDeps } from '../app/deps';

/**
 * Sends a card to the archive room: its group chat when the directory names one, else each archivist
 * privately. `key` makes the send idempotent per recipient.
 */
export async function alertArchivists(deps: AppDeps, card: Card, key: string): Promise<number> {
  const dir = await deps.directory.load();
  if (dir.archiveChatId) {
    await deps.messenger.sendCard(
      { chatId: dir.archiveChatId },
      card,
      `${key}:${dir.archiveChatId}`,
    );
    return 1;
  }
  for (const openId of dir.archivists) {
    await deps.messenger.sendCard({ openId }, card, `${key}:${openId}`);
  }
  return dir.archivists.length;
}
