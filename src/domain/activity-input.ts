/**
 * Validation of the activity registration and edit forms (card JSON 2.0 `form_value`). Field names are a
 * stable contract with the card builders. Every error is reported per field in both languages, all at once,
 * so the card can show each message beside its field instead of failing on the first.
 */
import { z } from 'zod';
import type { I18nText } from '../i18n/t';
import { type CategoryCode } from './categories';
import { parseFeishuDateTime } from './deadline';

export const REGISTRATION_FIELDS = [
  'title',
  'category',
  'unit',
  'co_units',
  'start_at',
  'end_at',
  'location',
  'summary',
  'contact',
] as const;
export type RegistrationField = (typeof REGISTRATION_FIELDS)[number];

export const EDIT_FIELDS = [
  'title',
  'category',
  'start_at',
  'end_at',
  'location',
  'summary',
] as const;
export type EditField = (typeof EDIT_FIELDS)[number];

export const TITLE_MAX = 100;
export const LOCATION_MAX = 200;
export const SUMMARY_MAX = 1000;

export interface RegistrationInput {
  title: string;
  category: CategoryCode;
  /** Organizing unit code (主办/承办单位), responsible for the archive (第四条). */
  unit: string;
  /** Co-organizing units, known, deduplicated, never the organizing unit. */
  coUnits: string[];
  startAt: Date;
  endAt: Date;
  location?: string;
  summary?: string;
  /** open_id of the person handling the archive work; the sender unless another was picked. */
  contact: string;
}

/** Changed fields only; `null` clears an optional text. */
export interface ActivityEdit {
  title?: string;
  category?: CategoryCode;
  startAt?: Date;
  endAt?: Date;
  location?: string | null;
  summary?: string | null;
}

export type FieldErrors<F extends string> = Partial<Record<F, I18nText>>;
export type FormResult<T, F extends string> =
  | { ok: true; value: T }
  | { ok: false; errors: FieldErrors<F> };

const MESSAGES = {
  invalid_value: {
    zh_cn: '填写内容格式不正确。',
    en_us: 'This value is not in the expected format.',
  },
  title_required: { zh_cn: '请填写活动名称。', en_us: 'Please enter the activity title.' },
  title_too_long: {
    zh_cn: `活动名称不能超过 ${TITLE_MAX} 个字。`,
    en_us: `The title can be at most ${TITLE_MAX} characters.`,
  },
  category_required: { zh_cn: '请选择活动类别。', en_us: 'Please choose a category.' },
  category_invalid: {
    zh_cn: '活动类别须为第五条所列 1–10 类之一。',
    en_us: 'The category must be one of the ten in Article 5 (1–10).',
  },
  unit_required: { zh_cn: '请选择主办/承办单位。', en_us: 'Please choose the organizing unit.' },
  unit_unknown: { zh_cn: '所选单位不在单位名录中。', en_us: 'This unit is not in the directory.' },
  co_units_unknown: {
    zh_cn: '协办单位中有不在名录中的单位：{codes}。',
    en_us: 'Some co-organizing units are not in the directory: {codes}.',
  },
  co_units_same_as_unit: {
    zh_cn: '协办单位不能与主办单位相同。',
    en_us: 'A co-organizing unit cannot be the organizing unit itself.',
  },
  start_at_required: { zh_cn: '请选择开始时间。', en_us: 'Please choose the start time.' },
  start_at_invalid: { zh_cn: '开始时间格式不正确。', en_us: 'The start time is not a valid date.' },
  end_at_required: { zh_cn: '请选择结束时间。', en_us: 'Please choose the end time.' },
  end_at_invalid: { zh_cn: '结束时间格式不正确。', en_us: 'The end time is not a valid date.' },
  end_before_start: {
    zh_cn: '结束时间不能早于开始时间。',
    en_us: 'The end time cannot be before the start time.',
  },
  location_too_long: {
    zh_cn: `地点不能超过 ${LOCATION_MAX} 个字。`,
    en_us: `The location can be at most ${LOCATION_MAX} characters.`,
  },
  summary_too_long: {
    zh_cn: `活动简介不能超过 ${SUMMARY_MAX} 个字。`,
    en_us: `The summary can be at most ${SUMMARY_MAX} characters.`,
  },
  contact_invalid: {
    zh_cn: '经办人须为飞书用户。',
    en_us: 'The contact must be a Feishu user.',
  },
} satisfies Record<string, I18nText>;
type ErrorCode = keyof typeof MESSAGES;

function messageFor(code: string, codes: string[] = []): I18nText {
  const text: I18nText = code in MESSAGES ? MESSAGES[code as ErrorCode] : MESSAGES.invalid_value;
  const fill = (s: string) => s.replace('{codes}', codes.join(', '));
  return { zh_cn: fill(text.zh_cn), en_us: fill(text.en_us) };
}

/** Pickers and inputs send `""` (or `[]`) for "nothing chosen"; treat that as absent. */
const blank = (v: unknown): unknown =>
  (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0)
    ? undefined
    : v;
const chars = (s: string) => Array.from(s).length; // code points, so one emoji is one character
const missingOr = (required: ErrorCode) => (iss: { input: unknown }) =>
  iss.input === undefined ? required : 'invalid_value';

const text = (max: number, tooLong: ErrorCode) =>
  z.preprocess(
    blank,
    z
      .string({ error: 'invalid_value' })
      .trim()
      .refine((s) => chars(s) <= max, tooLong)
      .optional(),
  );

const dateTime = (field: 'start_at' | 'end_at') =>
  z.preprocess(
    blank,
    z.string({ error: missingOr(`${field}_required`) }).transform((s, ctx) => {
      const date = parseFeishuDateTime(s);
      if (date) return date;
      ctx.issues.push({ code: 'custom', message: `${field}_invalid`, input: s });
      return z.NEVER;
    }),
  );

function fieldSchemas(unitCodes: readonly string[]) {
  return {
    title: z.preprocess(
      blank,
      z
        .string({ error: missingOr('title_required') })
        .trim()
        .refine((s) => chars(s) <= TITLE_MAX, 'title_too_long'),
    ),
    category: z.preprocess(
      (v) => blank(typeof v === 'number' ? String(v) : v),
      z
        .string({ error: missingOr('category_required') })
        .trim()
        .regex(/^(?:[1-9]|10)$/, 'category_invalid')
        .transform((s) => Number(s) as CategoryCode),
    ),
    unit: z.preprocess(
      blank,
      z
        .string({ error: missingOr('unit_required') })
        .trim()
        .refine((c) => unitCodes.includes(c), 'unit_unknown'),
    ),
    co_units: z.preprocess(
      (v) => blank(typeof v === 'string' ? [v] : v) ?? [],
      z
        .array(z.string({ error: 'invalid_value' }).trim(), { error: 'invalid_value' })
        .transform((codes) => [...new Set(codes.filter((c) => c !== ''))])
        .superRefine((codes, ctx) => {
          const unknown = codes.filter((c) => !unitCodes.includes(c));
          if (unknown.length > 0) {
            ctx.addIssue({
              code: 'custom',
              message: 'co_units_unknown',
              params: { codes: unknown },
            });
          }
        }),
    ),
    start_at: dateTime('start_at'),
    end_at: dateTime('end_at'),
    location: text(LOCATION_MAX, 'location_too_long'),
    summary: text(SUMMARY_MAX, 'summary_too_long'),
    contact: z.preprocess(
      (v) => blank(Array.isArray(v) && v.length === 1 ? v[0] : v),
      z
        .string({ error: 'contact_invalid' })
        .trim()
        .regex(/^ou_[A-Za-z0-9_-]+$/, 'contact_invalid')
        .optional(),
    ),
  };
}
type Schemas = ReturnType<typeof fieldSchemas>;
type Parsed = { [K in keyof Schemas]?: z.output<Schemas[K]> };

/** Parses each listed field on its own, so one bad field never hides another's error. */
function parseFields<F extends keyof Schemas>(
  raw: Record<string, unknown>,
  schemas: Schemas,
  fields: readonly F[],
): { parsed: Parsed; errors: FieldErrors<F> } {
  const parsed: Parsed = {};
  const errors: FieldErrors<F> = {};
  for (const field of fields) {
    const result = schemas[field].safeParse(raw[field]);
    if (result.success) {
      (parsed as Record<string, unknown>)[field] = result.data;
    } else {
      const issue = result.error.issues[0];
      const params = issue?.code === 'custom' ? issue.params : undefined;
      const codes = Array.isArray(params?.codes) ? (params.codes as string[]) : [];
      errors[field] = messageFor(issue?.message ?? 'invalid_value', codes);
    }
  }
  return { parsed, errors };
}

const asRecord = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/**
 * Validates the registration form. `unitCodes` is the directory's unit list (the domain holds no I/O);
 * `senderOpenId` becomes the contact when none was picked. Empty strings count as "not filled". An end equal
 * to the start is fine (a one-moment event); an end before it is an error on `end_at`.
 */
export function parseRegistrationForm(
  formValue: unknown,
  options: { unitCodes: string[]; senderOpenId: string },
): FormResult<RegistrationInput, RegistrationField> {
  const { parsed: p, errors } = parseFields(
    asRecord(formValue),
    fieldSchemas(options.unitCodes),
    REGISTRATION_FIELDS,
  );
  if (p.unit !== undefined && p.co_units?.includes(p.unit)) {
    errors.co_units = messageFor('co_units_same_as_unit');
  }
  if (p.start_at && p.end_at && p.end_at < p.start_at)
    errors.end_at = messageFor('end_before_start');
  const { title, category, unit, co_units, start_at, end_at } = p;
  if (Object.keys(errors).length > 0 || !title || !category || !unit || !start_at || !end_at) {
    return { ok: false, errors };
  }
  const value: RegistrationInput = {
    title,
    category,
    unit,
    coUnits: co_units ?? [],
    startAt: start_at,
    endAt: end_at,
    contact: p.contact ?? options.senderOpenId,
  };
  if (p.location !== undefined) value.location = p.location;
  if (p.summary !== undefined) value.summary = p.summary;
  return { ok: true, value };
}

/**
 * Validates an edit form: a field that is absent is unchanged; the rules are the registration's. The title
 * cannot be blanked; a blank location or summary clears it (`null`); blank dates or category are unchanged.
 * Pass `current` dates to check a changed start or end against the other one already stored.
 */
export function parseActivityEdit(
  formValue: unknown,
  options: { current?: { startAt: Date; endAt: Date } } = {},
): FormResult<ActivityEdit, EditField> {
  const raw = asRecord(formValue);
  const keepIfBlank = (f: EditField) => f === 'title' || f === 'location' || f === 'summary';
  const present = EDIT_FIELDS.filter(
    (f) => (keepIfBlank(f) ? raw[f] : blank(raw[f])) !== undefined,
  );
  const { parsed: p, errors } = parseFields(raw, fieldSchemas([]), present);
  const value: ActivityEdit = {};
  if (p.title !== undefined) value.title = p.title;
  if (p.category !== undefined) value.category = p.category;
  if (p.start_at) value.startAt = p.start_at;
  if (p.end_at) value.endAt = p.end_at;
  if (present.includes('location') && !errors.location) value.location = p.location ?? null;
  if (present.includes('summary') && !errors.summary) value.summary = p.summary ?? null;
  const start = value.startAt ?? options.current?.startAt;
  const end = value.endAt ?? options.current?.endAt;
  if ((value.startAt || value.endAt) && start && end && end < start) {
    errors[value.endAt ? 'end_at' : 'start_at'] = messageFor('end_before_start');
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}
