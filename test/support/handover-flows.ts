import type { HandoverSubmissionDoc } from '../../src/db/models/handover';
import { registerThroughCard, tap, type CardAnswer } from './activity-flows';
import type { TestBot } from './test-bot';

/** Registers an activity through the card (organizer ou_org1) and binds it to oc_grp1. */
export async function setupActivity(
  bot: TestBot,
  form: Record<string, unknown> = {},
): Promise<{ activityId: string; code: string }> {
  const { activityId, code } = await registerThroughCard(bot, { form });
  await tap(bot, 'ou_org1', { action: 'activity.bind_chat', activityId });
  await bot.drain();
  return { activityId, code };
}

/** Taps "submit handover" (or "submit anyway") and lets the inbox run the check. */
export async function tapSubmit(
  bot: TestBot,
  activityId: string,
  opts: { operator?: string; confirm?: boolean } = {},
): Promise<CardAnswer> {
  const answer = await tap(bot, opts.operator ?? 'ou_org1', {
    action: 'handover.submit',
    activityId,
    ...(opts.confirm ? { confirm: true } : {}),
  });
  await bot.drain();
  return answer;
}

/** Taps accept or return on the review card with the form's values. */
export async function tapDecision(
  bot: TestBot,
  archivist: string,
  submissionId: string,
  kind: 'accept' | 'return',
  form: { retention?: string; reason?: string; minor?: 'yes' | 'no' } = {},
): Promise<CardAnswer> {
  return tap(
    bot,
    archivist,
    { action: `handover.${kind}`, submissionId },
    { formValue: { retention: 'Y', minor: 'no', ...form }, chatId: `oc_p2p_${archivist}` },
  );
}

export async function versionsOf(
  bot: TestBot,
  activityId: string,
): Promise<HandoverSubmissionDoc[]> {
  return bot.bot.deps.repos.handover.versions(activityId);
}

/** Text of every card sent to `to` (zh_cn + en_us), newest last. */
export function cardTexts(bot: TestBot, to: string): string[] {
  return bot.sim.cardsTo(to).map((m) => JSON.stringify(m.content));
}

/** Files uploaded to the simulator, by name. */
export function uploaded(bot: TestBot, name: RegExp) {
  return bot.sim.uploadedFiles().filter((f) => name.test(f.fileName));
}
