import type ExcelJS from 'exceljs';
import { addTableSheet, newWorkbook } from '../services/backup/xlsx';
import type { ConsoleMessageKey } from '../i18n/messages-console';
import type { Translate } from './i18n';
import type { ActivityRowView } from './views/activity-row';

const TABLE_COLUMNS: {
  key: ConsoleMessageKey;
  width: number;
  cell: (r: ActivityRowView) => string | number;
}[] = [
  { key: 'console.col.code', width: 14, cell: (r) => r.code },
  { key: 'console.col.title', width: 36, cell: (r) => r.title },
  { key: 'console.col.category', width: 12, cell: (r) => r.category },
  { key: 'console.col.unit', width: 14, cell: (r) => r.unit },
  { key: 'console.col.start', width: 12, cell: (r) => r.start },
  { key: 'console.col.end', width: 12, cell: (r) => r.end },
  { key: 'console.col.state', width: 12, cell: (r) => r.state },
  { key: 'console.col.deadline', width: 12, cell: (r) => r.deadline },
  { key: 'console.col.daysLeft', width: 12, cell: (r) => r.daysLeft },
  { key: 'console.col.materials', width: 8, cell: (r) => r.materials },
  { key: 'console.col.undescribed', width: 8, cell: (r) => r.undescribed },
  { key: 'console.col.extension', width: 18, cell: (r) => r.extension },
  { key: 'console.col.handover', width: 10, cell: (r) => r.handover },
  { key: 'console.col.contact', width: 12, cell: (r) => r.contact },
];

/** The activities table as shown (same filters and order), one sheet. */
export async function activitiesWorkbook(
  t: Translate,
  title: string,
  rows: ActivityRowView[],
  now: Date,
): Promise<Buffer> {
  const wb = newWorkbook(t('console.name'), now);
  addTableSheet(
    wb,
    t('console.activities.title'),
    [title],
    TABLE_COLUMNS.map((c) => ({ header: t(c.key), width: c.width })),
    rows.map((r) => TABLE_COLUMNS.map((c) => c.cell(r))),
  );
  return toBuffer(wb);
}

/** A list of rows under given headers (the task list). */
export async function listWorkbook(
  t: Translate,
  sheet: string,
  title: string,
  headers: { header: string; width: number }[],
  rows: (string | number)[][],
  now: Date,
): Promise<Buffer> {
  const wb = newWorkbook(t('console.name'), now);
  addTableSheet(wb, sheet, [title], headers, rows);
  return toBuffer(wb);
}

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Content-Disposition for a download with a non-ASCII name (RFC 6266 / 5987). */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
