/** The embedded FerretDB lifecycle the web/worker processes rely on: start, attach, stop, stale files. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../../src/db/connection';
import { readRunningAddress, startEmbeddedFerretdb } from '../../../src/db/embedded-ferretdb';
import { findFerretdbBinary } from '../../../src/db/ferretdb-binary';
import { createLogger } from '../../../src/lib/logger';

const repoRoot = path.resolve(__dirname, '../../..');
const logger = createLogger('silent', { write: () => undefined });

/** A port nothing listens on: bind it, note it, release it. */
function deadPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('embedded FerretDB', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-bot-embedded-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('starts, serves, is shared through attach, and stops with its owner', async () => {
    const owner = await openDatabase({ dataDir, repoRoot, logger });
    const addressFile = path.join(dataDir, 'ferretdb', 'address.json');
    try {
      expect(owner.embedded).toBe(true);
      expect(owner.uri).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\/$/);
      expect(owner.connection.name).toBe('archive_bot');
      const address = JSON.parse(fs.readFileSync(addressFile, 'utf8'));
      expect(address).toMatchObject({ uri: owner.uri, ownerPid: process.pid });
      expect(typeof address.pid).toBe('number');
      expect(await readRunningAddress(dataDir)).toBe(owner.uri);

      const things = owner.connection.collection('things');
      await things.insertOne({ name: '迎新晚会', n: 1 });
      expect(await things.findOne({ name: '迎新晚会' })).toMatchObject({ n: 1 });

      const attached = await openDatabase({ dataDir, repoRoot, logger, attach: true });
      expect(attached.embedded).toBe(false);
      expect(attached.uri).toBe(owner.uri);
      expect(await attached.connection.collection('things').countDocuments()).toBe(1);
      await attached.close();

      // The attached close() left the owner's server running.
      expect(await readRunningAddress(dataDir)).toBe(owner.uri);
      expect(await things.countDocuments()).toBe(1);
    } finally {
      await owner.close();
    }
    expect(fs.existsSync(addressFile)).toBe(false);
    expect(await readRunningAddress(dataDir)).toBeUndefined();
  });

  it('refuses a second owner on the same data directory', async () => {
    const owner = await openDatabase({ dataDir, repoRoot, logger });
    try {
      await expect(openDatabase({ dataDir, repoRoot, logger })).rejects.toThrow(/attach/);
    } finally {
      await owner.close();
    }
  });

  it('ignores a stale address.json and starts its own server', async () => {
    fs.mkdirSync(path.join(dataDir, 'ferretdb'), { recursive: true });
    const stale = {
      uri: `mongodb://127.0.0.1:${await deadPort()}/`,
      pid: 999999,
      ownerPid: 999999,
    };
    fs.writeFileSync(path.join(dataDir, 'ferretdb', 'address.json'), JSON.stringify(stale));
    expect(await readRunningAddress(dataDir)).toBeUndefined();

    const db = await openDatabase({ dataDir, repoRoot, logger, attach: true });
    try {
      expect(db.embedded).toBe(true);
      expect(db.uri).not.toBe(stale.uri);
    } finally {
      await db.close();
    }
  });

  it('stops a FerretDB orphaned by a dead owner before starting its own', async () => {
    const bin = (await findFerretdbBinary(repoRoot))!;
    const orphan = await startEmbeddedFerretdb({ bin, dataDir, logger });
    const addressFile = path.join(dataDir, 'ferretdb', 'address.json');
    const deadOwner = spawnSync('true').pid;
    const address = JSON.parse(fs.readFileSync(addressFile, 'utf8'));
    fs.writeFileSync(addressFile, JSON.stringify({ ...address, ownerPid: deadOwner }));

    const db = await openDatabase({ dataDir, repoRoot, logger });
    try {
      expect(db.uri).not.toBe(orphan.uri);
      expect(() => process.kill(orphan.pid, 0)).toThrow();
      expect(await readRunningAddress(dataDir)).toBe(db.uri);
    } finally {
      await orphan.stop();
      await db.close();
    }
  });

  it('explains how to get a binary when FERRETDB_BIN is wrong', async () => {
    await expect(
      openDatabase({ dataDir, repoRoot, logger, ferretdbBin: '/nonexistent/ferretdb' }),
    ).rejects.toThrow(/FERRETDB_BIN/);
  });
});
