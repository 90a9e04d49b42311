import { z } from 'zod';
import { DirectoryRepo } from '../src/db/directory-repo';
import { importDirectoryFile } from '../src/services/directory-import';
import { CliError, openCliDatabase, runCli } from './lib/cli';

const args = z.tuple([z.string().min(1)], {
  error: 'usage: npm run directory:import -- <file.yaml|file.json>',
});

runCli(async () => {
  const parsed = args.safeParse(process.argv.slice(2));
  if (!parsed.success)
    throw new CliError('usage: npm run directory:import -- <file.yaml|file.json>');
  const [file] = parsed.data;
  const { db } = await openCliDatabase();
  try {
    const result = await importDirectoryFile(file, new DirectoryRepo(db.connection), new Date());
    if (!result.ok) {
      throw new CliError(
        `${file}: nothing imported, ${result.problems.length} problem(s):\n${result.problems.map((p) => `  - ${p}`).join('\n')}`,
      );
    }
    console.log(
      `imported ${result.units} unit(s), ${result.people} person(s); ${result.deactivated} unit(s) no longer in the file marked inactive`,
    );
  } finally {
    await db.close();
  }
});
