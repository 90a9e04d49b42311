import { z } from 'zod';

const openId = z.string().regex(/^ou_[0-9A-Za-z_-]+$/, 'must be an open_id starting with ou_');
const chatId = z.string().regex(/^oc_[0-9A-Za-z_-]+$/, 'must be a chat_id starting with oc_');

/** The directory file an admin imports (YAML or JSON). Strict: a typo in a key is an error, not ignored. */
export const directoryFileSchema = z
  .object({
    units: z
      .array(
        z
          .object({
            code: z.string().regex(/^[A-Za-z0-9]{1,16}$/, 'must be 1–16 letters or digits'),
            name: z.string().trim().min(1, 'is required').max(60),
            leaderInCharge: openId.optional(),
            contacts: z.array(openId).default([]),
          })
          .strict(),
      )
      .default([]),
    archivists: z.array(openId).default([]),
    archiveChatId: chatId.optional(),
    publicity: z.array(openId).default([]),
    admins: z.array(openId).default([]),
    people: z
      .array(
        z
          .object({
            openId,
            name: z.string().trim().min(1).max(60).optional(),
            unit: z.string().optional(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict()
  .superRefine((file, ctx) => {
    const codes = new Set<string>();
    file.units.forEach((unit, i) => {
      if (codes.has(unit.code))
        ctx.addIssue({
          code: 'custom',
          path: ['units', i, 'code'],
          message: `duplicate unit code ${unit.code}`,
        });
      codes.add(unit.code);
    });
    file.people.forEach((person, i) => {
      if (person.unit !== undefined && !codes.has(person.unit)) {
        ctx.addIssue({
          code: 'custom',
          path: ['people', i, 'unit'],
          message: `unknown unit ${person.unit}`,
        });
      }
    });
  });

export type DirectoryFile = z.infer<typeof directoryFileSchema>;

/** The directory as the rules see it: plain data, loaded by the repository. */
export interface Directory {
  units: {
    code: string;
    name: string;
    leaderInCharge?: string;
    contacts: string[];
    active: boolean;
  }[];
  people: { openId: string; name?: string; unit?: string }[];
  archivists: string[];
  publicity: string[];
  admins: string[];
  archiveChatId?: string;
}

/** Lists every problem of a directory file as `path: message`, or returns the parsed file. */
export function parseDirectoryFile(
  raw: unknown,
): { ok: true; value: DirectoryFile } | { ok: false; problems: string[] } {
  const result = directoryFileSchema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`),
  };
}

function formatPath(path: PropertyKey[]): string {
  if (path.length === 0) return '(file)';
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}
