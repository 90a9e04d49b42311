import { formatInTz } from '../domain/deadline';
import { alertDamagedAtSource, alertDuplicates } from '../services/backup/alerts';
import { BackupBusyError, backupContextFor } from '../services/backup/context';
import { sendKeeperCards } from '../services/backup/keeper';
import { runBackup } from '../services/backup/run-backup';
import type { Job } from './types';

/** Finished backup runs (the lease records) are kept this long. */
const RUNS_KEEP_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Real-time backup (第四条 实时备份): every few minutes, items that arrived at least the configured
 * delay ago and are not yet on a target go into a new bag on every target taking real-time bags (the
 * use and the sealed copy). It catches up by itself after downtime: what is missing from a target is
 * found by content, not by the clock. It also sends the keeper confirmation cards of new entries and
 * reports duplicates for value assessment.
 */
export const backupRealtimeJob: Job = {
  name: 'backup-realtime',
  cron: '*/5 * * * *',
  description: 'Copies newly arrived items to the use and sealed backup targets (BagIt bags).',
  async run({ now, deps, log }) {
    const ctx = await backupContextFor(deps, 'job:backup-realtime', log);
    if (!ctx) return { summary: 'backups not configured (BACKUP_TARGETS_FILE)' };
    let result;
    try {
      result = await runBackup(ctx, { kind: 'realtime' });
    } catch (err) {
      if (!(err instanceof BackupBusyError)) throw err;
      const cards = await sendKeeperCards(deps);
      return { summary: `skipped: ${err.message}; ${cards} keeper card(s) sent` };
    }
    const damaged = result.outcomes.flatMap((o) => (o.status === 'written' ? o.damaged : []));
    await alertDamagedAtSource(
      deps,
      damaged,
      `backup.source:${formatInTz(now, 'UTC', 'YYYYMMDDHHmm')}`,
    );
    await alertDuplicates(deps, result.duplicates);
    const cards = await sendKeeperCards(deps);
    await ctx.repo.purgeRuns(new Date(now.getTime() - RUNS_KEEP_MS));
    const written = result.outcomes.filter((o) => o.status === 'written');
    const failed = result.outcomes.filter((o) => o.status === 'failed');
    const summary = `${written.length} bag(s) written, ${result.deferred} item(s) deferred, ${cards} keeper card(s) sent, ${result.duplicates.length} duplicate group(s)`;
    if (failed.length > 0) {
      throw new Error(
        `${summary}; failed: ${failed.map((f) => `${f.targetId}: ${f.status === 'failed' ? f.error : ''}`).join('; ')}`,
      );
    }
    return {
      summary,
      counts: { bags: written.length, deferred: result.deferred, keeperCards: cards },
    };
  },
};
