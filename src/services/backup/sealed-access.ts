import type { SealedPurpose } from '../../db/backup-custody-repo';
import type { BackupEntryDoc } from '../../db/backup-repo';
import type { BackupContext } from './context';

/** Reading a sealed copy without a recorded approval (第九条). */
export class SealedAccessError extends Error {
  constructor(
    readonly bagId: string,
    readonly purpose: SealedPurpose,
  ) {
    super(
      `${bagId} is a sealed copy: reading it (${purpose}) needs an approval recorded on the register ` +
        `(npm run backup:register -- --approve <target or bag> --purpose ${purpose} --by <open_id> --reason "…")`,
    );
    this.name = 'SealedAccessError';
  }
}

/**
 * Lets a tool read a bag: a use copy always; a sealed copy only under an approval for this purpose
 * covering the bag or its target. Every attempt on a sealed copy is logged, refused ones too.
 */
export async function checkSealedAccess(
  ctx: BackupContext,
  entry: Pick<BackupEntryDoc, '_id' | 'targetId' | 'role'>,
  purpose: SealedPurpose,
): Promise<void> {
  if (entry.role !== 'sealed') return;
  const now = ctx.clock.now();
  const approval = await ctx.custody.approvalFor(entry.targetId, entry._id, purpose, now);
  await ctx.custody.logAccess({
    at: now,
    targetId: entry.targetId,
    bagId: entry._id,
    purpose,
    actor: ctx.actor,
    allowed: approval !== null,
    ...(approval ? { approvalId: approval._id } : {}),
  });
  if (!approval) {
    ctx.log.warn({ bagId: entry._id, purpose, actor: ctx.actor }, 'backup.sealed_refused');
    throw new SealedAccessError(entry._id, purpose);
  }
}

/** Records an approval to read a sealed target (or one bag of it); the approver must be an archivist or admin. */
export async function approveSealedAccess(
  ctx: BackupContext,
  input: {
    targetId: string;
    bagId?: string;
    purposes: SealedPurpose[];
    approvedBy: string;
    reason: string;
    until?: Date;
  },
  isApprover: (openId: string) => boolean,
): Promise<string> {
  const target = ctx.settings.targets.find((t) => t.id === input.targetId);
  if (!target) throw new Error(`unknown target "${input.targetId}"`);
  if (target.role !== 'sealed')
    throw new Error(`target ${target.id} is not sealed; no approval needed`);
  if (!isApprover(input.approvedBy)) {
    throw new Error(
      `${input.approvedBy} is not an archivist or admin in the directory; they cannot approve`,
    );
  }
  if (input.reason.trim().length < 2)
    throw new Error('give the reason for opening the sealed copy');
  const id = await ctx.custody.addApproval({
    targetId: target.id,
    ...(input.bagId ? { bagId: input.bagId } : {}),
    purposes: input.purposes,
    approvedBy: input.approvedBy,
    reason: input.reason.trim(),
    at: ctx.clock.now(),
    ...(input.until ? { until: input.until } : {}),
    recordedBy: ctx.actor,
  });
  ctx.log.info({ id, target: target.id, purposes: input.purposes }, 'backup.sealed_approved');
  return id;
}
