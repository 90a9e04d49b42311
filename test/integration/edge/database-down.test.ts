import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalStack, type LocalStack } from '../../../src/app/local-stack';
import { openDatabase, type Database } from '../../../src/db/connection';
import { startEmbeddedFerretdb, type EmbeddedFerretdb } from '../../../src/db/embedded-ferretdb';
import { findFerretdbBinary } from '../../../src/db/ferretdb-binary';
import { createLogger } from '../../../src/lib/logger';
import { FixedClock } from '../../../src/lib/clock';
import { events } from '../../../src/simulator';

/** Runs on a FerretDB of its own, so it can be stopped and started under the running bot. */
describe('database outage', () => {
  const log = createLogger('silent');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-bot-outage-'));
  let server: EmbeddedFerretdb;
  let db: Database;
  let stack: LocalStack;

  beforeAll(async () => {
    const bin = (await findFerretdbBinary(path.resolve(__dirname, '../../..')))!;
    server = await startEmbeddedFerretdb({ bin, dataDir: dir, logger: log });
    db = await openDatabase({
      mongodbUri: server.uri,
      dataDir: dir,
      logger: log,
      dbName: 'outage',
    });
    stack = await startLocalStack({
      connection: db.connection,
      clock: new FixedClock('2026-03-02T02:00:00Z'),
    });
  });
  afterAll(async () => {
    await stack.close();
    await db.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers 5xx while the database is down, then handles the redelivery once', async () => {
    const envelope = events.botAdded({ chatId: 'oc_outage', operatorOpenId: 'ou_org1' }, stack.ids);
    const port = server.port;
    await server.stop();

    const during = await stack.sendEvent(envelope);
    expect(during.status).toBeGreaterThanOrEqual(500);
    const ready = await fetch(`${stack.url}/readyz`);
    expect(ready.status).toBe(503);

    const bin = (await findFerretdbBinary(path.resolve(__dirname, '../../..')))!;
    server = await startEmbeddedFerretdb({ bin, dataDir: dir, logger: log, port });
    // Feishu redelivers (15 s later in reality); the driver reconnects on its own.
    let after = await stack.sendEvent(envelope);
    for (let i = 0; i < 50 && after.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 200));
      after = await stack.sendEvent(envelope);
    }
    expect(after.status).toBe(200);
    await stack.sendEvent(envelope);
    await stack.bot.worker.drain();
    expect(stack.sim.cardsTo('oc_outage')).toHaveLength(1);
    expect(await stack.bot.deps.repos.inbox.count({ type: 'im.chat.member.bot.added_v1' })).toBe(1);
  }, 60_000);
});
