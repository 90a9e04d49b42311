import { readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { MATERIAL_BUCKET } from '../../../src/db/models/material';
import { checkLiveStore, verifyEntry } from '../../../src/services/backup/fixity';
import { repairBag, repairStore } from '../../../src/services/backup/repair';
import { runBackup } from '../../../src/services/backup/run-backup';
import { approveSealedAccess, SealedAccessError } from '../../../src/services/backup/sealed-access';
import {
  bagOf,
  readBlob,
  startBackupFixture,
  type BackupFixture,
} from '../../support/backup-fixtures';

let fx: BackupFixture;
beforeEach(async () => {
  fx = await startBackupFixture();
});
afterEach(() => fx.close());

const archivists = new Set(['ou_arch1', 'ou_arch2']);
const approve = (purposes: ('verify' | 'repair' | 'restore')[]) =>
  approveSealedAccess(
    fx.ctx,
    { targetId: 'sealed-disc', purposes, approvedBy: 'ou_arch2', reason: '年度检测' },
    (id) => archivists.has(id),
  );

async function twoCopies() {
  const act = await fx.addActivity();
  const m1 = await fx.addMaterial(act, { size: 200_000 });
  const m2 = await fx.addMaterial(act, { size: 100_000 });
  const run = await runBackup(fx.ctx, { kind: 'full' });
  return { act, m1, m2, use: bagOf(run, 'use-disk'), sealed: bagOf(run, 'sealed-disc') };
}

describe('sealed copies', () => {
  it('refuses to read a sealed copy without an approval, and logs every access', async () => {
    const { sealed, use } = await twoCopies();
    await expect(verifyEntry(fx.ctx, sealed)).rejects.toBeInstanceOf(SealedAccessError);
    await expect(verifyEntry(fx.ctx, sealed)).rejects.toThrow(
      /needs an approval recorded on the register/,
    );
    expect((await verifyEntry(fx.ctx, use)).ok).toBe(true);
    await expect(
      approveSealedAccess(
        fx.ctx,
        { targetId: 'sealed-disc', purposes: ['verify'], approvedBy: 'ou_org1', reason: '看看' },
        (id) => archivists.has(id),
      ),
    ).rejects.toThrow(/not an archivist or admin/);
    await approve(['verify']);
    expect((await verifyEntry(fx.ctx, sealed)).ok).toBe(true);
    const log = await fx.ctx.custody.accessLog();
    expect(log.map((a) => [a.bagId, a.purpose, a.allowed])).toEqual([
      [sealed._id, 'verify', false],
      [sealed._id, 'verify', false],
      [sealed._id, 'verify', true],
    ]);
    expect(log[2]?.approvalId).toMatch(/^appr-/);
    const events = await fx.ctx.repo.eventsOf('fixity');
    expect(events).toHaveLength(2);
    expect((await fx.ctx.repo.entry(sealed._id))?.lastFixity?.ok).toBe(true);
  });
});

describe('repair', () => {
  it('repairs a changed and a missing file from the other copy whose hash matches', async () => {
    const { use, sealed, act } = await twoCopies();
    await approve(['repair']);
    const folder = join(use.path, 'data/files', act.code);
    const [a, b] = readdirSync(folder).sort();
    const bytes = readFileSync(join(folder, a!));
    bytes[10] = bytes[10]! ^ 1;
    writeFileSync(join(folder, a!), bytes);
    unlinkSync(join(folder, b!));
    writeFileSync(join(use.path, 'data/files/intruder.bin'), 'x');
    const check = await verifyEntry(fx.ctx, use);
    expect(check.ok).toBe(false);
    expect(check.problems.map((p) => p.problem).sort()).toEqual(['changed', 'extra', 'missing']);

    const report = await repairBag(fx.ctx, use._id);
    expect(report.repaired.map((r) => r.from)).toEqual([
      `${sealed._id}/data/files/${act.code}/${a}`,
      `${sealed._id}/data/files/${act.code}/${b}`,
    ]);
    expect(report.quarantined).toEqual(['data/files/intruder.bin']);
    expect(report.validAfter).toBe(true);
    expect((await verifyEntry(fx.ctx, use)).ok).toBe(true);
    const repairs = await fx.ctx.repo.eventsOf('repair');
    expect(repairs[0]).toMatchObject({ ok: true, bagId: use._id });
    expect(
      (await fx.ctx.custody.accessLog()).some((l) => l.purpose === 'repair' && l.allowed),
    ).toBe(true);
  });

  it('falls back to the live store when the other copy is sealed and not approved', async () => {
    const { use, act } = await twoCopies();
    const folder = join(use.path, 'data/files', act.code);
    const [a] = readdirSync(folder).sort();
    unlinkSync(join(folder, a!));
    const report = await repairBag(fx.ctx, use.path);
    expect(report.repaired[0]?.from).toMatch(/^live store/);
    expect(report.validAfter).toBe(true);
  });

  it('re-hashes the live store and rewrites a damaged file from a bag', async () => {
    const { m1 } = await twoCopies();
    const chunks = fx.db.connection.collection(`${MATERIAL_BUCKET}.chunks`);
    const chunk = await chunks.findOne({ files_id: new mongoose.Types.ObjectId(m1.blobId), n: 0 });
    const data = Buffer.from((chunk!.data as mongoose.mongo.Binary).buffer);
    data[0] = data[0]! ^ 0xff;
    await chunks.updateOne({ _id: chunk!._id }, { $set: { data } });
    const live = await checkLiveStore(fx.ctx);
    expect(live.problems).toEqual([
      expect.objectContaining({ materialId: m1._id, expected: m1.sha256, fileName: m1.fileName }),
    ]);
    const fixed = await repairStore(fx.ctx);
    expect(fixed).toEqual({ repaired: [m1._id], unrepaired: [] });
    expect((await checkLiveStore(fx.ctx)).problems).toEqual([]);
    expect((await readBlob(fx.db.connection, m1.blobId!)).length).toBe(200_000);
  });
});
