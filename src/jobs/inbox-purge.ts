import type { Job } from './types';

const HOUR_MS = 60 * 60 * 1000;
/**
 * How long finished inbox records are kept as the dedupe memory. Feishu redelivers an event for
 * about 7.1 hours; 24 hours keeps a safe margin over that.
 */
export const INBOX_DEDUPE_KEEP_MS = 24 * HOUR_MS;

/** Forgets finished inbox records older than the dedupe window (FerretDB has no TTL indexes). */
export const inboxPurgeJob: Job = {
  name: 'inbox-purge',
  cron: '30 3 * * *',
  description: 'Removes finished inbox records received more than 24 h ago (the dedupe memory).',
  async run({ now, deps }) {
    const removed = await deps.repos.inbox.purgeDone(
      new Date(now.getTime() - INBOX_DEDUPE_KEEP_MS),
    );
    return {
      summary: `removed ${removed} finished inbox record(s) older than 24 h`,
      counts: { inboxRecords: removed },
    };
  },
};
