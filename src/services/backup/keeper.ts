import {
  backupKeeperConfirmCard,
  type KeeperConfirmView,
} from '../../../cards/backup-keeper-confirm';
import type { Card } from '../../../cards/card';
import type { AppDeps } from '../../app/deps';
import type { BackupEntryDoc, BackupRepo } from '../../db/backup-repo';
import { bagSize } from '../../domain/bagit';
import { formatInTz } from '../../domain/deadline';
import { displayName } from '../../domain/roles';

/** The keeper card's view of an entry; `nameOf` turns open_ids into names. */
export function keeperView(
  entry: BackupEntryDoc,
  tz: string,
  nameOf: (openId: string) => string,
): KeeperConfirmView {
  return {
    bagId: entry._id,
    kind: entry.kind,
    targetName: entry.targetName,
    role: entry.role,
    media: entry.media,
    site: entry.site,
    place: entry.place,
    files: entry.files,
    copied: entry.copied,
    size: bagSize(entry.bytes),
    digest: entry.tagDigest,
    createdAt: formatInTz(entry.createdAt, tz),
    keeperName: nameOf(entry.keeper),
    ...(entry.seal
      ? {
          seal: {
            number: entry.seal.number,
            date: formatInTz(entry.seal.date, tz, 'YYYY-MM-DD'),
            sealerName: nameOf(entry.seal.sealer),
          },
        }
      : {}),
    ...(entry.confirmedAt && entry.confirmedBy
      ? {
          confirmed: {
            byName: nameOf(entry.confirmedBy),
            at: formatInTz(entry.confirmedAt, tz),
          },
        }
      : {}),
  };
}

/**
 * Sends each unconfirmed entry's card to its keeper privately, once per entry and keeper (the send
 * key makes a retry or a second replica send nothing new). Returns how many went out.
 */
export async function sendKeeperCards(deps: AppDeps): Promise<number> {
  const dir = await deps.directory.load();
  const nameOf = (id: string) => displayName(id, dir);
  let sent = 0;
  for (const entry of await deps.repos.backup.pending()) {
    if (entry.cardSentAt) continue;
    const card = backupKeeperConfirmCard(keeperView(entry, deps.config.tz, nameOf));
    await deps.messenger.sendCard(
      { openId: entry.keeper },
      card,
      `backup.keeper:${entry._id}:${entry.keeper}`,
    );
    await deps.repos.backup.markCardSent(entry._id, deps.clock.now());
    sent += 1;
  }
  return sent;
}

export type ConfirmOutcome =
  | { status: 'confirmed' | 'already'; card: Card }
  | { status: 'not_keeper'; keeper: string }
  | { status: 'unknown' };

/** The keeper confirms an entry (only the named keeper; once, by a unique insert). */
export async function confirmEntry(
  repo: BackupRepo,
  bagId: string,
  operator: string,
  now: Date,
  tz: string,
  nameOf: (openId: string) => string,
): Promise<ConfirmOutcome> {
  const entry = await repo.entry(bagId);
  if (!entry) return { status: 'unknown' };
  if (entry.keeper !== operator) return { status: 'not_keeper', keeper: nameOf(entry.keeper) };
  const won = await repo.confirm(bagId, operator, now);
  const after = (await repo.entry(bagId)) ?? entry;
  return {
    status: won ? 'confirmed' : 'already',
    card: backupKeeperConfirmCard(keeperView(after, tz, nameOf)),
  };
}
