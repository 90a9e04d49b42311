import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { config as readDotenv } from 'dotenv';

/**
 * Reads `.env` into the given environment when the file exists; variables already set win.
 * The only place besides tests and scripts that touches process.env is the process entry.
 */
export function readEnvFile(
  env: Record<string, string | undefined>,
  path = resolve(process.cwd(), '.env'),
): Record<string, string | undefined> {
  if (!existsSync(path)) return env;
  const parsed: Record<string, string> = {};
  readDotenv({ path, processEnv: parsed, quiet: true });
  return { ...parsed, ...env };
}
