import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { BackupEntryDoc } from '../src/db/backup-repo';
import { verifyEntry, type EntryCheck } from '../src/services/backup/fixity';
import { terminalProgress } from '../src/services/backup/progress';
import { verifyBagDir, type BagCheck } from '../src/services/backup/verify';
import { openBackupCli, parseCli, runBackupCli, UsageError } from './lib/backup-cli';

const USAGE = 'usage: npm run backup:verify -- <bag folder | bag id | target id> [--offline]';

function printCheck(label: string, c: BagCheck | undefined, ok: boolean, summary: string): void {
  console.log(`${ok ? 'OK     ' : 'FAILED '} ${label}: ${summary}`);
  if (!c) return;
  if (c.tagDigest) console.log(`        tag manifest SHA-256 ${c.tagDigest}`);
  for (const m of c.mismatched.slice(0, 50)) console.log(`        changed  ${m.path}`);
  for (const p of c.missing.slice(0, 50)) console.log(`        missing  ${p}`);
  for (const p of c.extra.slice(0, 50)) console.log(`        extra    ${p}`);
  for (const p of c.tagProblems) console.log(`        tag      ${p}`);
}

/**
 * `npm run backup:verify` recomputes every payload hash of a bag, checks completeness both ways and
 * Payload-Oxum, and records a fixity event on the register (a sealed copy needs a `verify` approval).
 * A target id verifies every bag of the target and names folders the register does not know.
 * `--offline` needs no database: what the off-site base runs on a delivered bag.
 */
runBackupCli(async () => {
  const { values, positionals } = parseCli(USAGE, { offline: { type: 'boolean', default: false } });
  if (positionals.length !== 1) throw new UsageError(USAGE);
  const arg = positionals[0]!;
  if (values.offline) {
    const c = await verifyBagDir(resolve(arg), { progress: terminalProgress() });
    printCheck(c.bagId, c, c.valid, c.summary);
    return c.valid ? 0 : 1;
  }
  const cli = await openBackupCli();
  try {
    const { ctx } = cli;
    const target = ctx.settings.targets.find((t) => t.id === arg);
    let entries: BackupEntryDoc[];
    if (target) {
      entries = (await ctx.repo.list({ targetId: target.id })).reverse();
      const known = new Set(entries.map((e) => e._id));
      const names = await readdir(target.path).catch(() => [] as string[]);
      for (const n of names.filter((x) => !x.startsWith('.') && !x.endsWith('.xlsx'))) {
        if (!known.has(n)) console.log(`NOTE    ${join(target.path, n)} is not on the register`);
      }
    } else {
      const byId =
        (await ctx.repo.entry(arg)) ?? (await ctx.repo.entry(resolve(arg).split('/').pop()!));
      if (!byId) {
        const c = await verifyBagDir(resolve(arg), { progress: ctx.progress! });
        printCheck(`${c.bagId} (not on the register; nothing recorded)`, c, c.valid, c.summary);
        return c.valid ? 0 : 1;
      }
      entries = [byId];
    }
    let failed = 0;
    for (const e of entries) {
      const r: EntryCheck = await verifyEntry(ctx, e);
      printCheck(e._id, r.check, r.ok, r.summary);
      if (!r.ok) failed += 1;
    }
    if (failed) console.log(`${failed} bag(s) failed; repair with npm run backup:repair -- <bag>`);
    return failed ? 1 : 0;
  } finally {
    await cli.close();
  }
});
