import mongoose from 'mongoose';

const EJSON = mongoose.mongo.BSON.EJSON;

/** One document as a JSON Lines line: extended JSON (relaxed), so dates and ids keep their types. */
export const jsonLine = (doc: unknown): string => `${EJSON.stringify(doc, { relaxed: true })}\n`;

/** Parses a JSON Lines line written by jsonLine (dates back to Date, ids back to ObjectId). */
export const parseJsonLine = (line: string): Record<string, unknown> =>
  EJSON.parse(line, { relaxed: true }) as Record<string, unknown>;

/** A CSV cell (RFC 4180): dates as ISO, objects as JSON, quoted when needed. */
export function csvCell(value: unknown): string {
  let text: string;
  if (value === undefined || value === null) text = '';
  else if (value instanceof Date) text = value.toISOString();
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value as string | number | boolean);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (cells: readonly unknown[]): string => `${cells.map(csvCell).join(',')}\n`;

/** A UTF-8 byte-order mark: spreadsheet programs then read the Chinese text correctly. */
export const CSV_BOM = '\ufeff';

/** Reads a dotted path (`description.place`) from a loose document. */
export function pick(doc: Record<string, unknown>, path: string): unknown {
  let value: unknown = doc;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
