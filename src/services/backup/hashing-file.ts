import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

const FLUSH_BYTES = 256 * 1024;

/**
 * A file written once (`wx`: never over an existing one) while its SHA-256 and size are computed,
 * for the catalogue and tag files. Small writes are gathered before they reach the disk.
 */
export class HashingFile {
  private readonly hash: Hash = createHash('sha256');
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  size = 0;

  private constructor(
    readonly path: string,
    private readonly fh: FileHandle,
  ) {}

  static async create(path: string): Promise<HashingFile> {
    return new HashingFile(path, await open(path, 'wx'));
  }

  async write(data: string | Buffer): Promise<void> {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    this.hash.update(buf);
    this.size += buf.length;
    this.pending.push(buf);
    this.pendingBytes += buf.length;
    if (this.pendingBytes >= FLUSH_BYTES) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const buf = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    await this.fh.write(buf, 0, buf.length);
  }

  /** Flushes and closes; returns the digest and size of everything written. */
  async close(): Promise<{ sha256: string; size: number }> {
    try {
      await this.flush();
    } finally {
      await this.fh.close();
    }
    return { sha256: this.hash.digest('hex'), size: this.size };
  }

  /** Closes without caring about the content (the temporary folder is removed anyway). */
  async abort(): Promise<void> {
    await this.fh.close().catch(() => undefined);
  }
}

/** Writes a whole text file (`wx`) and returns its digest and size. */
export async function writeHashed(
  path: string,
  text: string,
): Promise<{ sha256: string; size: number }> {
  const file = await HashingFile.create(path);
  try {
    await file.write(text);
  } catch (err) {
    await file.abort();
    throw err;
  }
  return file.close();
}

/** SHA-256 and size of a file on disk, read in 1 MiB pieces; `onBytes` sees each piece. */
export async function hashFile(
  path: string,
  onBytes?: (n: number) => void,
): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  const stream = createReadStream(path, { highWaterMark: 1024 * 1024 });
  for await (const chunk of stream) {
    const buf = chunk as Buffer;
    hash.update(buf);
    size += buf.length;
    onBytes?.(buf.length);
  }
  return { sha256: hash.digest('hex'), size };
}
