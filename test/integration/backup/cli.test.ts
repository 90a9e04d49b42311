import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { startBackupFixture, type BackupFixture } from '../../support/backup-fixtures';

/** The backup command line tools, as child processes on the fixture's database. */
const repoRoot = path.resolve(__dirname, '../../..');
let fx: BackupFixture;
let env: Record<string, string>;

function tool(script: string, args: string[]) {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', `scripts/${script}.ts`, ...args],
    { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, out, err })),
  );
}

beforeAll(async () => {
  fx = await startBackupFixture();
  const uri = new URL(fx.db.uri);
  uri.pathname = `/${fx.db.dbName}`;
  env = {
    PATH: process.env.PATH ?? '',
    MONGODB_URI: uri.toString(),
    DATA_DIR: fx.root,
    BACKUP_TARGETS_FILE: fx.settings.file,
    LOG_LEVEL: 'silent',
  };
  const act = await fx.addActivity();
  await fx.addMaterial(act, { size: 50_000 });
});
afterAll(() => fx.close());

describe('backup command line tools', () => {
  it('runs a full backup, verifies it, writes the register, and refuses bad input', async () => {
    const run = await tool('backup-run', ['--target', 'use-disk']);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/off-site \(异地\): yes \(市档案馆\); different media \(异质\): yes/);
    expect(run.out).toMatch(/use-disk: use-disk-full-\S+ — \d+ files \(1 copied, 0 referenced\)/);
    const bag = readdirSync(path.join(fx.root, 'use-disk'))[0]!;

    const verify = await tool('backup-verify', ['use-disk']);
    expect(verify.code).toBe(0);
    expect(verify.out).toContain(`OK      ${bag}: valid`);
    const offline = await tool('backup-verify', [path.join(fx.root, 'use-disk', bag), '--offline']);
    expect(offline.code).toBe(0);
    expect(offline.out).toMatch(/tag manifest SHA-256 [0-9a-f]{64}/);

    const xlsx = path.join(fx.root, 'register.xlsx');
    const reg = await tool('backup-register', ['--xlsx', xlsx]);
    expect(reg.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.getWorksheet('备份登记表')).toBeDefined();

    const usage = await tool('backup-run', ['--kind', 'weekly']);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('unknown kind "weekly"');
    const restore = await tool('backup-restore', [
      path.join(fx.root, 'use-disk', bag),
      '--into',
      env.MONGODB_URI!,
    ]);
    expect(restore.code).toBe(1);
    expect(restore.err.trim().split('\n')).toHaveLength(1); // refused before reading the bag
    expect(restore.err).toMatch(/is not empty .*restore only into an empty database/);
    const sealed = await tool('backup-run', ['--kind', 'full', '--target', 'sealed-disc']);
    expect(sealed.code).toBe(0);
    const sealedBag = readdirSync(path.join(fx.root, 'sealed-disc'))[0]!;
    const refused = await tool('backup-verify', [sealedBag]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/is a sealed copy: reading it \(verify\) needs an approval/);
    expect(existsSync(path.join(fx.root, 'sealed-disc', sealedBag, 'bagit.txt'))).toBe(true);
  }, 120_000);

  it('records approvals, keeper hand-overs, value decisions, repairs and the off-site package', async () => {
    await fx.ctx.store.conn
      .collection('directory_settings')
      .updateOne(
        { _id: 'directory' as never },
        { $set: { archivists: ['ou_arch1', 'ou_arch2'] } },
        { upsert: true },
      );
    const act = await fx.addActivity();
    const m = await fx.addMaterial(act, { archiveNo: 'Z001-ZP·2026-Y-JWC-0001' });

    const noBy = await tool('backup-assess', ['--item', m._id, '--exclude', '--reason', '重复']);
    expect(noBy.code).toBe(2);
    const assess = await tool('backup-assess', [
      '--item',
      m._id,
      '--priority',
      'precious',
      '--by',
      'ou_arch1',
    ]);
    expect(assess.code).toBe(0);
    expect(assess.out).toContain(`${m._id}: priority precious`);

    const approve = await tool('backup-register', [
      '--approve',
      'sealed-disc',
      '--purpose',
      'verify,repair',
      '--by',
      'ou_arch2',
      '--reason',
      '年度检测',
    ]);
    expect(approve.code).toBe(0);
    expect(approve.out).toMatch(
      /approval appr-\w+ recorded: verify, repair on every bag of sealed-disc/,
    );
    const sealedBag = readdirSync(path.join(fx.root, 'sealed-disc'))[0]!;
    const verify = await tool('backup-verify', [sealedBag]);
    expect(verify.code).toBe(0);

    const handover = await tool('backup-register', [
      '--handover',
      'sealed-disc',
      '--to',
      'ou_arch2',
    ]);
    expect(handover.code).toBe(0);
    expect(handover.out).toMatch(
      /keeper of sealed-disc: ou_arch1 → ou_arch2; 1 entr\(ies\) handed over/,
    );

    const offsite = await tool('backup-offsite', ['--year', '2026', '--media-id', 'BD-01']);
    expect(offsite.code).toBe(0);
    expect(offsite.out).toMatch(/delivery OD-2026-01: \d+ bag\(s\) on media BD-01/);
    const departed = await tool('backup-offsite', [
      '--delivery',
      'OD-2026-01',
      '--departed',
      '--by',
      'ou_arch1',
    ]);
    expect(departed.out).toContain('OD-2026-01: departed recorded');

    const useBag = readdirSync(path.join(fx.root, 'use-disk')).find((n) => !n.startsWith('.'))!;
    const repair = await tool('backup-repair', [useBag]);
    expect(repair.code).toBe(0);
    expect(repair.out).toMatch(
      /0 repaired, 0 not repairable, 0 extra moved to quarantine; now valid/,
    );
  }, 180_000);
});
