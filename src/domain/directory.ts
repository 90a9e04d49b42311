import { z } from 'zod';

const OPEN_ID = /^ou_[0-9A-Za-z_-]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A mainland mobile number, optionally with +86 / 86 and spaces or dashes. */
const MOBILE = /^(\+?86)?1\d{10}$/;

const openId = z.string().regex(OPEN_ID, 'must be an open_id starting with ou_');
const chatId = z.string().regex(/^oc_[0-9A-Za-z_-]+$/, 'must be a chat_id starting with oc_');

/** `+86 138-0000-0001`, `8613800000001` and `13800000001` are one number: `+8613800000001`. */
export function normalizeMobile(value: string): string {
  const digits = value.replace(/[\s-]/g, '');
  return `+86${digits.replace(/^\+?86/, '')}`;
}

/** How a person is named in the file: an open_id, a mobile number or an email address. */
export type PersonRef =
  | { kind: 'open_id'; value: string }
  | { kind: 'mobile'; value: string }
  | { kind: 'email'; value: string };

/** Reads a person reference, normalized (mobiles as +86…, emails lower-cased); undefined if it is none. */
export function readPersonRef(text: string): PersonRef | undefined {
  const t = text.trim();
  if (OPEN_ID.test(t)) return { kind: 'open_id', value: t };
  if (MOBILE.test(t.replace(/[\s-]/g, ''))) return { kind: 'mobile', value: normalizeMobile(t) };
  if (EMAIL.test(t)) return { kind: 'email', value: t.toLowerCase() };
  return undefined;
}

/** A person in the file: `ou_…`, a mobile (YAML may read it as a number) or an email. */
const personRef = z
  .union([z.string(), z.number().int()], {
    error: 'must be an open_id (ou_…), a mobile number or an email address',
  })
  .transform(String)
  .refine(
    (s) => readPersonRef(s) !== undefined,
    'must be an open_id (ou_…), a mobile number or an email address',
  );

/**
 * The directory file an admin imports (YAML or JSON). Strict: a typo in a key is an error, not ignored.
 * People may be named by open_id, mobile or email; `resolveDirectoryFile` turns the latter into open_ids.
 */
export const directoryFileSchema = z
  .object({
    units: z
      .array(
        z
          .object({
            code: z.string().regex(/^[A-Za-z0-9]{1,16}$/, 'must be 1–16 letters or digits'),
            name: z.string().trim().min(1, 'is required').max(60),
            leaderInCharge: personRef.optional(),
            contacts: z.array(personRef).default([]),
          })
          .strict(),
      )
      .default([]),
    archivists: z.array(personRef).default([]),
    archiveChatId: chatId.optional(),
    publicity: z.array(personRef).default([]),
    admins: z.array(personRef).default([]),
    people: z
      .array(
        z
          .object({
            openId: openId.optional(),
            mobile: personRef.optional(),
            email: personRef.optional(),
            name: z.string().trim().min(1).max(60).optional(),
            unit: z.string().optional(),
          })
          .strict()
          .superRefine((p, ctx) => {
            const given = [p.openId, p.mobile, p.email].filter((v) => v !== undefined).length;
            if (given !== 1)
              ctx.addIssue({
                code: 'custom',
                message: 'give exactly one of openId, mobile, email',
              });
            if (p.mobile !== undefined && readPersonRef(p.mobile)?.kind !== 'mobile')
              ctx.addIssue({ code: 'custom', path: ['mobile'], message: 'is not a mobile number' });
            if (p.email !== undefined && readPersonRef(p.email)?.kind !== 'email')
              ctx.addIssue({ code: 'custom', path: ['email'], message: 'is not an email address' });
          }),
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

/** The file as written: people may still be mobiles or emails. */
export type DirectoryFileInput = z.infer<typeof directoryFileSchema>;

/** A directory file with every person as an open_id: what the repository stores. */
export interface DirectoryFile {
  units: { code: string; name: string; leaderInCharge?: string; contacts: string[] }[];
  archivists: string[];
  archiveChatId?: string;
  publicity: string[];
  admins: string[];
  people: { openId: string; name?: string; unit?: string }[];
}

/** The directory as the rules see it: plain data, loaded by the repository. */
export interface Directory {
  units: {
    code: string;
    name: string;
    leaderInCharge?: string;
    contacts: string[];
    active: boolean;
    /** The Feishu department the unit mirrors (open_department_id), once synced. */
    departmentId?: string;
    /** `file`: the directory file names the leader in charge (a sync keeps it); `head`: the department head. */
    leaderSource?: 'file' | 'head';
  }[];
  /** `active: false`: no longer in Feishu's contacts (left the college); absent means active. */
  people: { openId: string; name?: string; unit?: string; active?: boolean }[];
  archivists: string[];
  publicity: string[];
  admins: string[];
  archiveChatId?: string;
}

export interface PathProblem {
  path: PropertyKey[];
  message: string;
}

/** Every problem of a directory file by path, or the parsed file (people not yet resolved). */
export function parseDirectoryFile(
  raw: unknown,
): { ok: true; value: DirectoryFileInput } | { ok: false; problems: PathProblem[] } {
  const result = directoryFileSchema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({ path: [...issue.path, key], message: 'unknown key' }))
        : [{ path: issue.path, message: issue.message }],
    ),
  };
}

/** A person named by mobile or email somewhere in the file (what `batch_get_id` must resolve). */
export interface PendingRef {
  path: PropertyKey[];
  written: string;
  ref: PersonRef & { kind: 'mobile' | 'email' };
}

type Resolve = (path: PropertyKey[], text: string) => string;

/** Walks every person of the file, replacing each through `resolve`. */
function mapPeople(file: DirectoryFileInput, resolve: Resolve): DirectoryFile {
  const list = (key: 'archivists' | 'publicity' | 'admins') =>
    file[key].map((v, i) => resolve([key, i], v));
  return {
    units: file.units.map((u, i) => ({
      code: u.code,
      name: u.name,
      ...(u.leaderInCharge !== undefined
        ? { leaderInCharge: resolve(['units', i, 'leaderInCharge'], u.leaderInCharge) }
        : {}),
      contacts: u.contacts.map((c, j) => resolve(['units', i, 'contacts', j], c)),
    })),
    archivists: list('archivists'),
    ...(file.archiveChatId ? { archiveChatId: file.archiveChatId } : {}),
    publicity: list('publicity'),
    admins: list('admins'),
    people: file.people.map((p, i) => {
      const [key, text] =
        p.openId !== undefined
          ? (['openId', p.openId] as const)
          : p.mobile !== undefined
            ? (['mobile', p.mobile] as const)
            : (['email', p.email ?? ''] as const);
      return {
        openId: resolve(['people', i, key], text),
        ...(p.name ? { name: p.name } : {}),
        ...(p.unit ? { unit: p.unit } : {}),
      };
    }),
  };
}

/** Every mobile and email the file uses, with where. */
export function pendingRefs(file: DirectoryFileInput): PendingRef[] {
  const found: PendingRef[] = [];
  mapPeople(file, (path, written) => {
    const ref = readPersonRef(written);
    if (ref && ref.kind !== 'open_id')
      found.push({ path, written, ref: { ...ref, kind: ref.kind } });
    return written;
  });
  return found;
}

/**
 * The file with every mobile and email replaced by the open_id `ids` maps it to (keys: normalized
 * values, as `readPersonRef` gives them). Each one without an id is a problem at its path.
 */
export function resolveDirectoryFile(
  file: DirectoryFileInput,
  ids: ReadonlyMap<string, string>,
): { ok: true; value: DirectoryFile } | { ok: false; problems: PathProblem[] } {
  const problems: PathProblem[] = [];
  const value = mapPeople(file, (path, written) => {
    const ref = readPersonRef(written);
    if (!ref || ref.kind === 'open_id') return written;
    const id = ids.get(ref.value);
    if (id) return id;
    problems.push({
      path,
      message: `${written}: no Feishu user of the college has this ${ref.kind === 'mobile' ? 'mobile number' : 'email'} (unknown, not visible to the app, or resigned)`,
    });
    return written;
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}
