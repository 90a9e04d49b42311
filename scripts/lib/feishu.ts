import { envSchema } from '../../src/config/env';
import { readEnvFile } from '../../src/config/load-env-file';
import { FeishuApi } from '../../src/feishu/api';
import { MissingScopeError } from '../../src/feishu/contacts';
import { createSdkClient } from '../../src/feishu/sdk-client';
import { registerSecret, type Logger } from '../../src/lib/logger';
import { CliError } from './cli';

const feishuEnv = envSchema.pick({
  FEISHU_APP_ID: true,
  FEISHU_APP_SECRET: true,
  FEISHU_DOMAIN: true,
});

/**
 * A Feishu API client for commands that read the contacts, from the same variables as `npm start`
 * (only the app id, secret and domain). `undefined` with the problems when they are not set.
 */
export function feishuApiFromEnv(
  log: Logger,
): { ok: true; api: FeishuApi } | { ok: false; problems: string[] } {
  const parsed = feishuEnv.safeParse(readEnvFile(process.env));
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    };
  }
  registerSecret(parsed.data.FEISHU_APP_SECRET);
  const { client, cache } = createSdkClient({
    appId: parsed.data.FEISHU_APP_ID,
    appSecret: parsed.data.FEISHU_APP_SECRET,
    domain: parsed.data.FEISHU_DOMAIN,
    logger: log,
  });
  return { ok: true, api: new FeishuApi(client, cache, log) };
}

/** The CLI's words for a missing scope: which one, where to add it, and that nothing changed. */
export function missingScopeMessage(err: MissingScopeError): string {
  return (
    `Feishu refused to read the contacts: the app lacks the scope ${err.scopes.join(' (or ')}${err.scopes.length > 1 ? ')' : ''}.\n` +
    'Add it in the developer console (权限管理 → 开通权限), publish a new version of the app, and run again. Nothing was changed.'
  );
}

/** Rethrows a missing scope as a one-line CLI error; anything else unchanged. */
export function explainFeishuError(err: unknown): never {
  if (err instanceof MissingScopeError) throw new CliError(missingScopeMessage(err));
  throw err;
}
