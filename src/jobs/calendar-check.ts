import { noticeUnknownNextYear, warnAboutMissingYears } from '../services/calendar-status';
import type { Job } from './types';

/**
 * Watches the official holiday calendar running out: every day it logs a warning for a year that
 * falls back to Monday–Friday (this year; next year from December), and in December the admins get
 * one card each about next year (sent once per year and admin).
 */
export const calendarCheckJob: Job = {
  name: 'calendar-check',
  cron: '0 10 * * *',
  description:
    "Warns when this or next year's State Council holidays are not in the work calendar.",
  async run({ now, deps, log }) {
    const missing = warnAboutMissingYears(deps.calendar, now, deps.config.tz, log);
    const admins = await noticeUnknownNextYear(deps, now);
    return {
      summary:
        missing.length === 0
          ? 'work calendar covers this year (and next, in December)'
          : `official holidays unknown for ${missing.join(', ')}: Monday-Friday used; ${admins} admin(s) told`,
      counts: { missingYears: missing.length, admins },
    };
  },
};
