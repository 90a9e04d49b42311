import type { Connection } from 'mongoose';
import type { AppDeps } from '../../app/deps';
import { loadBackupTargets, type BackupSettings } from '../../config/backup-targets';
import { BackupCustodyRepo } from '../../db/backup-custody-repo';
import { BackupRepo } from '../../db/backup-repo';
import { BackupStoreRepo } from '../../db/backup-store-repo';
import type { Clock } from '../../lib/clock';
import type { Logger } from '../../lib/logger';
import type { BlobScanOptions } from './blob-export';
import type { ProgressSink } from './progress';

/** Everything the backup services use: configuration, repositories, time, who is acting. */
export interface BackupContext {
  settings: BackupSettings;
  repo: BackupRepo;
  custody: BackupCustodyRepo;
  store: BackupStoreRepo;
  clock: Clock;
  log: Logger;
  tz: string;
  /** Who runs the tool: `job:<name>` or `cli:<user>@<host>`; recorded on events and access logs. */
  actor: string;
  progress?: ProgressSink;
  /** A display name for an open_id (the directory's name), for bag-info and spreadsheets. */
  nameOf: (openId: string) => string;
  /** Tests inject faults while bytes are written. */
  hooks?: { beforeChunk?: BlobScanOptions['beforeChunk'] };
  /** Lease of a run without heartbeat; default 5 minutes (heartbeats every 30 s). */
  leaseMs?: number;
}

/** The backup repositories on one connection. */
export function backupRepos(conn: Connection) {
  return {
    repo: new BackupRepo(conn),
    custody: new BackupCustodyRepo(conn),
    store: new BackupStoreRepo(conn),
  };
}

/** A context for a job: undefined when BACKUP_TARGETS_FILE is not set (backups not configured). */
export async function backupContextFor(
  deps: AppDeps,
  actor: string,
  log: Logger,
): Promise<BackupContext | undefined> {
  const file = deps.config.backupTargetsFile;
  if (!file) return undefined;
  const settings = loadBackupTargets(file);
  const dir = await deps.directory.load();
  const names = new Map(dir.people.map((p) => [p.openId, p.name ?? p.openId]));
  return {
    settings,
    repo: deps.repos.backup,
    custody: deps.repos.backupCustody,
    store: deps.repos.backupStore,
    clock: deps.clock,
    log,
    tz: deps.config.tz,
    actor,
    nameOf: (id) => names.get(id) ?? id,
  };
}

/** Another run holds the scope; says who and since when. */
export class BackupBusyError extends Error {
  constructor(
    readonly scope: string,
    readonly holder: string,
    readonly since: Date,
  ) {
    super(
      `another ${scope} run is in progress (${holder}, since ${since.toISOString()}); try again when it ends`,
    );
    this.name = 'BackupBusyError';
  }
}

const HEARTBEAT_MS = 30_000;

/**
 * Runs `fn` holding the scope's lease (`backup`, `fixity`, `drill`): a second run at the same time
 * gets BackupBusyError. The lease is kept alive by heartbeats and released however `fn` ends.
 */
export async function withLease<T>(
  ctx: BackupContext,
  scope: string,
  fn: () => Promise<T>,
): Promise<T> {
  const lease = await ctx.repo.acquire(
    scope,
    ctx.actor,
    ctx.clock.now(),
    ctx.leaseMs ?? 5 * 60_000,
  );
  if (!lease.taken) throw new BackupBusyError(scope, lease.holder, lease.since);
  const timer = setInterval(() => {
    ctx.repo.heartbeat(lease.runId, ctx.clock.now()).catch((err: unknown) => {
      ctx.log.warn({ err, scope }, 'backup.heartbeat_failed');
    });
  }, HEARTBEAT_MS);
  timer.unref();
  let status: 'done' | 'failed' = 'failed';
  try {
    const result = await fn();
    status = 'done';
    return result;
  } finally {
    clearInterval(timer);
    await ctx.repo.release(lease.runId, status, ctx.clock.now());
  }
}
