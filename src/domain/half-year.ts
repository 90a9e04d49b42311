import { dayIn } from './zoned';

/**
 * The half-year a date falls in, in the business time zone: 1 = January–June, 2 = July–December.
 * Task lists (任务清单) are issued per half-year.
 */
export function halfOfYear(at: Date, tz: string): 1 | 2 {
  const month = Number(dayIn(at, tz).slice(5, 7));
  return month <= 6 ? 1 : 2;
}
