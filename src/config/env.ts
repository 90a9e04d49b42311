import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { archiveConfig, archiveEnvShape, type ArchiveConfig } from './archive';

const ROLE_NAMES = ['web', 'worker', 'jobs'] as const;
export type ProcessRole = (typeof ROLE_NAMES)[number];

const secret = (name: string) =>
  z.string({ error: `${name} is required` }).min(1, `${name} is required`);

/** Feishu's own names map to the SDK's domains; anything else must be an http(s) base URL (the simulator). */
const feishuDomain = z
  .string()
  .default('feishu')
  .transform((value, ctx) => {
    if (value === 'feishu') return 'https://open.feishu.cn';
    if (value === 'lark') return 'https://open.larksuite.com';
    try {
      const url = new URL(value);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
      return value.replace(/\/+$/, '');
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be feishu, lark or an http(s) base URL' });
      return z.NEVER;
    }
  });

const roles = z
  .string()
  .default('web,worker,jobs')
  .transform((value) =>
    value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(ROLE_NAMES)).min(1, 'name at least one of web, worker, jobs'));

const timezone = z
  .string()
  .default('Asia/Shanghai')
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Asia/Shanghai');

/** Optional JSON object job name → cron expression; names and expressions are checked by the scheduler. */
const jobSchedules = z
  .string()
  .optional()
  .transform((value, ctx): unknown => {
    if (value === undefined || value.trim() === '') return {};
    try {
      return JSON.parse(value);
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: 'must be a JSON object of job name → cron expression',
      });
      return z.NEVER;
    }
  })
  .pipe(
    z.record(z.string(), z.string().min(1), 'must be a JSON object of job name → cron expression'),
  );

/** Every variable the bot reads, validated once at start. */
export const envSchema = z.object({
  FEISHU_APP_ID: z
    .string({ error: 'FEISHU_APP_ID is required' })
    .regex(/^cli_[0-9a-zA-Z]+$/, 'must look like cli_0123456789abcdef'),
  FEISHU_APP_SECRET: secret('FEISHU_APP_SECRET'),
  FEISHU_VERIFICATION_TOKEN: secret('FEISHU_VERIFICATION_TOKEN'),
  FEISHU_ENCRYPT_KEY: secret('FEISHU_ENCRYPT_KEY'),
  FEISHU_DOMAIN: feishuDomain,
  FEISHU_EVENT_MODE: z.enum(['webhook', 'websocket']).default('webhook'),
  MONGODB_URI: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined))
    .refine(
      (v) => v === undefined || /^mongodb(\+srv)?:\/\//.test(v),
      'must start with mongodb:// or mongodb+srv://',
    ),
  DATA_DIR: z.string().min(1).default('./.data'),
  FERRETDB_BIN: z.string().optional(),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  BUSINESS_TZ: timezone,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ROLES: roles,
  INBOX_LEASE_MS: z.coerce.number().int().min(1000).default(60_000),
  INBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  INBOX_POLL_MS: z.coerce.number().int().min(10).default(500),
  WEBHOOK_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  JOB_SCHEDULES: jobSchedules,
  INTAKE_BATCH_WINDOW_SECONDS: z.coerce.number().int().min(0).max(3600).default(20),
  REMINDER_QUIET_HOURS: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, 'must look like 21:00-08:00')
    .default('21:00-08:00'),
  REMINDER_WEEKENDS_QUIET: z.enum(['true', 'false']).default('false'),
  REMINDER_HOUR: z.coerce.number().int().min(0).max(23).default(9),
  REMINDER_OVERDUE_EVERY_WORKDAYS: z.coerce.number().int().min(1).max(20).default(2),
  BACKUP_TARGETS_FILE: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined)),
  COLLEGE_CALENDAR_FILE: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined)),
  MIGRATE_ON_START: z.enum(['true', 'false']).default('false'),
  METRICS_TOKEN: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined))
    .refine((v) => v === undefined || v.length >= 16, 'must be at least 16 characters'),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  METRICS_PORT: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() !== '' ? Number(v) : undefined))
    .refine(
      (v) => v === undefined || (Number.isInteger(v) && v >= 0 && v <= 65535),
      'must be a port number',
    ),
  ...archiveEnvShape,
  CONSOLE_PUBLIC_URL: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() !== '' ? v.trim().replace(/\/+$/, '') : undefined))
    .refine(
      (v) => v === undefined || /^https?:\/\/[^/]+$/.test(v),
      'must be the origin people open, e.g. https://archive.example.edu.cn (no path)',
    ),
  CONSOLE_SESSION_SECRET: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() !== '' ? v : undefined))
    .refine((v) => v === undefined || v.length >= 32, 'must be at least 32 characters'),
  CONSOLE_SESSION_HOURS: z.coerce.number().int().min(1).max(720).default(12),
});

export type Env = z.infer<typeof envSchema>;

/** The typed, frozen configuration passed down to every part of the bot. */
export interface Config {
  feishu: {
    appId: string;
    appSecret: string;
    verificationToken: string;
    encryptKey: string;
    domain: string;
    eventMode: 'webhook' | 'websocket';
  };
  mongodbUri: string | undefined;
  dataDir: string;
  ferretdbBin: string | undefined;
  host: string;
  port: number;
  tz: string;
  logLevel: Env['LOG_LEVEL'];
  roles: ProcessRole[];
  inbox: { leaseMs: number; maxAttempts: number; pollMs: number };
  webhookMaxBodyBytes: number;
  /** Cron overrides by job name (JOB_SCHEDULES); jobs not named keep their default schedule. */
  jobSchedules: Readonly<Record<string, string>>;
  /** Messages from one sender closer than this form one batch with one acknowledgement. */
  intakeBatchWindowSeconds: number;
  /** When deadline reminders may go out (domain/reminders.ts ReminderPolicy, without the zone). */
  reminders: {
    quietStart: string;
    quietEnd: string;
    weekendsQuiet: boolean;
    dueDayHour: number;
    overdueEveryWorkdays: number;
  };
  /** The backup targets file (src/config/backup-targets.ts); unset = backups not configured. */
  backupTargetsFile: string | undefined;
  /** The college's calendar file (src/config/college-calendar.ts); unset = State Council days only. */
  collegeCalendarFile: string | undefined;
  /** Archive numbers, transfer lists and assessment rules (src/config/archive.ts). */
  archive: ArchiveConfig;
  /** The web console under /console (src/console). */
  console: {
    /** The origin people open (sign-in redirect URL, secure cookies); unset = taken from each request. */
    publicUrl: string | undefined;
    /** Signs session and sign-in cookies; unset = derived from the app secret. */
    sessionSecret: string;
    sessionHours: number;
  };
  /** Run pending database migrations at start (else the server refuses to start while any is due). */
  migrateOnStart: boolean;
  /**
   * /metrics: off unless a token (bearer, on the main HTTP server) or a port of its own is set; on its
   * own port the token is still required when set.
   */
  metrics: { token: string | undefined; host: string; port: number | undefined };
}

/** Thrown with one line per problem; values are never included, so secrets cannot leak. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Parses the environment once; throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const key = issue.path.join('.') || '(environment)';
      const message =
        issue.code === 'invalid_type' && env[key] === undefined ? 'is required' : issue.message;
      return `${key}: ${message.replace(new RegExp(`^${key} `), '')}`;
    });
    throw new ConfigError(problems);
  }
  const e = result.data;
  if (e.METRICS_PORT !== undefined && !e.METRICS_TOKEN && !isLoopback(e.METRICS_HOST)) {
    throw new ConfigError([
      'METRICS_HOST: a metrics listener outside the loopback needs METRICS_TOKEN',
    ]);
  }
  return Object.freeze({
    feishu: Object.freeze({
      appId: e.FEISHU_APP_ID,
      appSecret: e.FEISHU_APP_SECRET,
      verificationToken: e.FEISHU_VERIFICATION_TOKEN,
      encryptKey: e.FEISHU_ENCRYPT_KEY,
      domain: e.FEISHU_DOMAIN,
      eventMode: e.FEISHU_EVENT_MODE,
    }),
    mongodbUri: e.MONGODB_URI,
    dataDir: e.DATA_DIR,
    ferretdbBin: e.FERRETDB_BIN,
    host: e.HOST,
    port: e.PORT,
    tz: e.BUSINESS_TZ,
    logLevel: e.LOG_LEVEL,
    roles: e.ROLES,
    inbox: Object.freeze({
      leaseMs: e.INBOX_LEASE_MS,
      maxAttempts: e.INBOX_MAX_ATTEMPTS,
      pollMs: e.INBOX_POLL_MS,
    }),
    webhookMaxBodyBytes: e.WEBHOOK_MAX_BODY_BYTES,
    jobSchedules: Object.freeze({ ...e.JOB_SCHEDULES }),
    intakeBatchWindowSeconds: e.INTAKE_BATCH_WINDOW_SECONDS,
    reminders: Object.freeze({
      quietStart: e.REMINDER_QUIET_HOURS.slice(0, 5),
      quietEnd: e.REMINDER_QUIET_HOURS.slice(6),
      weekendsQuiet: e.REMINDER_WEEKENDS_QUIET === 'true',
      dueDayHour: e.REMINDER_HOUR,
      overdueEveryWorkdays: e.REMINDER_OVERDUE_EVERY_WORKDAYS,
    }),
    backupTargetsFile: e.BACKUP_TARGETS_FILE,
    collegeCalendarFile: e.COLLEGE_CALENDAR_FILE,
    archive: archiveConfig(e),
    console: Object.freeze({
      publicUrl: e.CONSOLE_PUBLIC_URL,
      sessionSecret:
        e.CONSOLE_SESSION_SECRET ??
        createHmac('sha256', e.FEISHU_APP_SECRET).update('console-session-v1').digest('base64url'),
      sessionHours: e.CONSOLE_SESSION_HOURS,
    }),
    migrateOnStart: e.MIGRATE_ON_START === 'true',
    metrics: Object.freeze({ token: e.METRICS_TOKEN, host: e.METRICS_HOST, port: e.METRICS_PORT }),
  });
}

/** The variables whose values must never be printed. */
export const SECRET_VARIABLES = [
  'FEISHU_APP_SECRET',
  'FEISHU_VERIFICATION_TOKEN',
  'FEISHU_ENCRYPT_KEY',
  'MONGODB_URI',
  'METRICS_TOKEN',
  'CONSOLE_SESSION_SECRET',
] as const;

/** What command-line tools need: the database and time zone, not the Feishu credentials. */
export interface CliConfig {
  mongodbUri: string | undefined;
  dataDir: string;
  ferretdbBin: string | undefined;
  tz: string;
  backupTargetsFile: string | undefined;
}

/** Parses the database subset of the schema for CLIs (directory import, reports, backups). */
export function loadCliConfig(env: Record<string, string | undefined>): CliConfig {
  const result = envSchema
    .pick({
      MONGODB_URI: true,
      DATA_DIR: true,
      FERRETDB_BIN: true,
      BUSINESS_TZ: true,
      BACKUP_TARGETS_FILE: true,
    })
    .safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  return Object.freeze({
    mongodbUri: result.data.MONGODB_URI,
    dataDir: result.data.DATA_DIR,
    ferretdbBin: result.data.FERRETDB_BIN,
    tz: result.data.BUSINESS_TZ,
    backupTargetsFile: result.data.BACKUP_TARGETS_FILE,
  });
}
