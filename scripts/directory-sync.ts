import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { DirectoryRepo } from '../src/db/directory-repo';
import { DirectorySyncRepo } from '../src/db/directory-sync-repo';
import {
  applySyncPlan,
  formatSyncChanges,
  proposeSync,
  type SyncContext,
} from '../src/services/directory-sync';
import { CliError, openCliDatabase, runCli } from './lib/cli';
import { explainFeishuError, feishuApiFromEnv } from './lib/feishu';

const USAGE = 'usage: npm run directory:sync [-- --apply <plan id>]';

/** Asks on a terminal; anything but yes means no. */
async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^(y|yes|是)$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

function describeOutcome(outcome: Awaited<ReturnType<typeof applySyncPlan>>): string {
  switch (outcome.status) {
    case 'applied':
      return `applied ${outcome.plan.id}`;
    case 'already_applied':
      return `${outcome.plan.id} was already applied; nothing to do`;
    case 'discarded':
      throw new CliError(`${outcome.plan.id} was discarded; run npm run directory:sync again`);
    case 'stale':
      throw new CliError(
        `${outcome.plan.id} is out of date: the directory changed after it was proposed. Nothing was applied; run npm run directory:sync again.`,
      );
    case 'not_found':
      throw new CliError('no such plan; run npm run directory:sync to propose one');
  }
}

runCli(async () => {
  let values: { apply?: string };
  try {
    ({ values } = parseArgs({ options: { apply: { type: 'string' } }, allowPositionals: false }));
  } catch (err) {
    throw new CliError(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
  }
  const { db, log } = await openCliDatabase();
  try {
    const feishu = feishuApiFromEnv(log);
    if (!feishu.ok)
      throw new CliError(
        `directory:sync reads Feishu's contacts and needs the app credentials (as for npm start):\n${feishu.problems.map((p) => `  - ${p}`).join('\n')}`,
      );
    const ctx: SyncContext = {
      api: feishu.api,
      directory: new DirectoryRepo(db.connection),
      plans: new DirectorySyncRepo(db.connection),
    };
    if (values.apply) {
      console.log(describeOutcome(await applySyncPlan(ctx, values.apply, 'cli', new Date())));
      return;
    }
    const proposal = await proposeSync(ctx, 'cli', new Date(), (done, total) =>
      process.stderr.write(`\rreading the contacts: ${done}/${total} departments`),
    ).catch(explainFeishuError);
    process.stderr.write('\n');
    const names = new Map(
      [...proposal.changes.peopleAdded, ...proposal.changes.peopleChanged.map((c) => c.after)].map(
        (p) => [p.openId, p.name],
      ),
    );
    const known = (await ctx.directory.load()).people;
    for (const p of known) if (p.name && !names.has(p.openId)) names.set(p.openId, p.name);
    console.log(formatSyncChanges(proposal.changes, (id) => names.get(id) ?? id));
    if (proposal.empty) return;
    if (process.stdin.isTTY && (await confirm('Apply these changes? [y/N] '))) {
      console.log(describeOutcome(await applySyncPlan(ctx, proposal.planId, 'cli', new Date())));
      return;
    }
    console.log(
      `nothing applied. To apply exactly these changes: npm run directory:sync -- --apply ${proposal.planId}`,
    );
  } finally {
    await db.close();
  }
});
