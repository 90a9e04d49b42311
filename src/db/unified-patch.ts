import fs from 'node:fs';
import path from 'node:path';

/** One hunk of a unified diff: the lines it expects and the lines it puts in their place. */
interface Hunk {
  header: string;
  before: string[];
  after: string[];
}

/** One file of a unified diff (`--- a/x` / `+++ b/x`), path relative to the tree root. */
export interface FilePatch {
  file: string;
  hunks: Hunk[];
}

/** A patch that does not apply: names the patch, the file and the hunk. */
export class PatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PatchError';
  }
}

const stripPrefix = (p: string) => p.replace(/\t.*$/, '').replace(/^[ab]\//, '');

/** Parses a unified diff; text before the first `---` line is a description and ignored. */
export function parseUnifiedDiff(text: string): FilePatch[] {
  const lines = text.split('\n');
  const files: FilePatch[] = [];
  let file: FilePatch | undefined;
  let hunk: Hunk | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('--- ') && lines[i + 1]?.startsWith('+++ ')) {
      file = { file: stripPrefix(lines[i + 1]!.slice(4)), hunks: [] };
      files.push(file);
      hunk = undefined;
      i += 1;
      continue;
    }
    if (line.startsWith('@@')) {
      if (!file) throw new PatchError(`hunk before any file header: ${line}`);
      hunk = { header: line, before: [], after: [] };
      file.hunks.push(hunk);
      continue;
    }
    if (!hunk) continue;
    if (line.startsWith(' ')) {
      hunk.before.push(line.slice(1));
      hunk.after.push(line.slice(1));
    } else if (line.startsWith('-')) hunk.before.push(line.slice(1));
    else if (line.startsWith('+')) hunk.after.push(line.slice(1));
    else if (line === '' && i === lines.length - 1) continue;
    else if (line.startsWith('\\')) continue;
    else hunk = undefined;
  }
  if (files.length === 0 || files.some((f) => f.hunks.length === 0))
    throw new PatchError('not a unified diff (no file with hunks)');
  return files;
}

/**
 * Applies hunks to a file's text strictly: each hunk's expected lines (context and removals) must
 * occur exactly once, or the patch no longer fits this source and PatchError says where.
 */
export function applyHunks(source: string, patch: FilePatch, label: string): string {
  let lines = source.split('\n');
  for (const hunk of patch.hunks) {
    const at: number[] = [];
    for (let i = 0; i + hunk.before.length <= lines.length; i++) {
      if (hunk.before.every((l, j) => lines[i + j] === l)) at.push(i);
    }
    if (at.length !== 1) {
      throw new PatchError(
        `${label}: ${patch.file} ${hunk.header} ${at.length === 0 ? 'does not match the source (it changed)' : `matches ${at.length} places`}; the patch no longer applies`,
      );
    }
    lines = [...lines.slice(0, at[0]), ...hunk.after, ...lines.slice(at[0]! + hunk.before.length)];
  }
  return lines.join('\n');
}

/** Applies a patch file to the tree under `root`, every file checked before any is written. */
export function applyPatchFile(root: string, patchFile: string): string[] {
  const label = path.basename(patchFile);
  const patches = parseUnifiedDiff(fs.readFileSync(patchFile, 'utf8'));
  const results = patches.map((p) => {
    const target = path.join(root, p.file);
    if (!fs.existsSync(target)) throw new PatchError(`${label}: ${p.file} does not exist`);
    return { target, text: applyHunks(fs.readFileSync(target, 'utf8'), p, label) };
  });
  for (const r of results) fs.writeFileSync(r.target, r.text);
  return patches.map((p) => p.file);
}
