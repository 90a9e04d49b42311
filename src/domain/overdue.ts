/**
 * The archivists' overdue digest, as a pure ordering: most days overdue first, then by code, so the
 * worst cases lead and the list reads the same every day.
 */
export interface OverdueEntry {
  code: string;
  daysOverdue: number;
}

export function sortOverdue<T extends OverdueEntry>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => b.daysOverdue - a.daysOverdue || a.code.localeCompare(b.code));
}
