import { z } from 'zod';
import type { AppDeps } from '../app/deps';
import type { InboxHandler } from '../inbox/worker';
import { FINALIZE_TASK, RETURNED_TASK } from '../services/handover/decide';
import { runExport, runFinalize, runHandoverCheck, runReturned } from '../services/handover/tasks';
import { ARCHIVE_EXPORT_TASK, HANDOVER_CHECK_TASK } from './card-actions/handover-actions';

const target = z.union([
  z.object({ chatId: z.string().min(1) }),
  z.object({ openId: z.string().min(1) }),
]);
const answer = z.union([
  z.object({ replyTo: z.string().min(1), chatId: z.string().min(1) }),
  z.object({ target }),
]);
const checkPayload = z.object({
  activityId: z.string().min(1),
  operator: z.string().min(1),
  confirm: z.boolean(),
  answer,
});
const submissionPayload = z.object({ submissionId: z.string().min(1) });
const exportPayload = z.object({
  activityId: z.string().min(1),
  operator: z.string().min(1),
  answer,
});

/**
 * Inbox tasks of the handover: the pre-check and submit (reads every file), the acceptance's
 * numbering and notices, the return notice, and ZIP exports. Spread into handlers/index.ts.
 */
export function handoverTaskHandlers(deps: AppDeps): Record<string, InboxHandler> {
  return {
    [HANDOVER_CHECK_TASK]: (payload, ctx) =>
      runHandoverCheck(checkPayload.parse(payload), ctx.recordId, deps),
    [FINALIZE_TASK]: (payload) => runFinalize(submissionPayload.parse(payload).submissionId, deps),
    [RETURNED_TASK]: (payload) => runReturned(submissionPayload.parse(payload).submissionId, deps),
    [ARCHIVE_EXPORT_TASK]: async (payload, ctx) => {
      await runExport(exportPayload.parse(payload), ctx.recordId, deps);
    },
  };
}
