import { Refusal } from '../domain/refusal';
import { archivistsOnly, policy } from './policy';

/** What only the archive room does: handover decisions, originals, search, export, assessment, backups. */
export const archiveRoomPolicies = {
  /** Accept or return a submitted handover. */
  'handover.decide': archivistsOnly(),
  /** See and tick off the physical items and paper originals still to arrive. */
  'handover.receive': archivistsOnly(),
  'archives.search': archivistsOnly(),
  'archives.export': archivistsOnly(),
  'assessment.view': archivistsOnly(),
  'assessment.criticize': archivistsOnly(),
  'backup.view': archivistsOnly(() => new Refusal('backup.status.onlyArchivists')),
  /** Only the keeper named on a register entry confirms it (第八条). */
  'backup.confirm': policy<{ keeper: string }>(
    (actor, entry) => actor.openId === entry.keeper,
    (actor, entry) =>
      new Refusal('backup.keeper.toast.notKeeper', {
        keeper: actor.directory.displayName(entry.keeper),
      }),
  ),
};
