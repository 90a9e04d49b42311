import { z } from 'zod';
import type { AppDeps } from '../app/deps';
import type { InboxHandler } from '../inbox/worker';
import {
  runSyncApply,
  runSyncPropose,
  SYNC_APPLY_TASK,
  SYNC_PROPOSE_TASK,
} from '../services/directory-admin';

const proposePayload = z.object({ operator: z.string().min(1) });
const applyPayload = z.object({ planId: z.string().min(1), operator: z.string().min(1) });

/** Inbox tasks of the directory sync; spread into handlers/index.ts. */
export function directoryTaskHandlers(deps: AppDeps): Record<string, InboxHandler> {
  return {
    [SYNC_PROPOSE_TASK]: (payload, ctx) =>
      runSyncPropose(proposePayload.parse(payload), ctx.recordId, deps),
    [SYNC_APPLY_TASK]: (payload, ctx) =>
      runSyncApply(applyPayload.parse(payload), ctx.recordId, deps),
  };
}
