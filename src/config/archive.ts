/**
 * Archive-room settings: the fonds code and category codes of archive numbers (DA/T 22-2015
 * `全宗号-门类代码·年度-保管期限-机构代码-件号`), the receiving archive room's name on transfer lists,
 * and where the assessment rules live. Validated with zod as part of the environment (see env.ts).
 */
import { z } from 'zod';
import type { MaterialKind } from '../domain/categories';

const CODE = /^[A-Z0-9]{1,12}$/;

/** Category (门类) code per kind of material: 文书 WS, 照片 ZP, 录音 LY, 录像 LX, 实物 SW. */
export const DEFAULT_CATEGORY_CODES: Readonly<Record<MaterialKind, string>> = Object.freeze({
  document: 'WS',
  link: 'WS',
  photo: 'ZP',
  audio: 'LY',
  video: 'LX',
  physical: 'SW',
});

const categoryCodes = z
  .string()
  .optional()
  .transform((value, ctx): unknown => {
    if (value === undefined || value.trim() === '') return {};
    try {
      return JSON.parse(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON object of kind → category code' });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .object({
        document: z.string().regex(CODE, 'codes are 1–12 capital letters or digits'),
        link: z.string().regex(CODE, 'codes are 1–12 capital letters or digits'),
        photo: z.string().regex(CODE, 'codes are 1–12 capital letters or digits'),
        audio: z.string().regex(CODE, 'codes are 1–12 capital letters or digits'),
        video: z.string().regex(CODE, 'codes are 1–12 capital letters or digits'),
        physical: z.string().regex(CODE, 'codes are 1–12 capital letters or digits'),
      })
      .partial()
      .strict(),
  );

/** The environment variables of this feature; spread into the main schema in env.ts. */
export const archiveEnvShape = {
  ARCHIVE_FONDS_CODE: z
    .string()
    .trim()
    .default('Z001')
    .pipe(z.string().regex(/^[A-Za-z0-9]{1,12}$/, 'must be 1–12 letters or digits')),
  ARCHIVE_CATEGORY_CODES: categoryCodes,
  ARCHIVE_ROOM_NAME: z.string().trim().min(1).max(40).default('综合档案室'),
  ASSESSMENT_RULES_FILE: z.string().trim().min(1).default('src/config/assessment-rules.yaml'),
};

const archiveEnvSchema = z.object(archiveEnvShape);
type ArchiveEnv = z.infer<typeof archiveEnvSchema>;

export interface ArchiveConfig {
  /** 全宗号 (upper-cased). */
  fondsCode: string;
  /** 门类代码 by kind of material. */
  categoryCodes: Readonly<Record<MaterialKind, string>>;
  /** The receiving archive room, as printed on transfer lists. */
  roomName: string;
  /** YAML or JSON file with the assessment scoring rules (relative to the working directory). */
  assessmentRulesFile: string;
}

/** Builds the typed settings from parsed variables. */
export function archiveConfig(e: ArchiveEnv): ArchiveConfig {
  return Object.freeze({
    fondsCode: e.ARCHIVE_FONDS_CODE.toUpperCase(),
    categoryCodes: Object.freeze({ ...DEFAULT_CATEGORY_CODES, ...e.ARCHIVE_CATEGORY_CODES }),
    roomName: e.ARCHIVE_ROOM_NAME,
    assessmentRulesFile: e.ASSESSMENT_RULES_FILE,
  });
}

/** For command-line tools that read only these variables (reports). Throws on invalid values. */
export function loadArchiveConfig(env: Record<string, string | undefined>): ArchiveConfig {
  const parsed = archiveEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  return archiveConfig(parsed.data);
}
