import { hostname, userInfo } from 'node:os';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, loadCliConfig, type CliConfig } from '../../src/config/env';
import {
  BackupConfigError,
  complianceOf,
  loadBackupTargets,
} from '../../src/config/backup-targets';
import { readEnvFile } from '../../src/config/load-env-file';
import type { Database } from '../../src/db/connection';
import { DirectoryRepo } from '../../src/db/directory-repo';
import type { Directory } from '../../src/domain/directory';
import { displayName, rolesOf } from '../../src/domain/roles';
import { systemClock } from '../../src/lib/clock';
import { BagWriteError } from '../../src/services/backup/bag-writer';
import {
  BackupBusyError,
  backupRepos,
  type BackupContext,
} from '../../src/services/backup/context';
import { terminalProgress } from '../../src/services/backup/progress';
import { RestoreRefusedError } from '../../src/services/backup/restore';
import { SealedAccessError } from '../../src/services/backup/sealed-access';
import { CliError, openCliDatabase } from './cli';

/** A wrong command line: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/** Parses argv with node's parser; a problem is a UsageError carrying the usage text. */
export function parseCli<T extends NonNullable<ParseArgsConfig['options']>>(
  usage: string,
  options: T,
  argv = process.argv.slice(2),
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`${err instanceof Error ? err.message : String(err)}\n${usage}`);
  }
}

/** Who runs a command line tool, for the register and the sealed-copy access log. */
export const cliActor = (): string => `cli:${userInfo().username}@${hostname()}`;

export interface BackupCli {
  ctx: BackupContext;
  db: Database;
  config: CliConfig;
  dir: Directory;
  /** True when the open_id is an archivist or admin in the directory. */
  isArchivist(openId: string): boolean;
  close(): Promise<void>;
}

/** The targets file from BACKUP_TARGETS_FILE, validated (problems listed one per line). */
export function cliSettings(config: CliConfig) {
  if (!config.backupTargetsFile) {
    throw new CliError(
      'BACKUP_TARGETS_FILE is not set: name the backup targets file in .env (README "Backup and preservation")',
    );
  }
  try {
    return loadBackupTargets(config.backupTargetsFile);
  } catch (err) {
    if (err instanceof BackupConfigError) throw new CliError(err.message);
    throw err;
  }
}

/** Opens the bot's database and the backup configuration for a command line tool. */
export async function openBackupCli(): Promise<BackupCli> {
  let config: CliConfig;
  try {
    config = loadCliConfig(readEnvFile(process.env));
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message);
    throw err;
  }
  const settings = cliSettings(config);
  const { db, log } = await openCliDatabase();
  const dir = await new DirectoryRepo(db.connection).load();
  const ctx: BackupContext = {
    settings,
    ...backupRepos(db.connection),
    clock: systemClock,
    log,
    tz: config.tz,
    actor: cliActor(),
    progress: terminalProgress(),
    nameOf: (id) => displayName(id, dir),
  };
  return {
    ctx,
    db,
    config,
    dir,
    isArchivist: (id) => {
      const r = rolesOf(id, dir);
      return r.archivist || r.admin;
    },
    close: () => db.close(),
  };
}

/** One line on the compliance of the target set (异地异质). */
export function complianceLine(ctx: BackupContext): string {
  const c = complianceOf(ctx.settings.targets);
  const extra = c.extraCopies.length
    ? `; extra copies: ${c.extraCopies.map((e) => `${e.id} (${e.priorities.join(', ')})`).join(', ')}`
    : '';
  return `targets: ${c.useCopies} use, ${c.sealedCopies} sealed; off-site (异地): ${c.offsite ? `yes (${c.offsitePlaces.join(', ')})` : 'NO'}; different media (异质): ${c.differentMedia ? `yes (${c.media.join(', ')})` : 'NO'} → ${c.compliant ? 'compliant' : 'NOT compliant'}${extra}`;
}

const EXPECTED = [CliError, BackupBusyError, SealedAccessError, BagWriteError, RestoreRefusedError];

/**
 * Runs a backup tool's main: a usage problem exits 2 with the usage, an expected refusal or failure
 * exits 1 with one clear line, anything else exits 1 with its message.
 */
export function runBackupCli(main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (err: unknown) => {
      if (err instanceof UsageError) {
        console.error(err.message);
        process.exit(2);
      }
      const known = EXPECTED.some((k) => err instanceof k);
      console.error(
        known
          ? (err as Error).message
          : `error: ${err instanceof Error ? err.message : String(err)}`,
      );
      process.exit(1);
    },
  );
}
