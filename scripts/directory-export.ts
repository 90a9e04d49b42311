import { writeFile } from 'node:fs/promises';
import { DirectoryRepo } from '../src/db/directory-repo';
import { directoryToFile, formatDirectory } from '../src/services/directory-import';
import { openCliDatabase, runCli } from './lib/cli';

/** `npm run directory:export [-- <file.yaml|file.json>]`: writes the directory back, to stdout without a file. */
runCli(async () => {
  const target = process.argv[2];
  const { db } = await openCliDatabase();
  try {
    const file = directoryToFile(await new DirectoryRepo(db.connection).load());
    const text = formatDirectory(file, target?.toLowerCase().endsWith('.json') ? 'json' : 'yaml');
    if (target) {
      await writeFile(target, text);
      console.log(`wrote ${target}`);
    } else {
      process.stdout.write(text);
    }
  } finally {
    await db.close();
  }
});
