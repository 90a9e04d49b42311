/**
 * Small helpers shared by the benchmark scripts (`npm run bench:*`): percentiles over recorded
 * latencies, a bounded-concurrency runner, a progress line on stderr and a plain-text table.
 */

/** Value at percentile `p` (0–100) of already sorted numbers, nearest-rank; NaN when empty. */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  const index = Math.min(sorted.length - 1, Math.max(0, rank - 1));
  return sorted[index]!;
}

/** Value at percentile `p` (0–100), nearest-rank; sorts a copy, so the input is left as it is. */
export function percentile(values: ArrayLike<number>, p: number): number {
  return percentileSorted(Float64Array.from(values).sort(), p);
}

/** Summary of a latency sample, in the sample's unit. */
export interface LatencyStats {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export function latencyStats(values: ArrayLike<number>): LatencyStats {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: sorted.length,
    min: sorted.length ? sorted[0]! : Number.NaN,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
    p50: percentileSorted(sorted, 50),
    p90: percentileSorted(sorted, 90),
    p99: percentileSorted(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
  };
}

/** A fixed-size recorder of numbers (latencies): no per-sample objects, memory known up front. */
export class Samples {
  private readonly values: Float64Array;
  private n = 0;
  constructor(capacity: number) {
    this.values = new Float64Array(capacity);
  }
  add(value: number): void {
    if (this.n >= this.values.length)
      throw new Error(`Samples: capacity ${this.values.length} exceeded`);
    this.values[this.n++] = value;
  }
  get count(): number {
    return this.n;
  }
  stats(): LatencyStats {
    return latencyStats(this.values.subarray(0, this.n));
  }
}

/**
 * Runs `fn` over `items` with at most `concurrency` calls in flight, in item order. The first
 * rejection stops new calls and is rethrown once the in-flight ones have settled. Results are not
 * kept (record what you need inside `fn`), so memory stays bounded however many items there are.
 */
export async function runWithConcurrency<T>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T, index: number) => Promise<void>,
  onSettled?: (completed: number) => void,
): Promise<void> {
  let next = 0;
  let completed = 0;
  let failure: { error: unknown } | undefined;
  const lane = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const index = next++;
      try {
        await fn(items[index]!, index);
      } catch (error) {
        failure ??= { error };
      }
      completed++;
      onSettled?.(completed);
    }
  };
  const lanes = Math.max(1, Math.min(concurrency, items.length));
  await Promise.all(Array.from({ length: lanes }, () => lane()));
  if (failure) throw failure.error;
}

/** Milliseconds since `start` (a `performance.now()` value). */
export const elapsedMs = (start: number): number => performance.now() - start;

/** Polls `check` every `intervalMs` until it returns true; false when `timeoutMs` passes first. */
export async function pollUntil(
  check: () => Promise<boolean>,
  opts: { intervalMs: number; timeoutMs: number },
): Promise<boolean> {
  const deadline = performance.now() + opts.timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (performance.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, opts.intervalMs));
  }
}

/**
 * A progress line on stderr for long phases: rewritten in place on a terminal, otherwise printed at
 * most every few seconds, so logs of CI runs stay short. stdout is left for the results.
 */
export class Progress {
  private readonly tty = process.stderr.isTTY === true;
  private readonly started = performance.now();
  private lastPrint = 0;
  private lastLength = 0;

  constructor(
    private readonly label: string,
    private readonly total?: number,
  ) {}

  /** Reports `done` units (and an optional note); cheap to call on every unit. */
  update(done: number, note = ''): void {
    const now = performance.now();
    const interval = this.tty ? 100 : 5_000;
    if (now - this.lastPrint < interval && done !== this.total) return;
    this.lastPrint = now;
    this.write(this.line(done, note));
  }

  /** Ends the line (clears it on a terminal). */
  finish(): void {
    if (this.tty && this.lastLength > 0) process.stderr.write(`\r${' '.repeat(this.lastLength)}\r`);
    this.lastLength = 0;
  }

  private line(done: number, note: string): string {
    const seconds = (performance.now() - this.started) / 1000;
    const of = this.total === undefined ? `${done}` : `${done}/${this.total}`;
    const pct = this.total ? ` (${((100 * done) / this.total).toFixed(0)}%)` : '';
    const rate = seconds > 0 ? `, ${(done / seconds).toFixed(0)}/s` : '';
    return `  ${this.label}: ${of}${pct}${rate}, ${seconds.toFixed(1)} s${note ? `, ${note}` : ''}`;
  }

  private write(line: string): void {
    if (this.tty) {
      const pad = this.lastLength > line.length ? ' '.repeat(this.lastLength - line.length) : '';
      process.stderr.write(`\r${line}${pad}`);
      this.lastLength = line.length;
    } else {
      process.stderr.write(`${line}\n`);
    }
  }
}

export type Align = 'left' | 'right';

/**
 * Formats rows as a plain-text table with a header rule. Numbers are right-aligned unless `align`
 * says otherwise; cells are printed as given (format numbers before passing them).
 */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  align: readonly Align[] = [],
): string {
  const cells = [header, ...rows].map((row) => row.map((c) => String(c)));
  const widths = header.map((_, col) =>
    Math.max(...cells.map((row) => displayWidth(row[col] ?? ''))),
  );
  const alignOf = (col: number): Align =>
    align[col] ?? (rows.every((r) => typeof r[col] === 'number') ? 'right' : 'left');
  const pad = (text: string, col: number): string => {
    const fill = ' '.repeat(Math.max(0, widths[col]! - displayWidth(text)));
    return alignOf(col) === 'right' ? fill + text : text + fill;
  };
  const render = (row: string[]): string =>
    row
      .map((c, col) => pad(c, col))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [render(cells[0]!), rule, ...cells.slice(1).map(render)].join('\n');
}

/** Prints `formatTable(...)` to stdout. */
export function printTable(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  align?: readonly Align[],
): void {
  console.log(formatTable(header, rows, align));
}

/** Terminal columns of a string: CJK and other wide characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    width +=
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6)
        ? 2
        : 1;
  }
  return width;
}

/** `1234.5` → `1,235` (integers) or with `digits` decimals. */
export const fmtNum = (n: number, digits = 0): string =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : '-';

/** Milliseconds with one decimal, e.g. `12.3 ms`. */
export const fmtMs = (ms: number): string => (Number.isFinite(ms) ? `${ms.toFixed(1)} ms` : '-');
