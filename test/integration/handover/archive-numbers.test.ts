import { openDatabase } from '../../../src/db/connection';
import { ensureIndexes } from '../../../src/db/indexes';
import { HandoverRepo, type NumberRequest } from '../../../src/db/handover-repo';
import { createLogger } from '../../../src/lib/logger';
import { setupActivity, tapDecision, tapSubmit, versionsOf } from '../../support/handover-flows';
import { addCompleteSet } from '../../support/material-fixtures';
import { openTestDatabase } from '../../support/test-db';
import { startTestBot, type TestBot } from '../../support/test-bot';

const FORMAT = /^Z001-(WS|ZP|LX|SW)·2026-Y-JWC-(\d{4})$/;

describe('archive numbers', () => {
  it('are unique when two processes number the same class at the same moment', async () => {
    const db = await openTestDatabase('numbers');
    const other = await openDatabase({
      mongodbUri: db.uri,
      dataDir: '',
      dbName: db.dbName,
      logger: createLogger('silent', { write: () => undefined }),
    });
    try {
      await ensureIndexes(db.connection);
      const a = new HandoverRepo(db.connection);
      const b = new HandoverRepo(other.connection);
      const req = (prefix: string, n: number): NumberRequest => ({
        classKey: 'Z001|ZP|2026|Y|JWC',
        materialIds: Array.from({ length: n }, (_, i) => `${prefix}${i}`),
        format: (no) => `Z001-ZP·2026-Y-JWC-${String(no).padStart(4, '0')}`,
      });
      const now = new Date('2026-03-25T02:00:00Z');
      const [ra, rb, rc] = await Promise.all([
        a.claimNumbers([req('a', 20)], { submissionId: 'A:v1', activityId: 'A' }, now),
        b.claimNumbers([req('b', 20)], { submissionId: 'B:v1', activityId: 'B' }, now),
        a.claimNumbers([req('c', 5)], { submissionId: 'C:v1', activityId: 'C' }, now),
      ]);
      const all = [...ra.values(), ...rb.values(), ...rc.values()].map((n) => n.itemNo);
      expect(all).toHaveLength(45);
      expect(new Set(all).size).toBe(45);
      // Nothing was lost: 45 claims for 45 items, none burnt.
      expect(all.sort((x, y) => x - y)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
      // A retried acceptance reuses its own claims instead of taking new numbers.
      const again = await a.claimNumbers(
        [req('a', 20)],
        { submissionId: 'A:v1', activityId: 'A' },
        now,
      );
      expect([...again.entries()]).toEqual([...ra.entries()]);
    } finally {
      await other.close();
      await db.close();
    }
  });

  describe('through the bot', () => {
    let bot: TestBot;
    beforeEach(async () => {
      bot = await startTestBot({ now: '2026-03-02T02:00:00Z' });
    });
    afterEach(async () => {
      bot.sim.assertNoUnmatched();
      await bot.close();
    });

    const submitOne = async (title: string) => {
      const a = await setupActivity(bot, { title });
      await addCompleteSet(bot.bot.deps.repos.handover.connection, a.activityId);
      await tapSubmit(bot, a.activityId);
      const [v] = await versionsOf(bot, a.activityId);
      return { ...a, submissionId: v!._id };
    };
    const numbersOf = async (activityId: string) =>
      (await bot.bot.deps.repos.handover.liveMaterials(activityId)).map((m) => m.archiveNo ?? '');

    it('concurrent acceptances of the same unit never share a number', async () => {
      const acts = [
        await submitOne('活动一'),
        await submitOne('活动二'),
        await submitOne('活动三'),
      ];
      await Promise.all(
        acts.map((a, i) =>
          tapDecision(bot, i % 2 ? 'ou_arch2' : 'ou_arch1', a.submissionId, 'accept'),
        ),
      );
      await bot.drain();
      const all = (await Promise.all(acts.map((a) => numbersOf(a.activityId)))).flat();
      expect(all.every((n) => FORMAT.test(n))).toBe(true);
      expect(new Set(all).size).toBe(all.length);
      const photos = all.filter((n) => n.includes('-ZP·')).map((n) => Number(FORMAT.exec(n)![2]));
      expect(photos.sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6]);
    });

    it('a return takes no numbers, and numbers are never reused after one', async () => {
      const first = await submitOne('活动一');
      const returned = await submitOne('活动二');
      await tapDecision(bot, 'ou_arch1', first.submissionId, 'accept');
      await tapDecision(bot, 'ou_arch1', returned.submissionId, 'return', { reason: '缺少签字' });
      await bot.drain();
      expect(await numbersOf(returned.activityId)).toEqual(Array(7).fill(''));
      expect(await bot.bot.deps.repos.handover.numbersOf(returned.activityId)).toEqual([]);

      const third = await submitOne('活动三');
      await tapDecision(bot, 'ou_arch2', third.submissionId, 'accept');
      await bot.drain();
      await tapSubmit(bot, returned.activityId);
      const [, v2] = await versionsOf(bot, returned.activityId);
      await tapDecision(bot, 'ou_arch1', v2!._id, 'accept');
      await bot.drain();

      const byActivity = await Promise.all(
        [first, third, returned].map((a) => numbersOf(a.activityId)),
      );
      const all = byActivity.flat();
      expect(new Set(all).size).toBe(all.length);
      const docs = (n: string[]) =>
        n.filter((x) => x.includes('-WS·')).map((x) => Number(FORMAT.exec(x)![2]));
      expect(docs(byActivity[0]!).sort()).toEqual([1, 2, 3]);
      expect(docs(byActivity[1]!).sort()).toEqual([4, 5, 6]);
      expect(docs(byActivity[2]!).sort()).toEqual([7, 8, 9]);
    });
  });
});
