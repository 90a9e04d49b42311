/**
 * Loads the assessment scoring rules (src/config/assessment-rules.yaml by default, or the file named by
 * ASSESSMENT_RULES_FILE): YAML or JSON, validated with zod so a typo in a key or a negative number is
 * an error naming its path, never a silent zero. Read at use (reports are rare) and cached by mtime.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { AssessmentRules } from '../domain/assessment';

const points = z.number().min(0).max(1000);

export const assessmentRulesSchema = z
  .object({
    points: z
      .object({
        onTimeComplete: points,
        onTimeWithGaps: points,
        lateWithExtension: points,
        late: points,
      })
      .strict(),
    deductions: z
      .object({
        overdueDayBands: z
          .array(z.object({ upToDays: z.number().int().min(1).optional(), points }).strict())
          .min(1),
        overdueNotHandedOver: points,
        perReturn: points,
        perMinorReturn: points,
        perCriticism: points,
      })
      .strict(),
  })
  .strict()
  .superRefine((rules, ctx) => {
    const bands = rules.deductions.overdueDayBands;
    bands.forEach((band, i) => {
      const last = i === bands.length - 1;
      if (last && band.upToDays !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['deductions', 'overdueDayBands', i, 'upToDays'],
          message: 'the last band is open-ended: leave upToDays out',
        });
      }
      if (!last && band.upToDays === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['deductions', 'overdueDayBands', i, 'upToDays'],
          message: 'only the last band may leave upToDays out',
        });
      }
      const prev = bands[i - 1]?.upToDays;
      if (prev !== undefined && band.upToDays !== undefined && band.upToDays <= prev) {
        ctx.addIssue({
          code: 'custom',
          path: ['deductions', 'overdueDayBands', i, 'upToDays'],
          message: 'bands must be in increasing order of upToDays',
        });
      }
    });
  }) satisfies z.ZodType<AssessmentRules>;

/** Thrown when the rules file is missing or invalid; lists every problem by path. */
export class AssessmentRulesError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
    options?: { cause?: unknown },
  ) {
    super(
      `${file}: invalid assessment rules\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      options,
    );
    this.name = 'AssessmentRulesError';
  }
}

/** Validates already-parsed rules (from YAML or JSON). */
export function parseAssessmentRules(raw: unknown, file = '(rules)'): AssessmentRules {
  const result = assessmentRulesSchema.safeParse(raw);
  if (result.success) return result.data;
  throw new AssessmentRulesError(
    file,
    result.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`),
  );
}

const cache = new Map<string, { mtimeMs: number; rules: AssessmentRules }>();

/** Reads and validates the rules file (relative paths from the working directory). */
export function loadAssessmentRules(file: string): AssessmentRules {
  const path = resolve(file);
  let mtimeMs: number;
  try {
    mtimeMs = statSync(path).mtimeMs;
  } catch (err) {
    throw new AssessmentRulesError(file, ['file not found'], { cause: err });
  }
  const hit = cache.get(path);
  if (hit && hit.mtimeMs === mtimeMs) return hit.rules;
  let raw: unknown;
  try {
    raw = parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new AssessmentRulesError(file, [`not valid YAML or JSON: ${(err as Error).message}`], {
      cause: err,
    });
  }
  const rules = parseAssessmentRules(raw, file);
  cache.set(path, { mtimeMs, rules });
  return rules;
}
