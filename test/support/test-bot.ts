import type { DirectoryFile } from '../../src/domain/directory';
import { startLocalStack, type LocalStack } from '../../src/app/local-stack';
import { FixedClock } from '../../src/lib/clock';
import { openTestDatabase } from './test-db';

export interface TestBot extends LocalStack {
  clock: FixedClock;
  /** Every log line the bot wrote (JSON strings), to assert what never reaches a log. */
  logLines: string[];
  drain(): Promise<number>;
  dropDatabase(): Promise<void>;
  /** The bot's database, for tests that change data behind the bot's back. */
  connection: import('mongoose').Connection;
}

/** A directory most tests share: two units, a leader for one, archivists, publicity, an admin. */
export const TEST_DIRECTORY: DirectoryFile = {
  units: [
    { code: 'jwc', name: '教务处', leaderInCharge: 'ou_leader', contacts: ['ou_org1'] },
    { code: 'xcb', name: '宣传部', contacts: ['ou_pub1'] },
  ],
  archivists: ['ou_arch1', 'ou_arch2'],
  publicity: ['ou_pub1'],
  admins: ['ou_admin'],
  people: [
    { openId: 'ou_org1', name: '张老师', unit: 'jwc' },
    { openId: 'ou_leader', name: '李副院长' },
    { openId: 'ou_arch1', name: '王档案员' },
  ],
};

/** Starts the bot on a fresh database with the simulator; the worker is drained explicitly. */
export async function startTestBot(
  opts: { now?: string; env?: Record<string, string>; directory?: DirectoryFile | null } = {},
): Promise<TestBot> {
  const db = await openTestDatabase();
  const clock = new FixedClock(opts.now ?? '2026-03-02T02:00:00Z');
  const logLines: string[] = [];
  const stack = await startLocalStack({
    connection: db.connection,
    clock,
    logLevel: 'debug',
    logDestination: { write: (line: string) => void logLines.push(line) },
    ...(opts.env ? { env: opts.env } : {}),
  });
  if (opts.directory !== null) await stack.loadDirectory(opts.directory ?? TEST_DIRECTORY);
  return {
    ...stack,
    clock,
    logLines,
    drain: () => stack.bot.worker.drain(),
    connection: db.connection,
    dropDatabase: () => db.close(),
    close: async () => {
      await stack.close();
      await db.close();
    },
  };
}
