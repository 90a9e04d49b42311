import { BackupBusyError, backupContextFor } from '../services/backup/context';
import { sendKeeperCards } from '../services/backup/keeper';
import { runBackup } from '../services/backup/run-backup';
import type { Job } from './types';

/**
 * Periodic full backup (第四条 数据库定期完全备份): the whole catalogue, the database and every file,
 * to every target taking full bags. A run that finds another backup in progress fails, so the runner
 * records it and the next tick (or `npm run job -- backup-full`) does it.
 */
export const backupFullJob: Job = {
  name: 'backup-full',
  cron: '0 2 1 * *',
  description: 'Monthly full backup (catalogue, database and all files) to every full target.',
  async run({ deps, log }) {
    const ctx = await backupContextFor(deps, 'job:backup-full', log);
    if (!ctx) return { summary: 'backups not configured (BACKUP_TARGETS_FILE)' };
    const result = await runBackup(ctx, { kind: 'full' }).catch((err: unknown) => {
      if (err instanceof BackupBusyError) throw new Error(`not run: ${err.message}`);
      throw err;
    });
    const cards = await sendKeeperCards(deps);
    const failed = result.outcomes.filter((o) => o.status === 'failed');
    const written = result.outcomes.length - failed.length;
    if (failed.length) {
      throw new Error(
        `${written} full bag(s) written; failed: ${failed.map((f) => (f.status === 'failed' ? `${f.targetId}: ${f.error}` : '')).join('; ')}`,
      );
    }
    return {
      summary: `${written} full bag(s) written, ${cards} keeper card(s) sent`,
      counts: { bags: written },
    };
  },
};
