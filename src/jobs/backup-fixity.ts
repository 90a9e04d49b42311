import { alertFixity } from '../services/backup/alerts';
import { backupContextFor } from '../services/backup/context';
import { runFixityRotation } from '../services/backup/fixity';
import type { Job } from './types';

/**
 * Fixity rotation (NDSA L3; 四性 long-term check): every day, the copies due for their check are
 * verified (online targets monthly, offline staging yearly, configurable) and the live store is
 * re-hashed against the stored SHA-256 when due. Archivists are told about every mismatch, file by
 * file. Sealed copies are checked only under a recorded `verify` approval; those skipped are counted.
 */
export const backupFixityJob: Job = {
  name: 'backup-fixity',
  cron: '30 2 * * *',
  description:
    'Verifies backup copies on a rotation and re-hashes the live store; alerts on mismatches.',
  async run({ now, deps, log }) {
    const ctx = await backupContextFor(deps, 'job:backup-fixity', log);
    if (!ctx) return { summary: 'backups not configured (BACKUP_TARGETS_FILE)' };
    const r = await runFixityRotation(ctx, now);
    const failed = r.checked.filter((c) => !c.ok);
    const storeProblems = r.store?.problems ?? [];
    await alertFixity(deps, failed, storeProblems, `backup.fixity:${now.toISOString()}`);
    const store = r.store
      ? `, live store ${r.store.checked} file(s) re-hashed (${storeProblems.length} differ)`
      : '';
    return {
      summary: `${r.checked.length} copy(ies) verified, ${failed.length} failed, ${r.sealedWithoutApproval.length} sealed without approval${store}`,
      counts: {
        checked: r.checked.length,
        failed: failed.length,
        sealedSkipped: r.sealedWithoutApproval.length,
        storeProblems: storeProblems.length,
      },
    };
  },
};
