import { backupReviewCard } from '../../../cards/backup-review';
import { backupStatusCard } from '../../../cards/backup-status';
import type { Card } from '../../../cards/card';
import type { AppDeps } from '../../app/deps';
import { complianceOf, loadBackupTargets } from '../../config/backup-targets';
import { bagSize } from '../../domain/bagit';
import { formatInTz } from '../../domain/deadline';
import { displayName } from '../../domain/roles';
import { backupContextFor } from './context';
import { annualReview } from './register-xlsx';

/** The archivists' backup status card: compliance, entries pending their keeper, recent bags. */
export async function backupStatusFor(deps: AppDeps): Promise<Card> {
  const tz = deps.config.tz;
  const year = Number(formatInTz(deps.clock.now(), tz, 'YYYY'));
  const file = deps.config.backupTargetsFile;
  const c = file ? complianceOf(loadBackupTargets(file).targets) : undefined;
  const dir = await deps.directory.load();
  const [pending, recent] = await Promise.all([
    deps.repos.backup.pending(),
    deps.repos.backup.list(),
  ]);
  return backupStatusCard({
    configured: c !== undefined,
    ...(c
      ? {
          compliance: {
            offsite: c.offsite,
            differentMedia: c.differentMedia,
            compliant: c.compliant,
            use: c.useCopies,
            sealed: c.sealedCopies,
          },
        }
      : {}),
    pending: pending.map((e) => ({
      bag: e._id,
      kind: e.kind,
      target: e.targetName,
      keeperName: displayName(e.keeper, dir),
      since: formatInTz(e.createdAt, tz),
    })),
    recent: recent.slice(0, 5).map((e) => ({
      at: formatInTz(e.createdAt, tz),
      kind: e.kind,
      target: e.targetName,
      files: e.files,
      size: bagSize(e.bytes),
      fixityBad: e.lastFixity?.ok === false,
    })),
    year,
  });
}

/** The yearly review card (第十二条); undefined when backups are not configured. */
export async function backupReviewFor(deps: AppDeps, year: number): Promise<Card | undefined> {
  const ctx = await backupContextFor(deps, 'chat', deps.log);
  if (!ctx) return undefined;
  return backupReviewCard({ year, figures: await annualReview(ctx, year), size: bagSize });
}
