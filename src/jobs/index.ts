import { backupDrillJob } from './backup-drill';
import { backupFixityJob } from './backup-fixity';
import { backupFullJob } from './backup-full';
import { backupRealtimeJob } from './backup-realtime';
import { calendarCheckJob } from './calendar-check';
import { deadlineRemindersJob } from './deadline-reminders';
import { extensionFollowupJob } from './extension-followup';
import { inboxPurgeJob } from './inbox-purge';
import { overdueDigestJob } from './overdue-digest';
import { publicityRemindersJob } from './publicity-reminders';
import { reminderScheduleJob } from './reminder-schedule';
import type { Job } from './types';

/** Every scheduled job, in one place. Adding a job is one file plus one line here. */
export const JOBS: readonly Job[] = [
  deadlineRemindersJob,
  reminderScheduleJob,
  overdueDigestJob,
  extensionFollowupJob,
  inboxPurgeJob,
  backupRealtimeJob,
  backupFullJob,
  backupFixityJob,
  backupDrillJob,
  publicityRemindersJob,
  calendarCheckJob,
];

/** A job with the cron expression it runs on. */
export interface PlannedJob {
  job: Job;
  cron: string;
  /** True when JOB_SCHEDULES replaced the job's default. */
  overridden: boolean;
}

/**
 * Applies JOB_SCHEDULES overrides to the jobs' default schedules. A name that matches no job is an
 * error, so a typo never silently leaves a job on its default.
 */
export function planJobs(
  overrides: Readonly<Record<string, string>>,
  jobs: readonly Job[] = JOBS,
): PlannedJob[] {
  const unknown = Object.keys(overrides).filter((name) => !jobs.some((j) => j.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `JOB_SCHEDULES names unknown job(s): ${unknown.join(', ')} (jobs: ${jobNames(jobs)})`,
    );
  }
  return jobs.map((job) => {
    const override = overrides[job.name];
    return { job, cron: override ?? job.cron, overridden: override !== undefined };
  });
}

/** The job of that name, if any. */
export function findJob(name: string, jobs: readonly Job[] = JOBS): Job | undefined {
  return jobs.find((j) => j.name === name);
}

/** The job names, comma-separated, for messages. */
export function jobNames(jobs: readonly Job[] = JOBS): string {
  return jobs.map((j) => j.name).join(', ');
}
