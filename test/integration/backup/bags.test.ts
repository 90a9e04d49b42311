import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { parseBagInfo } from '../../../src/domain/bagit';
import { runBackup } from '../../../src/services/backup/run-backup';
import { verifyBagDir } from '../../../src/services/backup/verify';
import { startBackupFixture, type BackupFixture } from '../../support/backup-fixtures';

let fx: BackupFixture;

beforeEach(async () => {
  fx = await startBackupFixture();
});
afterEach(() => fx.close());

const sha256sumCheck = (dir: string, manifest: string) =>
  execFileSync('sha256sum', ['--strict', '-c', manifest], {
    cwd: dir,
    encoding: 'utf8',
    stdio: 'pipe',
  });

async function fullBag() {
  const act = await fx.addActivity({ title: '建校六十周年校庆' });
  const photo = await fx.addMaterial(act, { fileName: '合影 01.JPG', size: 300_000 });
  await fx.addMaterial(act, {
    fileName: 'speech.pdf',
    kind: 'document',
    archiveNo: 'Z001-WS·2026-Y-JWC-0001',
  });
  const result = await runBackup(fx.ctx, { kind: 'full' });
  const written = result.outcomes.filter((o) => o.status === 'written');
  expect(written.map((o) => o.targetId)).toEqual(['use-disk', 'sealed-disc']);
  const entry = (written[0] as Extract<(typeof written)[number], { status: 'written' }>).entry;
  return { act, photo, entry, dir: entry.path };
}

describe('BagIt bags', () => {
  it('writes a complete bag that sha256sum -c and verify both accept', async () => {
    const { act, dir, entry } = await fullBag();
    expect(readFileSync(join(dir, 'bagit.txt'), 'utf8')).toBe(
      'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n',
    );
    const info = parseBagInfo(readFileSync(join(dir, 'bag-info.txt'), 'utf8'));
    expect(info).toMatchObject({
      'Source-Organization': '测试技师学院 综合档案室',
      'Bagging-Date': '2026-03-02',
      'External-Identifier': entry._id,
      'Backup-Kind': 'full',
      'Copy-Role': 'use',
      Keeper: 'ou_arch1 (王档案员)',
    });
    expect(info['Payload-Oxum']).toBe(`${entry.bytes}.${entry.files}`);
    const files = readdirSync(join(dir, 'data/files', act.code));
    expect(files).toEqual(expect.arrayContaining(['Z001-WS·2026-Y-JWC-0001.pdf']));
    expect(files.some((f) => f.endsWith('.jpg'))).toBe(true);
    expect(readdirSync(join(dir, 'data/catalogue'))).toEqual(
      expect.arrayContaining([
        'activities.jsonl',
        'activities.csv',
        'materials.jsonl',
        'materials.csv',
        'audit-events.jsonl',
        'files.jsonl',
      ]),
    );
    const csv = readFileSync(join(dir, 'data/catalogue/materials.csv'), 'utf8');
    expect(csv).toContain('礼堂');
    expect(csv).toContain(act.code);
    expect(sha256sumCheck(dir, 'manifest-sha256.txt')).toMatch(/: OK/);
    expect(sha256sumCheck(dir, 'tagmanifest-sha256.txt')).toMatch(/bag-info.txt: OK/);
    const check = await verifyBagDir(dir);
    expect(check.valid).toBe(true);
    expect(check.tagDigest).toBe(entry.tagDigest);
    const sealed = await fx.ctx.repo.latest('sealed-disc');
    expect(sealed?.seal).toMatchObject({ number: 'FC-sealed-disc-2026-0001', sealer: 'ou_arch2' });
    expect(parseBagInfo(readFileSync(join(sealed!.path, 'bag-info.txt'), 'utf8'))).toMatchObject({
      'Copy-Role': 'sealed',
      'Seal-Number': 'FC-sealed-disc-2026-0001',
    });
  });

  it('detects a flipped byte, a missing file and an extra file', async () => {
    const { dir, act } = await fullBag();
    const folder = join(dir, 'data/files', act.code);
    const [first, second] = readdirSync(folder).sort();
    const target = join(folder, first!);
    const bytes = readFileSync(target);
    bytes[100] = bytes[100]! ^ 0xff;
    writeFileSync(target, bytes);
    let check = await verifyBagDir(dir);
    expect(check.valid).toBe(false);
    expect(check.mismatched.map((m) => m.path)).toEqual([`data/files/${act.code}/${first}`]);
    expect(check.summary).toMatch(/1 changed/);

    unlinkSync(join(folder, second!));
    appendFileSync(join(dir, 'data/stray.txt'), 'not part of the bag');
    check = await verifyBagDir(dir);
    expect(check.missing).toEqual([`data/files/${act.code}/${second}`]);
    expect(check.extra).toEqual(['data/stray.txt']);
    expect(check.oxum.ok).toBe(false);
    expect(check.complete).toBe(false);
    expect(() => sha256sumCheck(dir, 'manifest-sha256.txt')).toThrow();
  });

  it('leaves nothing when a run fails mid-write, and registers nothing', async () => {
    const act = await fx.addActivity();
    for (let i = 0; i < 3; i++) await fx.addMaterial(act, { size: 400_000 });
    fx.ctx.hooks = {
      beforeChunk: (written) => {
        if (written > 500_000)
          throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      },
    };
    const result = await runBackup(fx.ctx, { kind: 'full', targetIds: ['use-disk'] });
    expect(result.outcomes).toEqual([
      {
        targetId: 'use-disk',
        status: 'failed',
        error: expect.stringMatching(/use-disk is full; nothing was written or registered/),
      },
    ]);
    expect(readdirSync(join(fx.root, 'use-disk'))).toEqual([]);
    expect(await fx.ctx.repo.list()).toEqual([]);
    const failed = await fx.ctx.repo.eventsOf('run-failed');
    expect(failed).toHaveLength(1);
    fx.ctx.hooks = {};
    const retry = await runBackup(fx.ctx, { kind: 'full', targetIds: ['use-disk'] });
    expect(retry.outcomes[0]?.status).toBe('written');
  });

  it('lets only one run at a time', async () => {
    const act = await fx.addActivity();
    await fx.addMaterial(act, { size: 600_000 });
    const other = fx.contextOn(fx.db.connection, 'second-process');
    let second: string | undefined;
    fx.ctx.hooks = {
      beforeChunk: async () => {
        second ??= await runBackup(other, { kind: 'full', targetIds: ['use-disk'] }).then(
          () => 'ran',
          (err: unknown) => String(err),
        );
      },
    };
    const first = await runBackup(fx.ctx, { kind: 'full', targetIds: ['use-disk'] });
    expect(second).toMatch(
      /another backup run is in progress \(test, since 2026-03-02T02:00:00.000Z\)/,
    );
    expect(first.outcomes[0]?.status).toBe('written');
    expect(await fx.ctx.repo.list()).toHaveLength(1);
  });

  it('never overwrites an existing bag', async () => {
    const act = await fx.addActivity();
    await fx.addMaterial(act);
    const { writeBag } = await import('../../../src/services/backup/bag-writer');
    mkdirSync(join(fx.root, 'use-disk', 'taken-id'));
    writeFileSync(join(fx.root, 'use-disk', 'taken-id', 'keep.txt'), 'mine');
    await expect(
      writeBag(fx.ctx.store, {
        bagId: 'taken-id',
        root: join(fx.root, 'use-disk'),
        label: 'x',
        payload: [],
        catalogue: {
          activityIds: 'all',
          materialIds: new Set(),
          locations: new Map(),
          omitted: [],
          blobs: new Map(),
          activityCodes: new Map(),
          databaseDump: false,
        },
        info: () => [],
        scanAll: false,
      }),
    ).rejects.toThrow(/already exists/);
    expect(readFileSync(join(fx.root, 'use-disk', 'taken-id', 'keep.txt'), 'utf8')).toBe('mine');
  });
});
