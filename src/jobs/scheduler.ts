import type { AppDeps } from '../app/deps';

/**
 * Schedules the jobs this process runs (role `jobs`). The jobs themselves arrive with the deadline
 * and backup features; the scheduler is the only module that will import node-cron.
 */
export function startJobs(deps: AppDeps): { stop(): Promise<void> } {
  deps.log.info({ jobs: [] }, 'jobs.started');
  return { stop: () => Promise.resolve() };
}
