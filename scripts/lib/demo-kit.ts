import type { LocalStack } from '../../src/app/local-stack';
import { renderMessage } from '../../src/simulator/transcript';
import type { DeliverResult } from '../../src/simulator/deliver';

/** Prints a readable transcript: who did what, and every message the bot sent in reply. */
export class DemoTranscript {
  private seen = 0;
  private stepNo = 0;

  constructor(
    private readonly stack: LocalStack,
    private readonly names: Record<string, string>,
  ) {}

  private nameOf(id: string | undefined): string {
    if (!id) return '?';
    return this.names[id] ?? id;
  }

  /** One step of the scenario: narrate, act, let the worker run, print what people now see. */
  async step(
    actor: string,
    what: string,
    act: () => Promise<DeliverResult | void>,
  ): Promise<DeliverResult | void> {
    this.stepNo += 1;
    console.log(`\n━━ ${this.stepNo}. ${actor}: ${what}`);
    const result = await act();
    if (result && result.status !== 200) console.log(`   (bot answered HTTP ${result.status})`);
    const answer = result?.json as
      | { toast?: { i18n?: { zh_cn?: string; en_us?: string } }; card?: { data?: unknown } }
      | undefined;
    if (answer?.toast?.i18n)
      console.log(`   💬 toast: ${answer.toast.i18n.zh_cn} / ${answer.toast.i18n.en_us}`);
    if (answer?.card?.data) {
      console.log(`   ↻ the card ${actor} tapped now shows:`);
      for (const line of renderMessage('interactive', answer.card.data))
        console.log(`     ${line}`);
    }
    await this.stack.bot.worker.drain();
    this.printNew();
    return result;
  }

  /** Prints messages sent since the last call. */
  printNew(): void {
    const sent = this.stack.sim.sentMessages();
    for (const msg of sent.slice(this.seen)) {
      const where = msg.chatId ? this.nameOf(msg.chatId) : this.nameOf(msg.receiveId);
      const how = msg.replyTo ? 'replies in' : 'posts to';
      console.log(`   🤖 bot ${how} ${where}:`);
      for (const line of renderMessage(msg.msgType, msg.content)) console.log(`     ${line}`);
    }
    this.seen = sent.length;
  }
}
