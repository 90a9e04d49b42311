import { RESOURCE_LIMIT_BYTES } from '../../../src/simulator';
import { mp4Head } from '../../../src/simulator/sample-media';
import { startTestBot, type TestBot } from '../../support/test-bot';
import { ackCards, blobSha256, boundActivity, drop, materialsOf, settle } from './intake-support';

let bot: TestBot;

beforeEach(async () => {
  bot = await startTestBot({ now: '2026-03-05T02:00:00Z' });
});
afterEach(async () => {
  bot.sim.assertNoUnmatched();
  await bot.close();
});

describe('a large file streams through', () => {
  it('stores a 100 MB video (the platform maximum) while memory stays flat', async () => {
    const { activityId } = await boundActivity(bot);
    const size = RESOURCE_LIMIT_BYTES;
    await drop(
      bot,
      {
        messageId: 'om_big',
        messageType: 'media',
        content: { file_key: 'file_big', file_name: '全程.mp4' },
      },
      { file_big: { size, head: mp4Head(size) } },
    );
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 10);
    try {
      await settle(bot);
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    const [item] = await materialsOf(bot, activityId);
    expect(item).toMatchObject({ status: 'stored', size, kind: 'video' });
    expect(item!.sha256).toBe(await bot.sim.expectedSha256('om_big', 'file_big'));
    expect(await blobSha256(bot, item!.blobId!)).toBe(item!.sha256);
    expect(ackCards(bot)).toHaveLength(1);
    // Holding the file would add 100 MB; streaming needs a few chunks.
    const growthMb = (peak - before) / 1024 / 1024;
    expect(growthMb).toBeLessThan(64);
  });
});
