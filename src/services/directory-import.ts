import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { stringify as toYaml } from 'yaml';
import type { DirectoryRepo } from '../db/directory-repo';
import {
  parseDirectoryFile,
  pendingRefs,
  resolveDirectoryFile,
  type Directory,
  type DirectoryFile,
  type PathProblem,
} from '../domain/directory';
import { located, readYaml, type YamlSource } from '../lib/yaml-source';

export type ImportResult =
  | { ok: true; units: number; people: number; deactivated: number; resolved: number }
  | { ok: false; problems: string[] };

/**
 * Looks up open_ids for mobiles (`+86…`) and emails (lower-case) through Feishu's batch_get_id; the
 * people it cannot find are absent from the map. Undefined when the bot has no Feishu credentials.
 */
export type PersonResolver = (refs: {
  mobiles: string[];
  emails: string[];
}) => Promise<Map<string, string>>;

/** Parses YAML or JSON text (YAML also reads JSON), keeping lines for the problems. */
function parseText(text: string, fileName: string): { source?: YamlSource; raw: unknown } {
  if (extname(fileName).toLowerCase() === '.json') return { raw: JSON.parse(text) as unknown };
  const source = readYaml(text);
  if (source.syntaxErrors.length > 0) throw new Error(source.syntaxErrors.join('; '));
  return { source, raw: source.value };
}

/**
 * Reads, validates and resolves a directory file: every problem by line and path, and each person
 * named by mobile or email looked up in Feishu (each one not found is a problem). Changes nothing.
 */
export async function readDirectoryFile(
  path: string,
  resolver: PersonResolver | undefined,
): Promise<
  { ok: true; value: DirectoryFile; resolved: number } | { ok: false; problems: string[] }
> {
  let parsedText: ReturnType<typeof parseText>;
  try {
    parsedText = parseText(await readFile(path, 'utf8'), path);
  } catch (err) {
    return {
      ok: false,
      problems: [`${path}: cannot read: ${err instanceof Error ? err.message : String(err)}`],
    };
  }
  const { source, raw } = parsedText;
  const report = (problems: PathProblem[]) =>
    problems.map((p) => located(path, source, p.path, p.message));
  const parsed = parseDirectoryFile(raw ?? {});
  if (!parsed.ok) return { ok: false, problems: report(parsed.problems) };
  const refs = pendingRefs(parsed.value);
  if (refs.length > 0 && !resolver) {
    return {
      ok: false,
      problems: report(
        refs.map((r) => ({
          path: r.path,
          message: `${r.written}: a person named by mobile or email is looked up in Feishu, which needs the FEISHU_* credentials (as for npm start)`,
        })),
      ),
    };
  }
  const ids =
    refs.length > 0 && resolver
      ? await resolver({
          mobiles: refs.filter((r) => r.ref.kind === 'mobile').map((r) => r.ref.value),
          emails: refs.filter((r) => r.ref.kind === 'email').map((r) => r.ref.value),
        })
      : new Map<string, string>();
  const resolved = resolveDirectoryFile(parsed.value, ids);
  if (!resolved.ok) return { ok: false, problems: report(resolved.problems) };
  return { ok: true, value: resolved.value, resolved: refs.length };
}

/**
 * Imports a directory file all or nothing: a file with any invalid entry, or a person who cannot be
 * resolved, imports nothing and every problem is reported by line and path. Re-importing the same file
 * changes nothing.
 */
export async function importDirectoryFile(
  path: string,
  repo: DirectoryRepo,
  now: Date,
  resolver?: PersonResolver,
): Promise<ImportResult> {
  const read = await readDirectoryFile(path, resolver);
  if (!read.ok) return read;
  const counts = await repo.apply(read.value, now);
  return { ok: true, ...counts, resolved: read.resolved };
}

/** The directory in the import file's shape (active units only), for `directory:export`. */
export function directoryToFile(dir: Directory): DirectoryFile {
  return {
    units: dir.units
      .filter((u) => u.active)
      .map((u) => ({
        code: u.code,
        name: u.name,
        // Only a leader the file set goes back into a file; a department head comes from Feishu.
        ...(u.leaderInCharge && u.leaderSource !== 'head'
          ? { leaderInCharge: u.leaderInCharge }
          : {}),
        contacts: u.contacts,
      })),
    archivists: dir.archivists,
    ...(dir.archiveChatId ? { archiveChatId: dir.archiveChatId } : {}),
    publicity: dir.publicity,
    admins: dir.admins,
    people: dir.people
      .filter((p) => p.active !== false)
      .map((p) => ({
        openId: p.openId,
        ...(p.name ? { name: p.name } : {}),
        ...(p.unit ? { unit: p.unit } : {}),
      })),
  };
}

export function formatDirectory(file: DirectoryFile, format: 'yaml' | 'json'): string {
  return format === 'json' ? `${JSON.stringify(file, null, 2)}\n` : toYaml(file);
}
