import { z } from 'zod';
import { handoverActionSchemas } from './handover-action-schemas';

const activityId = z.string().min(1).max(64);
const listFilters = z
  .object({
    state: z.string().max(32).optional(),
    category: z.string().max(4).optional(),
    unit: z.string().max(32).optional(),
    year: z.string().max(4).optional(),
    overdue: z.boolean().optional(),
    q: z.string().max(100).optional(),
  })
  .strict();

const batchId = z.string().min(1).max(64);
const materialId = z.string().min(1).max(200);
const formId = z.string().min(1).max(64);
const page = z.number().int().min(1).max(10_000);

/** Materials: descriptions, physical items, links, publicity filing, corrections (issue 5 items 4–8). */
const materialDescribeActions = [
  z.object({ action: z.literal('material.describe.page'), activityId, batchId, page }),
  z.object({
    action: z.literal('material.describe.submit'),
    activityId,
    batchId,
    page,
    items: z.array(materialId).max(10),
  }),
  z.object({ action: z.literal('material.physical.submit'), activityId, formId }),
  z.object({ action: z.literal('material.link.submit'), activityId, formId }),
  z.object({ action: z.literal('material.publicity.open'), batchId }),
  z.object({ action: z.literal('material.publicity.search'), batchId }),
  z.object({ action: z.literal('material.publicity.file'), batchId, activityId }),
  z.object({ action: z.literal('material.list'), activityId, page }),
  z.object({ action: z.literal('material.remove.open'), materialId }),
  z.object({ action: z.literal('material.remove.submit'), materialId }),
] as const;

/**
 * Every button and form payload the bot emits, as one discriminated union shared by the card
 * builders (to emit) and the callback router (to parse). Adding an action = one member here.
 */
export const cardActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('help.show') }),
  z.object({
    action: z.literal('activity.register.submit'),
    draftId: z.string().min(1).max(64),
    chatType: z.enum(['p2p', 'group']),
  }),
  z.object({ action: z.literal('activity.bind_chat'), activityId }),
  z.object({ action: z.literal('activity.bind_chat.confirm'), activityId }),
  z.object({ action: z.literal('activity.create_chat'), activityId }),
  z.object({ action: z.literal('activity.status'), activityId }),
  z.object({ action: z.literal('activity.edit.open'), activityId }),
  z.object({ action: z.literal('activity.edit.submit'), activityId }),
  z.object({ action: z.literal('activity.cancel.open'), activityId }),
  z.object({ action: z.literal('activity.cancel.submit'), activityId }),
  z.object({ action: z.literal('activity.restore'), activityId }),
  z.object({
    action: z.literal('activity.list'),
    scope: z.enum(['mine', 'all']),
    page: z.number().int().min(1).max(10_000),
    filters: listFilters.optional(),
  }),
  z.object({ action: z.literal('activity.list.filter') }),
  z.object({ action: z.literal('extension.open'), activityId }),
  z.object({ action: z.literal('extension.submit'), activityId }),
  z.object({
    action: z.literal('extension.decide'),
    requestId: z.string().min(1).max(96),
    decision: z.enum(['approve', 'reject']),
  }),
  z.object({ action: z.literal('deadline.remind_now'), activityId }),
  z.object({ action: z.literal('directory.sync.start') }),
  z.object({ action: z.literal('directory.sync.apply'), planId: z.string().min(1).max(64) }),
  z.object({ action: z.literal('directory.sync.discard'), planId: z.string().min(1).max(64) }),
  z.object({ action: z.literal('backup.keeper.confirm'), bagId: z.string().min(1).max(120) }),
  ...handoverActionSchemas,
  z.object({
    action: z.literal('material.describe.open'),
    activityId,
    batchId: z.string().min(1).max(64),
  }),
  ...materialDescribeActions,
]);

export type CardAction = z.infer<typeof cardActionSchema>;
export type CardActionName = CardAction['action'];

/** Typed helper so builders cannot emit a payload the router would refuse. */
export const actionValue = <A extends CardAction>(a: A): Record<string, unknown> => ({ ...a });
