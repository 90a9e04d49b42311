/**
 * `npm run report:assessment -- --year 2026 [--out report.xlsx]`: writes the yearly assessment of
 * units (the same XLSX the `评估` command sends: a summary sheet and one sheet per unit, plus the
 * draft notice) from the bot's database, scored by the rules file (ASSESSMENT_RULES_FILE).
 */
import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { loadArchiveConfig } from '../src/config/archive';
import { readEnvFile } from '../src/config/load-env-file';
import { ArchiveRepo } from '../src/db/archive-repo';
import { DirectoryRepo } from '../src/db/directory-repo';
import { HandoverRepo } from '../src/db/handover-repo';
import type { Connection } from 'mongoose';
import type { ArchiveConfig } from '../src/config/archive';
import {
  computeAssessment,
  writeAssessmentXlsx,
  type AssessmentResult,
} from '../src/services/handover/assessment';
import { reportFileName } from '../src/services/handover/assessment-report';
import { CliError, openCliDatabase, runCli } from './lib/cli';

const argsSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  out: z.string().min(1).optional(),
});

/** Parses `--year 2026 --out file.xlsx`. */
export function parseArgs(argv: string[]): z.infer<typeof argsSchema> {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(year|out)(?:=(.*))?$/.exec(argv[i]!);
    if (!m) throw new CliError(`unknown argument ${argv[i]}; use --year 2026 [--out file.xlsx]`);
    raw[m[1]!] = m[2] ?? argv[++i] ?? '';
  }
  const parsed = argsSchema.safeParse(raw);
  if (!parsed.success)
    throw new CliError('usage: npm run report:assessment -- --year 2026 [--out file.xlsx]');
  return parsed.data;
}

/** Computes the year's assessment and writes the XLSX to `out`. */
export async function writeAssessmentReport(
  conn: Connection,
  opts: { year: number; out: string; tz: string; archive: ArchiveConfig; now: Date },
): Promise<AssessmentResult> {
  const result = await computeAssessment(opts.year, {
    archives: new ArchiveRepo(conn),
    handover: new HandoverRepo(conn),
    directory: new DirectoryRepo(conn),
    archive: opts.archive,
    tz: opts.tz,
    now: opts.now,
  });
  const sink = createWriteStream(opts.out);
  const closed = new Promise<void>((res, rej) => sink.on('close', res).on('error', rej));
  await writeAssessmentXlsx(result, sink);
  await closed;
  return result;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const out = resolve(args.out ?? reportFileName(args.year));
  const { db, config } = await openCliDatabase();
  try {
    const archive = loadArchiveConfig(readEnvFile(process.env));
    const result = await writeAssessmentReport(db.connection, {
      year: args.year,
      out,
      tz: config.tz,
      archive,
      now: new Date(),
    });
    for (const r of result.rows) {
      console.log(
        `${String(r.rank).padStart(2)}. ${r.unitName}  ${r.score} 分（登记 ${r.registered}，按期 ${r.onTime}，逾期未交 ${r.overdueNotHandedOver}）`,
      );
    }
    console.log(`wrote ${out}`);
  } finally {
    await db.close();
  }
}

if (require.main === module) runCli(main);
