/**
 * Human-facing activity codes, `HD-<year>-<seq>` (HD = 活动), e.g. `HD-2026-0007`. People quote them in
 * chat ("#HD-2026-0007 的照片") to file material to an activity, so parsing is forgiving about case, a
 * leading `#`/`＃`, full-width or typographic dashes, and surrounding Chinese text.
 */

/**
 * Formats a code: sequence zero-padded to at least 4 digits, growing past 9999 (`HD-2026-12345`).
 * Throws `RangeError` for a year outside 1000–9999 or a sequence below 1 (a programming error, not user input).
 */
export function formatActivityCode(year: number, seq: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`activity code year out of range: ${year}`);
  }
  if (!Number.isSafeInteger(seq) || seq < 1) {
    throw new RangeError(`activity code sequence out of range: ${seq}`);
  }
  return `HD-${year}-${String(seq).padStart(4, '0')}`;
}

// Not preceded by a letter/digit (so "XHD-…" is not a code), not followed by a digit.
const CODE_IN_TEXT = /(?<![A-Za-z0-9])[#＃]?HD[-－–—](\d{4})[-－–—](\d{4,})(?!\d)/gi;

/**
 * Finds the first valid activity code in a message and returns it normalized (`HD-2026-0007`), else `undefined`.
 * Accepts `#HD-2026-0007`, `hd-2026-0007`, `HD-2026-00007` (normalized to 4 digits); rejects sequence 0.
 */
export function parseActivityCode(text: string): string | undefined {
  for (const m of text.matchAll(CODE_IN_TEXT)) {
    const year = Number(m[1]);
    const seq = Number(m[2]);
    if (year >= 1000 && Number.isSafeInteger(seq) && seq >= 1) return formatActivityCode(year, seq);
  }
  return undefined;
}
