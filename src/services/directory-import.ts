import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import type { DirectoryRepo } from '../db/directory-repo';
import { parseDirectoryFile, type Directory, type DirectoryFile } from '../domain/directory';

export type ImportResult =
  | { ok: true; units: number; people: number; deactivated: number }
  | { ok: false; problems: string[] };

/** Parses YAML or JSON text (by extension; YAML also reads JSON). */
export function parseDirectoryText(text: string, fileName: string): unknown {
  return extname(fileName).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
}

/**
 * Imports a directory file all or nothing: a file with any invalid entry imports nothing and every
 * problem is reported by path. Re-importing the same file changes nothing.
 */
export async function importDirectoryFile(
  path: string,
  repo: DirectoryRepo,
  now: Date,
): Promise<ImportResult> {
  let raw: unknown;
  try {
    raw = parseDirectoryText(await readFile(path, 'utf8'), path);
  } catch (err) {
    return {
      ok: false,
      problems: [
        `(file): cannot read ${path}: ${err instanceof Error ? err.message : String(err)}`,
      ],
    };
  }
  const parsed = parseDirectoryFile(raw);
  if (!parsed.ok) return parsed;
  const counts = await repo.apply(parsed.value, now);
  return { ok: true, ...counts };
}

/** The directory in the import file's shape (active units only), for `directory:export`. */
export function directoryToFile(dir: Directory): DirectoryFile {
  return {
    units: dir.units
      .filter((u) => u.active)
      .map((u) => ({
        code: u.code,
        name: u.name,
        ...(u.leaderInCharge ? { leaderInCharge: u.leaderInCharge } : {}),
        contacts: u.contacts,
      })),
    archivists: dir.archivists,
    ...(dir.archiveChatId ? { archiveChatId: dir.archiveChatId } : {}),
    publicity: dir.publicity,
    admins: dir.admins,
    people: dir.people.map((p) => ({
      openId: p.openId,
      ...(p.name ? { name: p.name } : {}),
      ...(p.unit ? { unit: p.unit } : {}),
    })),
  };
}

export function formatDirectory(file: DirectoryFile, format: 'yaml' | 'json'): string {
  return format === 'json' ? `${JSON.stringify(file, null, 2)}\n` : toYaml(file);
}
