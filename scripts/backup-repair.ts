import { repairBag, repairStore } from '../src/services/backup/repair';
import { openBackupCli, parseCli, runBackupCli, UsageError } from './lib/backup-cli';

const USAGE = 'usage: npm run backup:repair -- <bag id | bag folder> | --store';

/**
 * `npm run backup:repair` replaces each damaged or missing file of a bag from another copy whose hash
 * matches (another bag, else the live store), moves extra files to quarantine, verifies the bag again
 * and records the repair. `--store` rewrites damaged files of the live store from a bag copy.
 */
runBackupCli(async () => {
  const { values, positionals } = parseCli(USAGE, { store: { type: 'boolean', default: false } });
  if (values.store === (positionals.length === 1) || positionals.length > 1)
    throw new UsageError(USAGE);
  const cli = await openBackupCli();
  try {
    if (values.store) {
      const r = await repairStore(cli.ctx);
      console.log(
        `live store: ${r.repaired.length} file(s) rewritten from backup, ${r.unrepaired.length} without a good copy`,
      );
      for (const id of r.unrepaired) console.log(`  not repaired: ${id}`);
      return r.unrepaired.length ? 1 : 0;
    }
    const r = await repairBag(cli.ctx, positionals[0]!);
    for (const x of r.repaired) console.log(`repaired  ${x.path}  ← ${x.from}`);
    for (const x of r.unrepaired) console.log(`NOT repaired  ${x.path}: ${x.why}`);
    for (const x of r.quarantined) console.log(`quarantined  ${x}`);
    console.log(r.summary);
    return r.validAfter ? 0 : 1;
  } finally {
    await cli.close();
  }
});
