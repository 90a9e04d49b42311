import { ActivitySummaryRepo } from '../activity-summary-repo';
import type { Migration } from './migration';

/**
 * The web console lists activities from `activity_summaries`, one row per activity kept by the
 * repositories since the console arrived. A database written before it has none: build every row
 * (the same rebuild as the daily repair, so running it twice changes nothing).
 */
export const activitySummaries: Migration = {
  name: '0001-activity-summaries',
  description: "build the web console's activity rows (activity_summaries) for existing activities",
  async up({ connection, now, tz, print }) {
    const rows = await new ActivitySummaryRepo(connection, tz).rebuildAll(now, (done) => {
      if (done % 500 === 0) print(`  ${done} activities`);
    });
    return `${rows} activit${rows === 1 ? 'y' : 'ies'}`;
  },
};
