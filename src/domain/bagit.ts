/**
 * BagIt 1.0 (RFC 8493, https://www.rfc-editor.org/rfc/rfc8493) as pure text functions: the tag files
 * a bag writer emits and the comparison a verifier makes. Manifests use two spaces between digest and
 * path, which both RFC 8493 ("one or more whitespace") and GNU `sha256sum -c` accept.
 */

export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';
export const PAYLOAD_MANIFEST = 'manifest-sha256.txt';
export const TAG_MANIFEST = 'tagmanifest-sha256.txt';
export const BAG_INFO = 'bag-info.txt';
export const BAGIT_FILE = 'bagit.txt';

/** One line of a manifest: a SHA-256 in lower-case hex and a path relative to the bag root. */
export interface ManifestEntry {
  path: string;
  sha256: string;
}

/** RFC 8493 §2.1.3: CR, LF and % in a path are percent-encoded; nothing else is. */
export function encodeManifestPath(path: string): string {
  return path.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function decodeManifestPath(path: string): string {
  return path.replace(/%0A/gi, '\n').replace(/%0D/gi, '\r').replace(/%25/g, '%');
}

/** Manifest text, sorted by path so the same content always gives the same digest. */
export function manifestText(entries: readonly ManifestEntry[]): string {
  return [...entries]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((e) => `${e.sha256}  ${encodeManifestPath(e.path)}\n`)
    .join('');
}

/** Parses a manifest; malformed lines are returned separately (a verifier reports them). */
export function parseManifest(text: string): { entries: ManifestEntry[]; bad: string[] } {
  const entries: ManifestEntry[] = [];
  const bad: string[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.replace(/\r$/, '');
    if (trimmed === '') continue;
    const m = /^([0-9a-fA-F]{64})[ \t]+\*?(.+)$/.exec(trimmed);
    if (!m) bad.push(trimmed);
    else entries.push({ sha256: m[1]!.toLowerCase(), path: decodeManifestPath(m[2]!) });
  }
  return { entries, bad };
}

/** Payload-Oxum: `<octets>.<file count>` of everything under data/. */
export const payloadOxum = (bytes: number, files: number): string => `${bytes}.${files}`;

export function parseOxum(value: string | undefined): { bytes: number; files: number } | undefined {
  const m = /^(\d+)\.(\d+)$/.exec(value?.trim() ?? '');
  return m ? { bytes: Number(m[1]), files: Number(m[2]) } : undefined;
}

/** Bag-Size in the spirit of RFC 8493 §2.2.2 ("260 GB"): two significant decimals. */
export function bagSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(2)} ${units[unit]}`;
}

/** bag-info.txt from ordered label/value pairs; newlines inside a value become spaces. */
export function bagInfoText(fields: readonly (readonly [string, string])[]): string {
  return fields
    .map(([label, value]) => `${label}: ${value.replace(/[\r\n]+/g, ' ').trim()}\n`)
    .join('');
}

/** Parses bag-info.txt (continuation lines start with whitespace); repeated labels keep the first. */
export function parseBagInfo(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let last: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line === '') continue;
    if (/^[ \t]/.test(line) && last) {
      out[last] = `${out[last]} ${line.trim()}`;
      continue;
    }
    const idx = line.indexOf(':');
    if (idx <= 0) continue;
    const label = line.slice(0, idx).trim();
    if (!(label in out)) out[label] = line.slice(idx + 1).trim();
    last = label;
  }
  return out;
}

/** What was found on disk for one file: its size and digest (null when it could not be read). */
export interface FoundFile {
  path: string;
  size: number;
  sha256: string | null;
}

export interface Mismatch {
  path: string;
  expected: string;
  actual: string | null;
}

/** The outcome of comparing a bag against its manifests (RFC 8493 §3: complete and valid). */
export interface BagVerdict {
  /** Every manifest entry exists and nothing under data/ is missing from the manifest. */
  complete: boolean;
  /** Complete, every digest matches, Payload-Oxum matches, tag manifest matches. */
  valid: boolean;
  missing: string[];
  extra: string[];
  mismatched: Mismatch[];
  oxum: { expected: string | undefined; actual: string; ok: boolean };
  tagProblems: string[];
  files: number;
  bytes: number;
}

/**
 * Compares the payload manifest with what was found under data/ (both ways), the digests, the
 * Payload-Oxum, and the tag manifest against the tag files found. Lists come back sorted.
 */
export function compareBag(input: {
  manifest: readonly ManifestEntry[];
  found: readonly FoundFile[];
  oxum: string | undefined;
  tagManifest: readonly ManifestEntry[];
  tagFound: readonly FoundFile[];
  badLines?: readonly string[];
}): BagVerdict {
  const expected = new Map(input.manifest.map((e) => [e.path, e.sha256]));
  const found = new Map(input.found.map((f) => [f.path, f]));
  const missing = [...expected.keys()].filter((p) => !found.has(p)).sort();
  const extra = [...found.keys()].filter((p) => !expected.has(p)).sort();
  const mismatched: Mismatch[] = [];
  for (const [path, sha] of expected) {
    const f = found.get(path);
    if (f && f.sha256 !== sha) mismatched.push({ path, expected: sha, actual: f.sha256 });
  }
  mismatched.sort((a, b) => (a.path < b.path ? -1 : 1));
  let bytes = 0;
  for (const f of input.found) bytes += f.size;
  const actualOxum = payloadOxum(bytes, input.found.length);
  const parsed = parseOxum(input.oxum);
  const oxumOk = parsed !== undefined && actualOxum === payloadOxum(parsed.bytes, parsed.files);
  const tagProblems = compareTags(input.tagManifest, input.tagFound);
  for (const line of input.badLines ?? []) tagProblems.push(`malformed manifest line: ${line}`);
  const complete = missing.length === 0 && extra.length === 0;
  return {
    complete,
    valid: complete && mismatched.length === 0 && oxumOk && tagProblems.length === 0,
    missing,
    extra,
    mismatched,
    oxum: { expected: input.oxum, actual: actualOxum, ok: oxumOk },
    tagProblems,
    files: input.found.length,
    bytes,
  };
}

function compareTags(manifest: readonly ManifestEntry[], found: readonly FoundFile[]): string[] {
  const byPath = new Map(found.map((f) => [f.path, f]));
  const problems: string[] = [];
  for (const e of manifest) {
    const f = byPath.get(e.path);
    if (!f) problems.push(`${e.path}: missing`);
    else if (f.sha256 !== e.sha256) problems.push(`${e.path}: digest differs`);
  }
  return problems;
}

/** One-line summary of a verdict for logs, the CLI and cards. */
export function verdictSummary(v: BagVerdict): string {
  if (v.valid) return `valid: ${v.files} files, ${v.bytes} bytes`;
  const parts: string[] = [];
  if (v.mismatched.length) parts.push(`${v.mismatched.length} changed`);
  if (v.missing.length) parts.push(`${v.missing.length} missing`);
  if (v.extra.length) parts.push(`${v.extra.length} extra`);
  if (!v.oxum.ok) parts.push(`Payload-Oxum ${v.oxum.expected ?? '(none)'} ≠ ${v.oxum.actual}`);
  if (v.tagProblems.length) parts.push(`${v.tagProblems.length} tag problem(s)`);
  return `INVALID: ${parts.join(', ')}`;
}
