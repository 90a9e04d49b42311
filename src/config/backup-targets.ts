/**
 * Backup targets (重要档案数字资源备份管理办法): where bags go, on which media, where that media lives,
 * and whether a copy is for use or sealed. Read from the YAML/JSON file named by BACKUP_TARGETS_FILE,
 * validated with zod; a set without at least one use copy and one sealed copy is refused.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import {
  BACKUP_KINDS,
  COPY_ROLES,
  PRIORITIES,
  type BackupKind,
  type CopyRole,
  type Priority,
} from '../domain/backup-rules';

export const MEDIA_TYPES = ['hdd', 'optical', 'tape', 'network'] as const;
/** 硬盘 / 光盘 / 磁带 / 网络或云存储. */
export type MediaType = (typeof MEDIA_TYPES)[number];
export { BACKUP_KINDS, COPY_ROLES, PRIORITIES };
export type { BackupKind, CopyRole, Priority };

const openId = z.string().regex(/^ou_[0-9A-Za-z_-]+$/, 'must be an open_id starting with ou_');

const targetSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'must be 1–32 lower-case letters, digits, -'),
    name: z.string().trim().min(1).max(60).optional(),
    path: z.string().min(1, 'is required'),
    media: z.enum(MEDIA_TYPES),
    location: z
      .object({ site: z.enum(['on-site', 'off-site']), place: z.string().trim().min(1).max(60) })
      .strict(),
    role: z.enum(COPY_ROLES),
    /** Mounted all the time (monthly fixity) or removable media staging (yearly). */
    online: z.boolean().optional(),
    kinds: z.array(z.enum(BACKUP_KINDS)).min(1).optional(),
    keeper: openId.optional(),
    sealer: openId.optional(),
    /** An extra copy of only these priorities (e.g. [precious]); not counted as a full copy. */
    priorities: z.array(z.enum(PRIORITIES)).min(1).optional(),
  })
  .strict();

export const backupTargetsFileSchema = z
  .object({
    /** Source-Organization in every bag-info.txt. */
    organization: z.string().trim().min(1).max(100),
    /** Keeper of the register and of every target without its own keeper (第八条). */
    keeper: openId,
    targets: z.array(targetSchema).min(1, 'name at least one target'),
    realtime: z
      .object({
        delayMinutes: z
          .number()
          .int()
          .min(0)
          .max(24 * 60)
          .default(10),
        maxBytesPerRun: z
          .number()
          .int()
          .min(1)
          .default(4 * 1024 ** 3),
      })
      .strict()
      .default({ delayMinutes: 10, maxBytesPerRun: 4 * 1024 ** 3 }),
    fixity: z
      .object({
        onlineEveryDays: z.number().int().min(1).default(30),
        offlineEveryDays: z.number().int().min(1).default(365),
        liveStoreEveryDays: z.number().int().min(1).default(30),
      })
      .strict()
      .default({ onlineEveryDays: 30, offlineEveryDays: 365, liveStoreEveryDays: 30 }),
    drill: z
      .object({
        everyDays: z.number().int().min(1).default(365),
        sampleSize: z.number().int().min(1).max(10_000).default(20),
      })
      .strict()
      .default({ everyDays: 365, sampleSize: 20 }),
  })
  .strict()
  .superRefine((file, ctx) => {
    const ids = new Set<string>();
    const paths = new Set<string>();
    file.targets.forEach((t, i) => {
      if (ids.has(t.id))
        ctx.addIssue({ code: 'custom', path: ['targets', i, 'id'], message: `duplicate ${t.id}` });
      if (paths.has(t.path))
        ctx.addIssue({ code: 'custom', path: ['targets', i, 'path'], message: 'path used twice' });
      if (t.sealer && t.role !== 'sealed')
        ctx.addIssue({
          code: 'custom',
          path: ['targets', i, 'sealer'],
          message: 'only a sealed target has a sealer',
        });
      ids.add(t.id);
      paths.add(t.path);
    });
    const full = file.targets.filter((t) => !t.priorities);
    for (const role of COPY_ROLES) {
      if (!full.some((t) => t.role === role))
        ctx.addIssue({
          code: 'custom',
          path: ['targets'],
          message: `needs at least one ${role} copy holding everything (一式二份: one use, one sealed)`,
        });
    }
  });

export type BackupTargetsFile = z.infer<typeof backupTargetsFileSchema>;

/** One target with its defaults applied and its path made absolute. */
export interface BackupTarget {
  id: string;
  name: string;
  path: string;
  media: MediaType;
  site: 'on-site' | 'off-site';
  place: string;
  role: CopyRole;
  online: boolean;
  kinds: BackupKind[];
  keeper: string;
  sealer: string | undefined;
  /** Set for an extra copy of some priorities only. */
  priorities: Priority[] | undefined;
}

export interface BackupSettings {
  organization: string;
  keeper: string;
  targets: BackupTarget[];
  realtime: { delayMinutes: number; maxBytesPerRun: number };
  fixity: { onlineEveryDays: number; offlineEveryDays: number; liveStoreEveryDays: number };
  drill: { everyDays: number; sampleSize: number };
  /** The file it came from. */
  file: string;
}

/** Thrown with one line per problem (`targets.1.media: …`). */
export class BackupConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid backup targets:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'BackupConfigError';
  }
}

const isOnlineMedia = (m: MediaType) => m === 'hdd' || m === 'network';

/** Validates a parsed file; relative target paths are taken from `baseDir` (the file's folder). */
export function parseBackupTargets(raw: unknown, file: string): BackupSettings {
  const result = backupTargetsFileSchema.safeParse(raw);
  if (!result.success) {
    throw new BackupConfigError(
      result.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`),
    );
  }
  const f = result.data;
  const baseDir = dirname(resolve(file));
  return {
    organization: f.organization,
    keeper: f.keeper,
    realtime: f.realtime,
    fixity: f.fixity,
    drill: f.drill,
    file: resolve(file),
    targets: f.targets.map((t) => {
      const online = t.online ?? isOnlineMedia(t.media);
      return {
        id: t.id,
        name: t.name ?? t.id,
        path: resolve(baseDir, t.path),
        media: t.media,
        site: t.location.site,
        place: t.location.place,
        role: t.role,
        online,
        kinds: t.kinds ?? (online ? ['realtime', 'full'] : ['staged', 'full']),
        keeper: t.keeper ?? f.keeper,
        sealer: t.role === 'sealed' ? (t.sealer ?? t.keeper ?? f.keeper) : undefined,
        priorities: t.priorities,
      };
    }),
  };
}

const cache = new Map<string, { mtimeMs: number; settings: BackupSettings }>();

/** Reads and validates the targets file (cached until the file changes). */
export function loadBackupTargets(file: string): BackupSettings {
  const path = resolve(file);
  let mtimeMs: number;
  let text: string;
  try {
    mtimeMs = statSync(path).mtimeMs;
    const hit = cache.get(path);
    if (hit && hit.mtimeMs === mtimeMs) return hit.settings;
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new BackupConfigError([`(file): cannot read ${path}: ${(err as Error).message}`]);
  }
  let raw: unknown;
  try {
    raw = extname(path).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new BackupConfigError([
      `(file): ${path} is not valid YAML/JSON: ${(err as Error).message}`,
    ]);
  }
  const settings = parseBackupTargets(raw, path);
  cache.set(path, { mtimeMs, settings });
  return settings;
}

/** What the set of targets achieves against 异地异质 (off-site and different media). */
export interface ComplianceReport {
  /** At least one full copy is kept off-site (异地). */
  offsite: boolean;
  /** The full copies are on at least two kinds of media (异质). */
  differentMedia: boolean;
  compliant: boolean;
  useCopies: number;
  sealedCopies: number;
  media: MediaType[];
  offsitePlaces: string[];
  /** Extra copies limited to some priorities. */
  extraCopies: { id: string; priorities: Priority[] }[];
}

/** Pure: the compliance of a validated target set (extra priority copies do not count). */
export function complianceOf(targets: readonly BackupTarget[]): ComplianceReport {
  const full = targets.filter((t) => !t.priorities);
  const media = [...new Set(full.map((t) => t.media))];
  const offsitePlaces = [...new Set(full.filter((t) => t.site === 'off-site').map((t) => t.place))];
  const offsite = offsitePlaces.length > 0;
  const differentMedia = media.length >= 2;
  return {
    offsite,
    differentMedia,
    compliant: offsite && differentMedia,
    useCopies: full.filter((t) => t.role === 'use').length,
    sealedCopies: full.filter((t) => t.role === 'sealed').length,
    media,
    offsitePlaces,
    extraCopies: targets
      .filter((t): t is BackupTarget & { priorities: Priority[] } => Boolean(t.priorities))
      .map((t) => ({ id: t.id, priorities: t.priorities })),
  };
}

/** The target of that id; throws a one-line error naming the known ids. */
export function targetById(settings: BackupSettings, id: string): BackupTarget {
  const target = settings.targets.find((t) => t.id === id);
  if (!target) {
    throw new BackupConfigError([
      `unknown target "${id}" (targets: ${settings.targets.map((t) => t.id).join(', ')})`,
    ]);
  }
  return target;
}
