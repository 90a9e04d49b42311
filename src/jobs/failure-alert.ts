import { noticeCard } from '../../cards/notice';
import type { AppDeps } from '../app/deps';
import type { JobRepo } from '../db/job-repo';
import { formatInTz } from '../domain/deadline';
import type { Logger } from '../lib/logger';
import { alertArchivists } from '../services/alert-archivists';
import { jobText } from './messages';
import type { Job } from './types';

/** Consecutive failures of a job after which the archive room hears about it. */
export const ALERT_AFTER_FAILURES = 3;

/**
 * Tells the archivists a job keeps failing, once per failure streak: the send key names the streak's
 * first failed run, so later failures of the same streak (and a retried alert) send nothing new,
 * while a new streak after an ok run alerts again.
 */
export async function alertIfFailing(
  job: Job,
  runs: JobRepo,
  deps: AppDeps,
  log: Logger,
): Promise<void> {
  const streak = await runs.recentFailures(job.name, 1);
  if (streak.count < ALERT_AFTER_FAILURES || !streak.first) return;
  const latestError = (streak.latest[0]?.error ?? '').replace(/\s+/g, ' ').slice(0, 300);
  const vars = {
    job: job.name,
    count: streak.count,
    since: formatInTz(streak.first.startedAt, deps.config.tz),
    error: latestError || '-',
  };
  const card = noticeCard(
    jobText('job.failing.title', vars),
    jobText('job.failing.body', vars),
    'red',
  );
  await alertArchivists(deps, card, `job.failing:${job.name}:${streak.first._id}`);
  log.warn({ failures: streak.count, streak: streak.first._id }, 'job.failing');
}
