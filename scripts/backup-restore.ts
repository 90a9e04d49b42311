import { resolve } from 'node:path';
import { restoreBag } from '../src/services/backup/restore';
import { openBackupCli, parseCli, runBackupCli, UsageError } from './lib/backup-cli';

const USAGE = 'usage: npm run backup:restore -- <bag folder> --into <mongodb://host:port/database>';

/**
 * `npm run backup:restore` restores a bag's catalogue and files into an empty database (it refuses a
 * database holding anything), then reads every record and file back and compares them with the bag.
 * A sealed copy needs a `restore` approval on the register.
 */
runBackupCli(async () => {
  const { values, positionals } = parseCli(USAGE, { into: { type: 'string' } });
  if (positionals.length !== 1 || !values.into) throw new UsageError(USAGE);
  if (!/^mongodb(\+srv)?:\/\//.test(values.into))
    throw new UsageError(`--into must be a mongodb:// URI\n${USAGE}`);
  const cli = await openBackupCli();
  try {
    const r = await restoreBag(cli.ctx, resolve(positionals[0]!), values.into);
    for (const [name, n] of Object.entries(r.collections)) console.log(`  ${name}: ${n}`);
    console.log(`restored ${r.bagId} into ${r.database}: ${r.files} file(s), ${r.bytes} bytes`);
    for (const p of r.problems.slice(0, 50)) console.log(`  PROBLEM ${p}`);
    console.log(
      r.verified
        ? 'verified: every record and every SHA-256 equal to the bag'
        : `NOT verified: ${r.problems.length} problem(s)`,
    );
    return r.verified ? 0 : 1;
  } finally {
    await cli.close();
  }
});
