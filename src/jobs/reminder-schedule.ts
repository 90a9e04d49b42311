import { repairOncePerDay } from '../services/deadlines/watch-list';
import type { Job } from './types';

/**
 * Keeps the reminder watch list true once a day (see services/deadlines/watch-list.ts). The activity
 * repository updates the list on every change; this is the net under it (an import, a fix made in the
 * database). The day's first reminder pass runs the same repair if this job did not.
 */
export const reminderScheduleJob: Job = {
  name: 'reminder-schedule',
  cron: '30 3 * * *',
  description:
    'Repairs the reminder watch list (owed activities near or past their deadline) and forgets old reminder marks.',
  async run({ now, deps }) {
    // Forced: run by hand it repairs again; scheduled it also spares the day's first pass the work.
    const r = (await repairOncePerDay(now, deps, { force: true }))!;
    return {
      summary: `${r.watched} watched, ${r.changed} added or corrected, ${r.dropped} dropped, ${r.purged} old mark(s) forgotten`,
      counts: { ...r },
    };
  },
};
