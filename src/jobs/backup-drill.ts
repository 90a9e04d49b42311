import { periodDue } from '../domain/backup-rules';
import { tellDrill } from '../services/backup/alerts';
import { backupContextFor } from '../services/backup/context';
import { runDrill } from '../services/backup/drill';
import type { Job } from './types';

/**
 * The restore drill: checked daily, run when the last one is older than `drill.everyDays` (a year by
 * default; a failed drill is tried again the next day). It restores a sample of the newest full bag into a scratch database on a temporary
 * embedded FerretDB, verifies it, records the result and tells the archivists either way.
 */
export const backupDrillJob: Job = {
  name: 'backup-drill',
  cron: '0 3 * * *',
  description: 'Yearly restore drill into a scratch database; tells the archivists the result.',
  async run({ now, deps, log }) {
    const ctx = await backupContextFor(deps, 'job:backup-drill', log);
    if (!ctx) return { summary: 'backups not configured (BACKUP_TARGETS_FILE)' };
    const last = await ctx.repo.lastEvent('drill', true);
    if (!periodDue(last?.at, ctx.settings.drill.everyDays, now)) {
      return { summary: `not due (last drill ${last?.at.toISOString() ?? 'never'})` };
    }
    const result = await runDrill(ctx, {
      repoRoot: process.cwd(),
      ...(deps.config.ferretdbBin ? { ferretdbBin: deps.config.ferretdbBin } : {}),
    });
    await tellDrill(deps, result, `backup.drill:${result.bagId ?? 'none'}:${now.toISOString()}`);
    if (!result.ok) throw new Error(`drill failed: ${result.summary}`);
    return { summary: `drill passed: ${result.summary}`, counts: { sample: result.sample } };
  },
};
