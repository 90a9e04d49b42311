import { noticeCard } from '../../../cards/notice';
import type { AppDeps } from '../../app/deps';
import type { ActivityDoc } from '../../db/models/activity';
import type { IntakeItem } from '../../db/models/material-intake';
import type { MaterialSource } from '../../db/models/material';
import { privateChatTarget, takesMaterials } from '../../domain/material-intake';
import type { IncomingMessage } from '../../feishu/normalize';
import { ti, type IntakeMessageKey } from '../../i18n/messages-intake';
import type { I18nText, Vars } from '../../i18n/t';
import { enqueueTask } from '../../inbox/intake';
import type { HandlerContext } from '../../inbox/worker';
import { collectResource, type ResourceRef } from './collect-resource';

/** Inbox task type: acknowledge a batch once it is complete (payload `{ rowId }`). */
export const INTAKE_ACK_TASK = 'task.intake_ack';

/** Where a message's materials go, or why they are not taken. */
export type IntakeDestination =
  | { kind: 'activity'; activity: ActivityDoc; source: MaterialSource }
  | { kind: 'publicity' }
  | { kind: 'refused'; reason: IntakeMessageKey; vars?: Vars; quiet: boolean };

/**
 * A bound group collects for its activity; in a private chat the publicity office's items go to its
 * drop-box, anyone else's to the one open activity they handle. An unbound group stays silent
 * unless the bot was asked (`@bot 归档`): with the group-message permission it sees every photo of
 * every group it is in.
 */
export async function resolveDestination(
  msg: Pick<IncomingMessage, 'chatId' | 'chatType' | 'senderOpenId'>,
  asked: boolean,
  deps: AppDeps,
): Promise<IntakeDestination> {
  const { activities } = deps.repos;
  if (msg.chatType === 'group') {
    const binding = await activities.bindingOf(msg.chatId);
    const activity = binding ? await activities.findById(binding.activityId) : null;
    if (!activity) return { kind: 'refused', reason: 'intake.refuse.unbound', quiet: !asked };
    if (!takesMaterials(activity.state)) {
      return {
        kind: 'refused',
        reason: 'intake.refuse.closed',
        vars: { code: activity.code },
        quiet: false,
      };
    }
    return { kind: 'activity', activity, source: 'group' };
  }
  const dir = await deps.directory.load();
  if (dir.publicity.includes(msg.senderOpenId)) return { kind: 'publicity' };
  const mine = await activities.list({ person: msg.senderOpenId }, 1, 50);
  const target = privateChatTarget(mine.items);
  if (target.kind === 'one') {
    const activity = mine.items.find((a) => a._id === target.activityId)!;
    return { kind: 'activity', activity, source: 'private' };
  }
  if (target.kind === 'many') {
    return {
      kind: 'refused',
      reason: 'intake.refuse.choose_activity',
      vars: { n: target.count },
      quiet: false,
    };
  }
  return { kind: 'refused', reason: 'intake.refuse.no_activity', quiet: false };
}

/** When the edge accepted the inbox record being handled (now, if it cannot be read). */
export async function acceptedAt(ctx: HandlerContext, deps: AppDeps): Promise<Date> {
  const record = await deps.repos.inbox.get(ctx.recordId);
  return record?.receivedAt ?? deps.clock.now();
}

/** Replies with a short notice; `key` makes a rerun (or a burst of photos) answer once. */
export async function replyIntakeNotice(
  msg: Pick<IncomingMessage, 'messageId' | 'chatId'>,
  body: I18nText,
  key: string,
  deps: AppDeps,
): Promise<void> {
  await deps.messenger.replyCard(
    msg.messageId,
    noticeCard(ti('intake.notice.title'), body, 'orange'),
    key,
    msg.chatId,
  );
}

/** Answers a refusal: once per sender and chat every ten minutes, so a burst of photos gets one. */
export async function replyRefusal(
  msg: Pick<IncomingMessage, 'messageId' | 'chatId' | 'senderOpenId'>,
  dest: Extract<IntakeDestination, { kind: 'refused' }>,
  ctx: HandlerContext,
  deps: AppDeps,
  asked: boolean,
): Promise<void> {
  if (dest.quiet) {
    ctx.log.info({ reason: dest.reason }, 'intake.ignored');
    return;
  }
  const slot = Math.floor(deps.clock.now().getTime() / 600_000);
  const key = asked
    ? `${ctx.recordId}:intake-refused`
    : `intake-refused:${msg.chatId}:${msg.senderOpenId}:${dest.reason}:${slot}`;
  await replyIntakeNotice(msg, ti(dest.reason, dest.vars ?? {}), key, deps);
}

/**
 * Collects the resources of one message (the resource message itself, the message an `@bot 归档`
 * replied to, or a merged forward's children) under an intake row keyed by `rowId`: the row joins
 * its sender's batch first, then each resource is downloaded and stored once, then the batch's
 * acknowledgement is scheduled for when the sender has paused for the batch window.
 */
export async function collectResources(
  input: {
    rowId: string;
    msg: Pick<IncomingMessage, 'chatId' | 'senderOpenId'>;
    dest: Extract<IntakeDestination, { kind: 'activity' | 'publicity' }>;
    refs: ResourceRef[];
    /** When the edge accepted the message (inbox): batches follow arrival, not a backlog's pace. */
    receivedAt: Date;
  },
  deps: AppDeps,
): Promise<void> {
  const { intake } = deps.repos.materials;
  const windowMs = deps.config.intakeBatchWindowSeconds * 1000;
  const activityId = input.dest.kind === 'activity' ? input.dest.activity._id : undefined;
  const source: MaterialSource = input.dest.kind === 'activity' ? input.dest.source : 'publicity';
  const rowBase = {
    _id: input.rowId,
    chatId: input.msg.chatId,
    sender: input.msg.senderOpenId,
    ...(activityId ? { activityId } : {}),
    source,
  };
  const row = await intake.begin({ ...rowBase, receivedAt: input.receivedAt });
  let batchId = row.batchId;
  if (!batchId || !(await intake.batch(batchId))) {
    batchId = (await intake.joinBatch(rowBase, row.receivedAt, windowMs))._id;
    await intake.setRowBatch(row._id, batchId, deps.clock.now());
  }
  if (row.status === 'collecting') {
    const items: IntakeItem[] = [];
    for (const ref of input.refs) {
      items.push(
        await collectResource(
          ref,
          {
            ...(activityId ? { activityId } : {}),
            source,
            chatId: input.msg.chatId,
            sender: input.msg.senderOpenId,
            batchId,
            intakeId: row._id,
            contentScope: activityId ?? `publicity:${input.msg.senderOpenId}`,
          },
          deps,
        ),
      );
    }
    await intake.finish(row._id, items, deps.clock.now());
  }
  const batch = await intake.batch(batchId);
  const now = deps.clock.now().getTime();
  const due = Math.max(now, (batch?.lastAt.getTime() ?? now) + windowMs);
  await enqueueTask(deps.repos.inbox, deps.clock, {
    key: `intake-ack:${row._id}`,
    type: INTAKE_ACK_TASK,
    payload: { rowId: row._id },
    runAt: new Date(due),
  });
}
