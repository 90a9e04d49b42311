import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mongo } from 'mongoose';
import { startEmbeddedFerretdb } from '../src/db/embedded-ferretdb';
import { ensureFerretdb } from '../src/db/ferretdb-binary';
import { createLogger } from '../src/lib/logger';
import { groupCommand, registerThroughCard } from '../test/support/activity-flows';
import { setupActivity, tapDecision, tapSubmit, versionsOf } from '../test/support/handover-flows';
import { addCompleteSet } from '../test/support/material-fixtures';
import { startTestBot } from '../test/support/test-bot';

/**
 * `npm run fixture:db -- <out.json>`: writes a database in the current stored shape, made by the current
 * code through its ordinary paths (registration and binding by card, materials with their bytes in
 * GridFS, a handover submitted and accepted with archive numbers, a second activity registered and open), as
 * canonical Extended JSON, one array of documents per collection. The migration test loads it and
 * migrates it; make one with the release before a change of stored shapes, and keep it.
 */
async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) throw new Error('usage: npm run fixture:db -- <out.json>');
  const repoRoot = path.resolve(__dirname, '..');
  const bin = await ensureFerretdb(repoRoot, { log: (line) => console.log(line) });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-bot-fixture-'));
  const server = await startEmbeddedFerretdb({ bin, dataDir: dir, logger: createLogger('warn') });
  process.env['TEST_MONGODB_URI'] = server.uri;
  const bot = await startTestBot({ now: '2026-03-10T02:00:00Z' });
  try {
    const accepted = await setupActivity(bot);
    await addCompleteSet(bot.connection, accepted.activityId);
    await tapSubmit(bot, accepted.activityId, { confirm: true });
    const [version] = await versionsOf(bot, accepted.activityId);
    if (!version) throw new Error('the handover was not submitted');
    await tapDecision(bot, 'ou_arch1', version._id, 'accept');
    await bot.drain();
    const open = await registerThroughCard(bot, {
      form: { title: '2026 年春季运动会', category: '3' },
    });
    await groupCommand(bot, '状态');
    await bot.drain();

    const db = bot.connection.db!;
    const dump: Record<string, unknown[]> = {};
    const names = (await db.listCollections({}, { nameOnly: true }).toArray())
      .map((c) => c.name)
      .filter((n) => !n.startsWith('system.'))
      .sort();
    for (const name of names) {
      dump[name] = await db.collection(name).find({}).sort({ _id: 1 }).toArray();
    }
    fs.writeFileSync(
      out,
      `${mongo.BSON.EJSON.stringify(dump, undefined, 1, { relaxed: false })}\n`,
    );
    const counts = names.map((n) => `${n} ${dump[n]!.length}`).join(', ');
    console.log(`${out}: ${counts}; activities ${accepted.code} (accepted), ${open.code} (open)`);
  } finally {
    await bot.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
