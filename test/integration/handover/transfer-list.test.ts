import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import {
  LIST_COLUMNS,
  LIST_SHEET,
  PHOTO_COLUMNS,
  PHOTO_SHEET,
  PHYSICAL_COLUMNS,
  PHYSICAL_SHEET,
} from '../../../src/services/handover/transfer-list-xlsx';
import { setupActivity, tapDecision, tapSubmit, versionsOf } from '../../support/handover-flows';
import { addCompleteSet } from '../../support/material-fixtures';
import { startTestBot, type TestBot } from '../../support/test-bot';

type Cell = ExcelJS.CellValue;

async function readBook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  return wb;
}

function rowsOf(ws: ExcelJS.Worksheet): Cell[][] {
  const out: Cell[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    out.push((row.values as Cell[]).slice(1));
  });
  return out;
}

/** The header block's `label → value` pairs and the table under the 序号 row. */
function parseMain(ws: ExcelJS.Worksheet) {
  const rows = rowsOf(ws);
  const headAt = rows.findIndex((r) => r[0] === '序号');
  const header = Object.fromEntries(
    rows.slice(1, headAt).flatMap((r) => (r.length >= 2 ? [[r[0] as string, r[1]]] : [])),
  );
  return { title: rows[0]?.[0], header, columns: rows[headAt], table: rows.slice(headAt + 1) };
}

describe('transfer list (移交清册) read back from the XLSX', () => {
  let bot: TestBot;

  beforeEach(async () => {
    bot = await startTestBot({ now: '2026-03-02T02:00:00Z' });
  });
  afterEach(async () => {
    bot.sim.assertNoUnmatched();
    await bot.close();
  });

  it('has the header, totals equal to what is stored, the standard columns in order, gapless 序号', async () => {
    const { activityId, code } = await setupActivity(bot);
    bot.clock.set('2026-03-20T02:00:00Z');
    const stored = await addCompleteSet(bot.bot.deps.repos.handover.connection, activityId);
    await tapSubmit(bot, activityId);
    const [v] = await versionsOf(bot, activityId);
    const file = bot.sim.uploadedFiles().find((f) => f.fileName === `移交清册-${code}-v1.xlsx`)!;
    expect(createHash('sha256').update(file.bytes).digest('hex')).toBe(v!.list.sha256);

    const wb = await readBook(file.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual([LIST_SHEET, PHOTO_SHEET, PHYSICAL_SHEET]);
    const main = parseMain(wb.getWorksheet(LIST_SHEET)!);
    expect(main.title).toBe('重大活动档案移交清册（第 1 版）');
    const files = stored.filter((m) => m.blobId);
    expect(main.header).toMatchObject({
      移交单位: '教务处',
      接收单位: '综合档案室',
      活动编号: code,
      活动名称: '2026 年校庆典礼',
      活动类别: '5. 重要庆典和纪念活动',
      移交日期: '2026-03-20',
      移交人: '张老师',
      总件数: stored.length,
      总页数: 16,
      文件数: files.length,
      总字节数: files.reduce((n, m) => n + m.size!, 0),
      '清册摘要（SHA-256）': v!.list.digest,
    });
    expect(main.columns).toEqual([...LIST_COLUMNS]);
    expect(main.table.map((r) => r[0])).toEqual(stored.map((_, i) => i + 1));
    expect(main.table.map((r) => r[9])).toEqual([
      '文件',
      '文件',
      '网页',
      '照片',
      '照片',
      '录像',
      '实物',
    ]);
    const plan = main.table[0]!;
    expect(plan.slice(1, 8)).toEqual([
      undefined,
      '院办〔2026〕3号',
      '院办公室',
      '建校六十周年庆典活动方案',
      '20260221',
      undefined,
      12,
    ]);
    const listed = main.table.filter((r) => r[11]).map((r) => [r[11], r[12], r[13]]);
    expect(listed.sort()).toEqual(files.map((m) => [m.fileName, m.size, m.sha256]).sort());
    const photos = rowsOf(wb.getWorksheet(PHOTO_SHEET)!);
    expect(photos[0]).toEqual([...PHOTO_COLUMNS]);
    expect(photos.slice(1).map((r) => [r[2], r[3], r[6], r[7], r[9]])).toEqual([
      ['G001', '0001', '学院礼堂', '院领导、师生代表', '王摄影'],
      ['G001', '0002', '学院礼堂', '院领导、师生代表', '王摄影'],
    ]);
    const physical = rowsOf(wb.getWorksheet(PHYSICAL_SHEET)!);
    expect(physical[0]).toEqual([...PHYSICAL_COLUMNS]);
    expect(physical[1]).toEqual([
      7,
      undefined,
      '建校六十周年纪念牌匾',
      '牌匾',
      1,
      '木质烫金，省教育厅赠',
      '院办公室',
      '待接收',
    ]);
  });

  it('the list regenerated at acceptance carries the archive numbers and the acceptance', async () => {
    const { activityId, code } = await setupActivity(bot);
    await addCompleteSet(bot.bot.deps.repos.handover.connection, activityId);
    await tapSubmit(bot, activityId);
    const [v1] = await versionsOf(bot, activityId);
    bot.clock.set('2026-03-25T02:00:00Z');
    await tapDecision(bot, 'ou_arch1', v1!._id, 'accept');
    await bot.drain();
    const [v] = await versionsOf(bot, activityId);
    const file = bot.sim
      .uploadedFiles()
      .find((f) => f.fileName === `移交清册-${code}-v1-验收.xlsx`)!;
    expect(createHash('sha256').update(file.bytes).digest('hex')).toBe(v!.acceptedList!.sha256);
    const main = parseMain((await readBook(file.bytes)).getWorksheet(LIST_SHEET)!);
    expect(main.header).toMatchObject({
      保管期限: '永久',
      验收时间: '2026-03-25 10:00',
      验收人: '王档案员',
      '清册摘要（SHA-256）': v!.acceptedList!.digest,
    });
    const items = await bot.bot.deps.repos.handover.liveMaterials(activityId);
    const numbers = new Set(items.map((m) => m.archiveNo));
    expect(main.table.map((r) => r[1]).every((n) => numbers.has(n as string))).toBe(true);
    expect(main.table[0]![1]).toBe('Z001-WS·2026-Y-JWC-0001');
  });
});
