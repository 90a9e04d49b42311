import { BACKUP_KINDS, type BackupKind } from '../src/domain/backup-rules';
import { bagSize } from '../src/domain/bagit';
import { loadItems, runBackup } from '../src/services/backup/run-backup';
import {
  complianceLine,
  openBackupCli,
  parseCli,
  runBackupCli,
  UsageError,
} from './lib/backup-cli';

const USAGE =
  'usage: npm run backup:run -- [--kind full|realtime|staged] [--target <id> ...] [--duplicates]';

/**
 * `npm run backup:run` writes one bag per target (default: a full backup to every target taking full
 * bags), after reporting content stored under more than one item for value assessment. Progress goes
 * to stderr; the bags, their digests and register ids to stdout.
 */
runBackupCli(async () => {
  const { values } = parseCli(USAGE, {
    kind: { type: 'string', default: 'full' },
    target: { type: 'string', multiple: true },
    duplicates: { type: 'boolean', default: false },
  });
  const kind = values.kind as BackupKind;
  if (!BACKUP_KINDS.includes(kind)) throw new UsageError(`unknown kind "${values.kind}"\n${USAGE}`);
  const cli = await openBackupCli();
  try {
    console.log(complianceLine(cli.ctx));
    const { duplicates } = await loadItems(cli.ctx);
    for (const g of duplicates) {
      console.log(
        `duplicate content ${g.sha256.slice(0, 12)}…: ${g.items.map((i) => `${i.id}${i.decision ? `=${i.decision}` : ''}`).join(', ')} (assess: npm run backup:assess -- --item <id> --keep|--exclude --reason …)`,
      );
    }
    if (values.duplicates) return duplicates.length ? 1 : 0;
    const result = await runBackup(cli.ctx, {
      kind,
      ...(values.target?.length ? { targetIds: values.target } : {}),
    });
    let failed = 0;
    for (const o of result.outcomes) {
      if (o.status === 'written') {
        const e = o.entry;
        console.log(
          `${o.targetId}: ${e._id} — ${e.files} files (${e.copied} copied, ${e.referenced} referenced), ${bagSize(e.bytes)}, tag manifest ${e.tagDigest}${e.seal ? `, seal ${e.seal.number}` : ''}; keeper ${cli.ctx.nameOf(e.keeper)} to confirm`,
        );
        for (const d of o.damaged)
          console.log(`  left out ${d.materialId}: stored bytes differ from its SHA-256`);
      } else if (o.status === 'nothing-new') {
        console.log(`${o.targetId}: nothing new since its last bag`);
      } else {
        failed += 1;
        console.log(`${o.targetId}: FAILED — ${o.error}`);
      }
    }
    if (result.deferred)
      console.log(`${result.deferred} item(s) left for the next run (byte budget)`);
    return failed ? 1 : 0;
  } finally {
    await cli.close();
  }
});
