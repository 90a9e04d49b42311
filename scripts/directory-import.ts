import { z } from 'zod';
import { DirectoryRepo } from '../src/db/directory-repo';
import { resolveUserIds } from '../src/feishu/contacts';
import { importDirectoryFile, type PersonResolver } from '../src/services/directory-import';
import { CliError, openCliDatabase, runCli } from './lib/cli';
import { explainFeishuError, feishuApiFromEnv } from './lib/feishu';

const args = z.tuple([z.string().min(1)], {
  error: 'usage: npm run directory:import -- <file.yaml|file.json>',
});

runCli(async () => {
  const parsed = args.safeParse(process.argv.slice(2));
  if (!parsed.success)
    throw new CliError('usage: npm run directory:import -- <file.yaml|file.json>');
  const [file] = parsed.data;
  const { db, log } = await openCliDatabase();
  try {
    // People named by mobile or email are looked up in Feishu when the credentials are there.
    const feishu = feishuApiFromEnv(log);
    const resolver: PersonResolver | undefined = feishu.ok
      ? (refs) => resolveUserIds(feishu.api, refs).catch(explainFeishuError)
      : undefined;
    const result = await importDirectoryFile(
      file,
      new DirectoryRepo(db.connection),
      new Date(),
      resolver,
    );
    if (!result.ok) {
      throw new CliError(
        `${file}: nothing imported, ${result.problems.length} problem(s):\n${result.problems.map((p) => `  - ${p}`).join('\n')}`,
      );
    }
    console.log(
      `imported ${result.units} unit(s), ${result.people} person(s); ${result.deactivated} unit(s) no longer in the file marked inactive` +
        (result.resolved > 0 ? `; ${result.resolved} mobile number(s)/email(s) resolved` : ''),
    );
  } finally {
    await db.close();
  }
});
