import { createHash } from 'node:crypto';
import { fromBuffer } from 'file-type';
import type { HandoverBlobs } from '../../db/handover-blobs';
import type { MaterialDoc } from '../../db/models/material';
import { assessFile, FormatProbe, type DetectedFormat } from '../../domain/four-property-check';
import type { FileCheck } from '../../domain/handover-precheck';

/**
 * Reads one item's bytes back from the store once, recomputing the SHA-256 and watching the format
 * as they stream past (authenticity, integrity, usability, security: four-property-check.ts).
 * Holds one chunk at a time.
 */
export async function checkStoredFile(blobs: HandoverBlobs, m: MaterialDoc): Promise<FileCheck> {
  if (!m.blobId) return { found: false };
  const blob = await blobs.openMaterialBlob(m.blobId);
  if (!blob) return { found: false };
  const hash = createHash('sha256');
  const probe = new FormatProbe();
  for await (const chunk of blob.stream) {
    const buf = chunk as Buffer;
    hash.update(buf);
    probe.update(buf);
  }
  const facts = probe.finish();
  const detected: DetectedFormat | undefined = await fromBuffer(facts.head);
  const problems = assessFile({
    recorded: {
      ...(m.sha256 ? { sha256: m.sha256 } : {}),
      ...(m.size !== undefined ? { size: m.size } : {}),
      ...(m.mime ? { mime: m.mime } : {}),
      ...(m.fileName ? { fileName: m.fileName } : {}),
    },
    sha256: hash.digest('hex'),
    probe: facts,
    detected,
  });
  return { found: true, bytes: facts.bytes, problems };
}

/** Runs `fn` over `items` with at most `limit` at a time, keeping results in input order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
