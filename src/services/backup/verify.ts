import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BAG_INFO,
  BAGIT_FILE,
  compareBag,
  PAYLOAD_MANIFEST,
  parseBagInfo,
  parseManifest,
  TAG_MANIFEST,
  verdictSummary,
  type BagVerdict,
  type FoundFile,
} from '../../domain/bagit';
import { hashFile } from './hashing-file';
import { ProgressMeter, silentProgress, type ProgressSink } from './progress';

/** A verified bag: the verdict plus what identifies it. */
export interface BagCheck extends BagVerdict {
  dir: string;
  bagId: string;
  info: Record<string, string>;
  /** SHA-256 of tagmanifest-sha256.txt (null when absent): what the register and delivery lists name. */
  tagDigest: string | null;
  summary: string;
}

const readText = (p: string) => readFile(p, 'utf8').catch(() => undefined);

/** Every regular file under `dir`, as paths relative to `base` with forward slashes. */
export async function walkFiles(
  base: string,
  dir: string,
): Promise<{ path: string; size: number }[]> {
  const out: { path: string; size: number }[] = [];
  const entries = await readdir(join(base, dir), { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...(await walkFiles(base, rel)));
    else if (e.isFile()) out.push({ path: rel, size: (await stat(join(base, rel))).size });
  }
  return out;
}

/** Hashes files with a small number in flight (the disk reads ahead while one is hashed). */
async function hashAll(
  dir: string,
  files: { path: string; size: number }[],
  onBytes: (n: number) => void,
  onFile: () => void,
  concurrency = 2,
): Promise<FoundFile[]> {
  const found: FoundFile[] = new Array<FoundFile>(files.length);
  let next = 0;
  const lane = async () => {
    while (next < files.length) {
      const i = next++;
      const f = files[i]!;
      const sha256 = await hashFile(join(dir, f.path), onBytes).then(
        (h) => h.sha256,
        () => null,
      );
      found[i] = { path: f.path, size: f.size, sha256 };
      onFile();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return found;
}

/**
 * Verifies a bag on disk (RFC 8493 §3): recomputes every payload digest, checks completeness both
 * ways (nothing missing, nothing extra), Payload-Oxum, bagit.txt, and the tag manifest. Needs no
 * database: the off-site base runs the same check on what it received.
 */
export async function verifyBagDir(
  dir: string,
  opts: { progress?: ProgressSink; label?: string } = {},
): Promise<BagCheck> {
  const [bagit, infoText, manifestText, tagText] = await Promise.all([
    readText(join(dir, BAGIT_FILE)),
    readText(join(dir, BAG_INFO)),
    readText(join(dir, PAYLOAD_MANIFEST)),
    readText(join(dir, TAG_MANIFEST)),
  ]);
  if (bagit === undefined && manifestText === undefined) {
    throw new Error(`${dir} is not a bag (no bagit.txt, no ${PAYLOAD_MANIFEST})`);
  }
  const info = parseBagInfo(infoText ?? '');
  const manifest = parseManifest(manifestText ?? '');
  const tags = parseManifest(tagText ?? '');
  const payload = await walkFiles(dir, 'data');
  const total = payload.reduce((n, f) => n + f.size, 0);
  const meter = new ProgressMeter(
    opts.label ?? `verify ${info['External-Identifier'] ?? dir}`,
    payload.length,
    total,
    opts.progress ?? silentProgress,
  );
  const found = await hashAll(
    dir,
    payload,
    (n) => meter.addBytes(n),
    () => meter.addFile(),
  );
  meter.done();
  const tagFound = await hashAll(
    dir,
    await tagFiles(
      dir,
      tags.entries.map((e) => e.path),
    ),
    () => undefined,
    () => undefined,
  );
  const verdict = compareBag({
    manifest: manifest.entries,
    found,
    oxum: info['Payload-Oxum'],
    tagManifest: tags.entries,
    tagFound,
    badLines: [...manifest.bad, ...tags.bad],
  });
  if (!/^BagIt-Version: 1\.0$/m.test(bagit ?? ''))
    verdict.tagProblems.push('bagit.txt: not BagIt 1.0');
  if (manifestText === undefined) verdict.tagProblems.push(`${PAYLOAD_MANIFEST}: missing`);
  if (tagText === undefined) verdict.tagProblems.push(`${TAG_MANIFEST}: missing`);
  verdict.valid = verdict.valid && verdict.tagProblems.length === 0;
  const tagDigest = tagText === undefined ? null : (await hashFile(join(dir, TAG_MANIFEST))).sha256;
  return {
    ...verdict,
    dir,
    bagId: info['External-Identifier'] ?? dir.split('/').pop() ?? dir,
    info,
    tagDigest,
    summary: verdictSummary(verdict),
  };
}

/** The tag files named in the tag manifest that exist, with sizes. */
async function tagFiles(dir: string, names: string[]): Promise<{ path: string; size: number }[]> {
  const out: { path: string; size: number }[] = [];
  for (const name of names) {
    const size = await stat(join(dir, name)).then(
      (s) => s.size,
      () => -1,
    );
    if (size >= 0) out.push({ path: name, size });
  }
  return out;
}
