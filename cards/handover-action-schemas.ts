import { z } from 'zod';

const activityId = z.string().min(1).max(64);
const submissionId = z.string().min(1).max(80);
const materialId = z.string().min(1).max(200);
const year = z.number().int().min(2000).max(2100);

/**
 * Handover, acceptance, archive and assessment payloads (issue 7), spread into the action union in
 * cards/actions.ts.
 */
export const handoverActionSchemas = [
  /** Runs the pre-check and submits when nothing blocks (`confirm`: despite warnings). */
  z.object({ action: z.literal('handover.submit'), activityId, confirm: z.boolean().optional() }),
  /** The archivist's review form: retention, reason, minor; one button each way. */
  z.object({ action: z.literal('handover.accept'), submissionId }),
  z.object({ action: z.literal('handover.return'), submissionId }),
  z.object({ action: z.literal('handover.originals'), activityId }),
  z.object({ action: z.literal('handover.receive'), activityId, materialId }),
  z.object({ action: z.literal('archive.export'), activityId }),
  z.object({ action: z.literal('assessment.criticize.open'), year }),
  z.object({ action: z.literal('assessment.criticize.submit'), year }),
] as const;
