import { events } from '../../../src/simulator';
import { inboxPurgeJob } from '../../../src/jobs/inbox-purge';
import { runJob } from '../../../src/jobs/runner';
import { startJobsHarness, type JobsHarness } from './job-harness';

let h: JobsHarness;

beforeEach(async () => {
  h = await startJobsHarness();
});
afterEach(async () => {
  h.bot.sim.assertNoUnmatched();
  await h.close();
});

const HOUR = 3600_000;
const botAdded = (chatId: string, eventId: string) =>
  events.botAdded({ chatId, operatorOpenId: 'ou_org1', name: '归档测试群', eventId }, h.bot.ids);

describe('inbox-purge job', () => {
  it('removes done records older than 24 h and keeps newer and unfinished ones', async () => {
    const { bot } = h;
    const inbox = bot.bot.deps.repos.inbox;
    await bot.sendEvent(botAdded('oc_old', 'e_old'));
    await bot.drain();
    // Received at the same time, but its worker died holding it: unfinished, whatever its age.
    await bot.sendEvent(botAdded('oc_stuck', 'e_stuck'));
    expect((await inbox.claim(bot.clock.now(), 72 * HOUR, 'crashed-worker'))?._id).toBe(
      'evt:e_stuck',
    );
    bot.clock.advance(20 * HOUR);
    await bot.sendEvent(botAdded('oc_new', 'e_new'));
    expect(await bot.drain()).toBe(1);
    expect((await inbox.get('evt:e_new'))?.status).toBe('done');

    bot.clock.advance(5 * HOUR); // 25 h after the first two, 5 h after the last
    const outcome = await runJob(inboxPurgeJob, {
      now: bot.clock.now(),
      deps: bot.bot.deps,
      slot: 'manual:purge',
      runs: h.runs,
    });
    expect(outcome).toMatchObject({ status: 'ok', result: { counts: { inboxRecords: 1 } } });
    expect(await inbox.get('evt:e_old')).toBeNull();
    expect((await inbox.get('evt:e_stuck'))?.status).toBe('running');
    expect((await inbox.get('evt:e_new'))?.status).toBe('done');
    expect(await h.runs.get('inbox-purge@manual:purge')).toMatchObject({
      status: 'ok',
      counts: { inboxRecords: 1 },
    });
  });

  it('keeps a done record for 24 h, so a late redelivery is still recognised', async () => {
    const { bot } = h;
    const envelope = botAdded('oc_late', 'e_late');
    await bot.sendEvent(envelope);
    await bot.drain();
    bot.clock.advance(23 * HOUR);
    const now = bot.clock.now();
    await runJob(inboxPurgeJob, { now, deps: bot.bot.deps, slot: 'manual:p', runs: h.runs });
    await bot.sendEvent(envelope);
    expect(await bot.drain()).toBe(0);
    expect(bot.sim.cardsTo('oc_late')).toHaveLength(1);
  });
});
