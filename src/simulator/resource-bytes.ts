import { createCipheriv, createHash } from 'node:crypto';
import { Readable } from 'node:stream';

const CHUNK = 64 * 1024;
const ZEROS = Buffer.alloc(CHUNK);

/**
 * Deterministic pseudo-random bytes for a generated resource: the AES-256-CTR keystream keyed by
 * SHA-256(messageId \0 fileKey). Same ids + size ⇒ same bytes, in any process, without storing them.
 */
export function generatedResourceStream(
  messageId: string,
  fileKey: string,
  size: number,
): Readable {
  const key = createHash('sha256').update(`${messageId}\0${fileKey}`, 'utf8').digest();
  const cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
  let remaining = size;
  return new Readable({
    highWaterMark: CHUNK,
    read() {
      // Called again only when the consumer wants more: this is what gives us backpressure.
      if (remaining <= 0) {
        this.push(null);
        return;
      }
      const n = Math.min(CHUNK, remaining);
      remaining -= n;
      this.push(cipher.update(n === CHUNK ? ZEROS : ZEROS.subarray(0, n)));
    },
  });
}

/** Hex SHA-256 of `generatedResourceStream(messageId, fileKey, size)`, for download assertions. */
export async function generatedResourceSha256(
  messageId: string,
  fileKey: string,
  size: number,
): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of generatedResourceStream(messageId, fileKey, size)) {
    hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}
