import type { AppDeps } from '../app/deps';
import type { IncomingMessage } from '../feishu/normalize';
import type { HandlerContext } from '../inbox/worker';
import { collectFromMessage, collectFromReply } from '../services/materials/collect-message';
import { acknowledgeIntake } from '../services/materials/intake-ack';

export { isCollectable } from '../services/materials/collect-message';
export { INTAKE_ACK_TASK } from '../services/materials/intake';

/** An image, file, audio, video, post or merged forward: collect it (see services/materials). */
export function onResourceMessage(
  msg: IncomingMessage,
  ctx: HandlerContext,
  deps: AppDeps,
): Promise<void> {
  return collectFromMessage(msg, ctx, deps);
}

/** `@bot 归档` / `@bot archive`, sent as a reply to a photo or file message. */
export function onArchiveCommand(
  msg: IncomingMessage,
  _args: string,
  ctx: HandlerContext,
  deps: AppDeps,
): Promise<void> {
  return collectFromReply(msg, ctx, deps);
}

/** Inbox task: acknowledge the batch of one collected message once the batch is complete. */
export function onIntakeAckTask(
  payload: Record<string, unknown>,
  _ctx: HandlerContext,
  deps: AppDeps,
): Promise<void> {
  return acknowledgeIntake(String(payload.rowId), deps);
}
