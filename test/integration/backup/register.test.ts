import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { buildOffsitePackage, recordDeliveryStep } from '../../../src/services/backup/offsite';
import { annualReview, writeRegisterXlsx } from '../../../src/services/backup/register-xlsx';
import { runBackup } from '../../../src/services/backup/run-backup';
import { verifyBagDir } from '../../../src/services/backup/verify';
import { bagOf, startBackupFixture, type BackupFixture } from '../../support/backup-fixtures';

let fx: BackupFixture;
beforeEach(async () => {
  fx = await startBackupFixture();
});
afterEach(() => fx.close());

/** Every row of a sheet as plain cell texts. */
async function sheetRows(file: string, name: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(values.map((v) => (v === null || v === undefined ? '' : String(v as string))));
  });
  return rows;
}

describe('off-site yearly package', () => {
  it('bags the year’s accepted archives and writes a delivery list the other side can check', async () => {
    const act = await fx.addActivity({ title: '2026 校庆' });
    const old = await fx.addActivity({ year: 2025, code: 'HD-2025-0001' });
    const accepted = await fx.addMaterial(act, { archiveNo: 'Z001-ZP·2026-Y-JWC-0001' });
    await fx.addMaterial(act); // not accepted yet: no archive number
    await fx.addMaterial(old, { archiveNo: 'Z001-ZP·2025-Y-JWC-0009' });
    const full = bagOf(await runBackup(fx.ctx, { kind: 'full', targetIds: ['sealed-disc'] }));

    await expect(buildOffsitePackage(fx.ctx, { year: 2024 })).rejects.toThrow(
      /no accepted archives of 2024/,
    );
    const pkg = await buildOffsitePackage(fx.ctx, { year: 2026, mediaId: 'BD-2026-01' });
    expect(pkg.entry).toMatchObject({
      kind: 'offsite',
      year: 2026,
      mediaId: 'BD-2026-01',
      copied: 1,
    });
    expect(pkg.delivery).toMatchObject({ _id: 'OD-2026-01', bagIds: [pkg.entry._id, full._id] });

    const rows = await sheetRows(pkg.delivery.listFile, '异地备份档案清单');
    expect(rows[0]).toEqual(['异地备份档案清单（2026 年度）']);
    expect(rows.flat().join()).toContain('介质编号：BD-2026-01');
    const header = rows.findIndex((r) => r[0] === '序号');
    const bagRows = rows.slice(header + 1, header + 3);
    expect(bagRows.map((r) => [r[1], r[2], r[7], r[8]])).toEqual([
      [pkg.entry._id, '异地年度报送', pkg.entry.tagDigest, 'BD-2026-01'],
      [full._id, '定期完全备份', full.tagDigest, 'BD-2026-01'],
    ]);
    expect(rows.flat()).toContain('接收人（签字）：');

    // At the off-site base: the same verify, no database.
    const there = await verifyBagDir(pkg.entry.path);
    expect(there.valid).toBe(true);
    expect(there.tagDigest).toBe(bagRows[0]![7]);
    expect(there.info['Offsite-Year']).toBe('2026');

    await expect(
      recordDeliveryStep(fx.ctx, 'OD-2026-01', 'arrived', { by: '市档案馆 刘' }),
    ).rejects.toThrow(/not departed/);
    await recordDeliveryStep(fx.ctx, 'OD-2026-01', 'departed', { by: 'ou_arch1' });
    await recordDeliveryStep(fx.ctx, 'OD-2026-01', 'arrived', { by: '市档案馆 刘' });
    await expect(
      recordDeliveryStep(fx.ctx, 'OD-2026-01', 'checked', { by: '市档案馆 刘' }),
    ).rejects.toThrow(/agreement number/);
    const done = await recordDeliveryStep(fx.ctx, 'OD-2026-01', 'checked', {
      by: '市档案馆 刘',
      agreementNo: 'YD-2026-003',
    });
    expect(done).toMatchObject({
      checkOk: true,
      agreementNo: 'YD-2026-003',
      checkedBy: '市档案馆 刘',
    });
    expect(accepted.archiveNo).toBeDefined();
  });
});

describe('register', () => {
  it('writes the register and the yearly review as spreadsheets', async () => {
    const act = await fx.addActivity();
    await fx.addMaterial(act);
    const run = await runBackup(fx.ctx, { kind: 'full' });
    const use = bagOf(run, 'use-disk');
    const sealed = bagOf(run, 'sealed-disc');
    await fx.ctx.repo.confirm(use._id, 'ou_arch1', fx.clock.now());
    const moved = await fx.ctx.repo.handOverKeeper({
      targetId: 'sealed-disc',
      from: 'ou_arch1',
      to: 'ou_arch2',
      at: fx.clock.now(),
      recordedBy: 'test',
      note: '王档案员调离',
    });
    expect(moved).toBe(1);
    expect((await fx.ctx.repo.entry(sealed._id))?.keeper).toBe('ou_arch2');

    const file = join(fx.root, 'register.xlsx');
    await writeRegisterXlsx(fx.ctx, file, 2026);
    const entries = await sheetRows(file, '备份登记表');
    expect(entries[0]).toEqual(['备份登记表（2026 年度）']);
    const byBag = new Map(entries.map((r) => [r[1], r]));
    expect(byBag.get(use._id)?.[2]).toBe('定期完全备份');
    expect(byBag.get(use._id)?.[10]).toBe(use.tagDigest);
    expect(byBag.get(use._id)?.[12]).toBe('王档案员');
    expect(byBag.get(sealed._id)?.[13]).toBe('待确认');
    expect(byBag.get(sealed._id)?.[14]).toBe('FC-sealed-disc-2026-0001');
    expect(byBag.get(sealed._id)?.[12]).toBe('赵档案员');
    const handovers = await sheetRows(file, '保管人交接');
    expect(handovers.at(-1)?.slice(1)).toEqual([
      'sealed-disc',
      '王档案员',
      '赵档案员',
      '王档案员调离',
    ]);
    const review = await sheetRows(file, '年度评价');
    expect(review[0]).toEqual(['2026 年度备份工作评价（第十二条）']);
    expect(review.find((r) => r[0] === '待确认登记')?.[2]).toBe('1');
    expect(review.find((r) => r[0] === '异地异质合规')?.[2]).toBe('是');

    const figures = await annualReview(fx.ctx, 2026);
    expect(figures).toMatchObject({ backups: 2, pending: 1, compliant: true, fixityFailed: 0 });
    expect(figures.made.map((m) => [m.kind, m.targetId, m.count])).toEqual([
      ['full', 'sealed-disc', 1],
      ['full', 'use-disk', 1],
    ]);
  });
});
