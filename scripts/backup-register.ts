import { resolve } from 'node:path';
import type { SealedPurpose } from '../src/db/backup-custody-repo';
import { bagSize } from '../src/domain/bagit';
import { formatInTz } from '../src/domain/deadline';
import { writeRegisterXlsx } from '../src/services/backup/register-xlsx';
import { approveSealedAccess } from '../src/services/backup/sealed-access';
import {
  complianceLine,
  openBackupCli,
  parseCli,
  runBackupCli,
  UsageError,
  type BackupCli,
} from './lib/backup-cli';

const USAGE = `usage: npm run backup:register -- [--xlsx <file> [--review <year>]]
       npm run backup:register -- --approve <target id | bag id> --purpose verify,restore,repair,offsite,drill --by <open_id> --reason "…" [--until YYYY-MM-DD]
       npm run backup:register -- --handover <target id | *> --to <open_id> [--from <open_id>] [--note "…"]`;

const PURPOSES: SealedPurpose[] = ['verify', 'restore', 'repair', 'offsite', 'drill'];

async function printRegister(cli: BackupCli): Promise<void> {
  const { ctx } = cli;
  console.log(complianceLine(ctx));
  for (const e of (await ctx.repo.list()).reverse()) {
    const confirmed = e.confirmedAt
      ? `confirmed ${formatInTz(e.confirmedAt, ctx.tz)}`
      : 'PENDING keeper confirmation';
    const fixity = e.lastFixity
      ? `, last check ${e.lastFixity.ok ? 'ok' : 'FAILED'} ${formatInTz(e.lastFixity.at, ctx.tz)}`
      : '';
    console.log(
      `${formatInTz(e.createdAt, ctx.tz)}  ${e._id}  ${e.kind}/${e.role}  ${e.files} files ${bagSize(e.bytes)}  keeper ${ctx.nameOf(e.keeper)}, ${confirmed}${e.seal ? `, seal ${e.seal.number}` : ''}${fixity}`,
    );
  }
}

async function approve(cli: BackupCli, v: Record<string, string | undefined>): Promise<void> {
  const { ctx } = cli;
  const purposes = (v.purpose ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean) as SealedPurpose[];
  if (!v.by || !v.reason || purposes.length === 0 || purposes.some((p) => !PURPOSES.includes(p))) {
    throw new UsageError(
      `--approve needs --purpose (${PURPOSES.join(',')}), --by and --reason\n${USAGE}`,
    );
  }
  const entry = await ctx.repo.entry(v.approve!);
  const targetId = entry?.targetId ?? v.approve!;
  const until = v.until ? new Date(`${v.until}T23:59:59+08:00`) : undefined;
  if (until && Number.isNaN(until.getTime()))
    throw new UsageError(`--until must be YYYY-MM-DD\n${USAGE}`);
  const id = await approveSealedAccess(
    ctx,
    {
      targetId,
      ...(entry ? { bagId: entry._id } : {}),
      purposes,
      approvedBy: v.by,
      reason: v.reason,
      ...(until ? { until } : {}),
    },
    (id) => cli.isArchivist(id),
  );
  console.log(
    `approval ${id} recorded: ${purposes.join(', ')} on ${entry ? entry._id : `every bag of ${targetId}`}, approved by ${ctx.nameOf(v.by)}: ${v.reason}`,
  );
}

async function handover(cli: BackupCli, v: Record<string, string | undefined>): Promise<void> {
  const { ctx } = cli;
  const targetId = v.handover!;
  if (!v.to) throw new UsageError(`--handover needs --to <open_id>\n${USAGE}`);
  if (targetId !== '*' && !ctx.settings.targets.some((t) => t.id === targetId))
    throw new UsageError(`unknown target "${targetId}"`);
  if (!cli.dir.people.some((p) => p.openId === v.to) && !cli.isArchivist(v.to)) {
    throw new UsageError(
      `${v.to} is not in the directory; import them first (npm run directory:import)`,
    );
  }
  const from =
    v.from ??
    (await ctx.repo.currentKeeper(targetId)) ??
    ctx.settings.targets.find((t) => t.id === targetId)?.keeper ??
    ctx.settings.keeper;
  const moved = await ctx.repo.handOverKeeper({
    targetId,
    from,
    to: v.to,
    at: ctx.clock.now(),
    recordedBy: ctx.actor,
    ...(v.note ? { note: v.note } : {}),
  });
  console.log(
    `keeper of ${targetId === '*' ? 'the register' : targetId}: ${ctx.nameOf(from)} → ${ctx.nameOf(v.to)}; ${moved} entr(ies) handed over (unconfirmed ones go to the new keeper)`,
  );
}

/**
 * `npm run backup:register` prints the register (备份登记表); `--xlsx` writes it as a spreadsheet
 * (with `--review <year>`: the yearly review first, every sheet limited to that year); `--approve`
 * records an approval to read a sealed copy; `--handover` records a keeper hand-over with both names.
 */
runBackupCli(async () => {
  const { values } = parseCli(USAGE, {
    xlsx: { type: 'string' },
    review: { type: 'string' },
    approve: { type: 'string' },
    purpose: { type: 'string' },
    by: { type: 'string' },
    reason: { type: 'string' },
    until: { type: 'string' },
    handover: { type: 'string' },
    to: { type: 'string' },
    from: { type: 'string' },
    note: { type: 'string' },
  });
  const year = values.review ? Number(values.review) : undefined;
  if (values.review && !/^\d{4}$/.test(values.review))
    throw new UsageError(`--review takes a year\n${USAGE}`);
  if (values.review && !values.xlsx)
    throw new UsageError(`--review goes with --xlsx <file>\n${USAGE}`);
  const cli = await openBackupCli();
  try {
    if (values.approve) return void (await approve(cli, values));
    if (values.handover) return void (await handover(cli, values));
    if (values.xlsx) {
      const file = resolve(values.xlsx);
      await writeRegisterXlsx(cli.ctx, file, year);
      console.log(`register${year ? ` and ${year} review` : ''} written to ${file}`);
      return;
    }
    await printRegister(cli);
  } finally {
    await cli.close();
  }
});
