import type { AppDeps } from '../../app/deps';
import { RESOURCE_MESSAGE_TYPES, resourcesIn } from '../../domain/material-intake';
import { FeishuApiError } from '../../feishu/errors';
import { fetchMessage, type FetchedMessage } from '../../feishu/message-fetch';
import type { IncomingMessage } from '../../feishu/normalize';
import { ti } from '../../i18n/messages-intake';
import type { HandlerContext } from '../../inbox/worker';
import type { ResourceRef } from './collect-resource';
import {
  acceptedAt,
  collectResources,
  replyIntakeNotice,
  replyRefusal,
  resolveDestination,
} from './intake';

/** How deep merged forwards inside merged forwards are opened. */
const MAX_FORWARD_DEPTH = 3;

/** True for messages whose resources intake collects (merged forwards are opened first). */
export function isCollectable(messageType: string): boolean {
  return RESOURCE_MESSAGE_TYPES.has(messageType) || messageType === 'merge_forward';
}

const refsOf = (m: Pick<FetchedMessage, 'messageId' | 'msgType' | 'content'>, sentAt: Date) =>
  resourcesIn(m.msgType, m.content).map(
    (r): ResourceRef => ({ ...r, holderMessageId: m.messageId, sentAt }),
  );

/**
 * The resources of a message as the platform lists it: its own, or for a merged forward those of
 * each child (children that are merged forwards are opened too, a few levels deep).
 */
async function refsOfFetched(
  message: FetchedMessage,
  children: FetchedMessage[] | undefined,
  deps: AppDeps,
  depth = 0,
): Promise<ResourceRef[]> {
  const at = (m: FetchedMessage) => m.sentAt ?? deps.clock.now();
  if (message.msgType !== 'merge_forward') return refsOf(message, at(message));
  const kids = children ?? (await fetchMessage(deps.api, message.messageId)).children;
  const out: ResourceRef[] = [];
  for (const child of kids) {
    if (child.msgType === 'merge_forward') {
      if (depth + 1 < MAX_FORWARD_DEPTH)
        out.push(...(await refsOfFetched(child, undefined, deps, depth + 1)));
    } else {
      out.push(...refsOf(child, at(child)));
    }
  }
  return out;
}

/**
 * An image, file, audio, video, post or merged forward arrived: store its resources for the chat's
 * activity (or the publicity drop-box), acknowledged with the rest of the sender's batch.
 */
export async function collectFromMessage(
  msg: IncomingMessage,
  ctx: HandlerContext,
  deps: AppDeps,
): Promise<void> {
  const dest = await resolveDestination(msg, false, deps);
  if (dest.kind === 'refused') return replyRefusal(msg, dest, ctx, deps, false);
  const refs =
    msg.messageType === 'merge_forward'
      ? await refsOfFetched(
          { messageId: msg.messageId, msgType: 'merge_forward', content: msg.content },
          undefined,
          deps,
        )
      : refsOf(
          { messageId: msg.messageId, msgType: msg.messageType, content: msg.content },
          msg.sentAt ?? deps.clock.now(),
        );
  if (refs.length === 0) return;
  const receivedAt = await acceptedAt(ctx, deps);
  await collectResources({ rowId: msg.messageId, msg, dest, refs, receivedAt }, deps);
}

/**
 * `@bot 归档` sent as a reply: collects the replied-to message's resources (for apps without the
 * group-message permission, which only see messages that @mention them).
 */
export async function collectFromReply(
  msg: IncomingMessage,
  ctx: HandlerContext,
  deps: AppDeps,
): Promise<void> {
  if (!msg.parentId) {
    return replyIntakeNotice(
      msg,
      ti('intake.refuse.no_parent'),
      `${ctx.recordId}:intake-hint`,
      deps,
    );
  }
  const dest = await resolveDestination(msg, true, deps);
  if (dest.kind === 'refused') return replyRefusal(msg, dest, ctx, deps, true);
  let refs: ResourceRef[];
  try {
    const { message, children } = await fetchMessage(deps.api, msg.parentId);
    refs = await refsOfFetched(message, message.msgType === 'merge_forward' ? children : [], deps);
  } catch (err) {
    if (!(err instanceof FeishuApiError) || err.retryable) throw err;
    ctx.log.warn({ parentId: msg.parentId, code: err.feishuCode }, 'intake.parent.unavailable');
    return replyIntakeNotice(
      msg,
      ti('intake.refuse.parent_unavailable'),
      `${ctx.recordId}:intake-parent`,
      deps,
    );
  }
  if (refs.length === 0) {
    return replyIntakeNotice(
      msg,
      ti('intake.refuse.nothing'),
      `${ctx.recordId}:intake-nothing`,
      deps,
    );
  }
  const receivedAt = await acceptedAt(ctx, deps);
  await collectResources({ rowId: msg.messageId, msg, dest, refs, receivedAt }, deps);
}
