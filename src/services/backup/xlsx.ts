import ExcelJS from 'exceljs';

/** One column of a register-style sheet: the Chinese header people sign under, and a width. */
export interface SheetColumn {
  header: string;
  width: number;
}

/**
 * Adds a sheet: title lines (bold first), a bold header row, then the rows. Dates are written as
 * text in the business time zone by the caller, so what prints is what the register says.
 */
export function addTableSheet(
  wb: ExcelJS.Workbook,
  name: string,
  title: string[],
  columns: SheetColumn[],
  rows: (string | number | null)[][],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.columns = columns.map((c) => ({ width: c.width }));
  for (const [i, line] of title.entries()) {
    const row = ws.addRow([line]);
    if (i === 0) row.font = { bold: true, size: 14 };
  }
  if (title.length) ws.addRow([]);
  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.border = { bottom: { style: 'thin' } };
  });
  for (const r of rows) ws.addRow(r);
  return ws;
}

/** A new workbook with the archive room as creator. */
export function newWorkbook(creator: string, created: Date): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  wb.created = created;
  return wb;
}

/** Bytes as GB with three decimals (the data-volume column of transfer forms). */
export const gb = (bytes: number): string => (bytes / 1e9).toFixed(3);
