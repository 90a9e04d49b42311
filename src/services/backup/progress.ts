import { performance } from 'node:perf_hooks';

/** Where a long backup step is: files and bytes done of how many, and the speed so far. */
export interface ProgressSnapshot {
  label: string;
  files: number;
  totalFiles: number;
  bytes: number;
  totalBytes: number;
  seconds: number;
  /** Bytes per second so far. */
  rate: number;
  /** Seconds left at the current rate, when it can be told. */
  etaSeconds: number | undefined;
}

/** Receives progress; `final` is the last call of a step. */
export type ProgressSink = (p: ProgressSnapshot, final: boolean) => void;

export const silentProgress: ProgressSink = () => undefined;

/** Counts files and bytes of one step and reports them to a sink at most every `intervalMs`. */
export class ProgressMeter {
  private readonly started = performance.now();
  private lastReport = this.started;
  files = 0;
  bytes = 0;

  constructor(
    private readonly label: string,
    private readonly totalFiles: number,
    private readonly totalBytes: number,
    private readonly sink: ProgressSink,
    private readonly intervalMs = 250,
  ) {}

  addBytes(n: number): void {
    this.bytes += n;
    this.maybeReport();
  }

  addFile(): void {
    this.files += 1;
    this.maybeReport();
  }

  done(): void {
    this.sink(this.snapshot(), true);
  }

  private maybeReport(): void {
    const now = performance.now();
    if (now - this.lastReport < this.intervalMs) return;
    this.lastReport = now;
    this.sink(this.snapshot(), false);
  }

  snapshot(): ProgressSnapshot {
    const seconds = (performance.now() - this.started) / 1000;
    const rate = seconds > 0 ? this.bytes / seconds : 0;
    const left = this.totalBytes - this.bytes;
    return {
      label: this.label,
      files: this.files,
      totalFiles: this.totalFiles,
      bytes: this.bytes,
      totalBytes: this.totalBytes,
      seconds,
      rate,
      etaSeconds: rate > 0 && left >= 0 ? left / rate : undefined,
    };
  }
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function clock(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** `full → disk-a: 120/500 files, 118.0/500.0 MB, 35.2 MB/s, 0:11 left`. */
export function progressLine(p: ProgressSnapshot, final: boolean): string {
  const base = `${p.label}: ${p.files}/${p.totalFiles} files, ${mb(p.bytes)}/${mb(p.totalBytes)} MB, ${mb(p.rate)} MB/s`;
  return final ? `${base}, done in ${clock(p.seconds)}` : `${base}, ${clock(p.etaSeconds)} left`;
}

/**
 * Progress on a terminal: one line rewritten in place when the stream is a TTY, otherwise a plain
 * line every `everyMs` (logs of cron runs and CI stay short). The stream is stderr by default so
 * stdout keeps only results.
 */
export function terminalProgress(
  stream: NodeJS.WriteStream = process.stderr,
  everyMs = 5_000,
): ProgressSink {
  const tty = stream.isTTY === true;
  let last = performance.now();
  let width = 0;
  return (p, final) => {
    const line = progressLine(p, final);
    if (tty) {
      const pad = width > line.length ? ' '.repeat(width - line.length) : '';
      stream.write(`\r${line}${pad}${final ? '\n' : ''}`);
      width = final ? 0 : line.length;
      return;
    }
    const now = performance.now();
    if (!final && now - last < everyMs) return;
    last = now;
    stream.write(`${line}\n`);
  };
}
