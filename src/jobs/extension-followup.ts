import { needsResend, pendingReminderDue } from '../domain/extension';

import {
  applyDecision,
  decisionRecipients,
  sendDecisionCards,
} from '../services/extensions/decide-extension';
import { policyOf } from '../services/deadlines/reminder-card';
import type { Job } from './types';

/**
 * Keeps pending extension requests moving: the decider is reminded once after 2 workdays, a decision
 * card about to leave the platform's 14-day interaction window is re-sent (a fresh card rather than a
 * patch), and a decision whose writer crashed halfway is finished.
 */
export const extensionFollowupJob: Job = {
  name: 'extension-followup',
  cron: '5 * * * *',
  description:
    'Reminds deciders of extension requests pending 2 workdays, re-sends expiring decision cards, finishes interrupted decisions.',
  async run({ now, deps, log }) {
    const repo = deps.repos.extensions;
    let repaired = 0;
    for (const { request, decision } of await repo.unapplied()) {
      const activity = await deps.repos.activities.findById(request.activityId);
      if (!activity) continue;
      await applyDecision(request, decision, activity, deps);
      repaired += 1;
    }
    const policy = policyOf(deps);
    const dir = await deps.directory.load();
    let reminded = 0;
    let resent = 0;
    const pending = await repo.pending();
    for (const req of pending) {
      const waited = pendingReminderDue(req.createdAt, now, policy);
      // Send-once marks keyed by the request's creation time (a request is created once).
      const marks = await deps.repos.reminders.marked(req.activityId, req.createdAt);
      if (waited !== undefined && !marks.has('ext_reminder')) {
        await sendDecisionCards(req._id, `ext-remind:${req._id}`, deps, {
          waitingWorkdays: waited,
        });
        await deps.repos.reminders.mark(
          req.activityId,
          req.createdAt,
          ['ext_reminder'],
          'sent',
          now,
        );
        reminded += 1;
        log.info({ requestId: req._id, waited }, 'extension.reminded');
        continue;
      }
      const recipients = decisionRecipients(req.unit, dir);
      const stale = recipients.filter((openId) => {
        const sent = req.cards.filter((c) => c.openId === openId).map((c) => c.sentAt.getTime());
        return sent.length === 0 || needsResend(new Date(Math.max(...sent)), now);
      });
      if (stale.length > 0 && req.cards.length > 0) {
        const latest = Math.max(...req.cards.map((c) => c.sentAt.getTime()));
        await sendDecisionCards(req._id, `ext-resend:${req._id}:${latest}`, deps);
        resent += 1;
      }
    }
    return {
      summary: `${reminded} reminder(s), ${resent} card(s) re-sent, ${repaired} decision(s) finished, ${pending.length} pending`,
      counts: { reminded, resent, repaired, pending: pending.length },
    };
  },
};
