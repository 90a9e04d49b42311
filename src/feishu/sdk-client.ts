import * as lark from '@larksuiteoapi/node-sdk';
import type { Logger } from '../lib/logger';
import { scrubSecrets } from '../lib/logger';

/** The SDK types its cache keys with the `Symbol` wrapper type. */
type CacheKey = Parameters<lark.Cache['get']>[0];

/** A token cache of our own: the SDK's default is a module-global shared by every Client in the process. */
export class TokenCache implements lark.Cache {
  private readonly entries = new Map<string, { value: unknown; expireAt: number }>();

  private key(key: CacheKey, namespace?: string): string {
    return `${namespace ?? ''}:${String(key)}`;
  }

  set = (
    key: CacheKey,
    value: unknown,
    expire?: number,
    options?: { namespace?: string },
  ): Promise<boolean> => {
    this.entries.set(this.key(key, options?.namespace), {
      value,
      expireAt: expire ?? Number.POSITIVE_INFINITY,
    });
    return Promise.resolve(true);
  };

  get = (key: CacheKey, options?: { namespace?: string }): Promise<unknown> => {
    const k = this.key(key, options?.namespace);
    const entry = this.entries.get(k);
    if (!entry) return Promise.resolve(undefined);
    if (entry.expireAt < Date.now()) {
      this.entries.delete(k);
      return Promise.resolve(undefined);
    }
    return Promise.resolve(entry.value);
  };

  /** Forgets every token (after the platform calls one invalid). */
  clear(): void {
    this.entries.clear();
  }
}

/**
 * Bridges the SDK's logger to pino. The SDK logs raw AxiosErrors whose `config.data` holds the app
 * secret when a token request fails, so every argument is reduced to a short, scrubbed string.
 */
export function sdkLoggerBridge(log: Logger): lark.Logger {
  const render = (args: unknown[]): string =>
    scrubSecrets(
      args
        .flat()
        .map((arg) => {
          if (arg instanceof Error) {
            const status = (arg as { response?: { status?: number } }).response?.status;
            return `${arg.name}: ${arg.message}${status ? ` (HTTP ${status})` : ''}`;
          }
          if (typeof arg === 'string') return arg;
          try {
            return JSON.stringify(arg, (key, value: unknown) =>
              /secret|token|authorization/i.test(key) ? '[redacted]' : value,
            );
          } catch {
            return String(arg);
          }
        })
        .join(' ')
        .slice(0, 2000),
    );
  return {
    error: (...args: unknown[]) => log.error({ sdk: render(args) }, 'feishu.sdk.error'),
    warn: (...args: unknown[]) => log.warn({ sdk: render(args) }, 'feishu.sdk.warn'),
    info: (...args: unknown[]) => log.debug({ sdk: render(args) }, 'feishu.sdk.info'),
    debug: (...args: unknown[]) => log.trace({ sdk: render(args) }, 'feishu.sdk.debug'),
    trace: (...args: unknown[]) => log.trace({ sdk: render(args) }, 'feishu.sdk.trace'),
  };
}

export interface SdkClientOptions {
  appId: string;
  appSecret: string;
  domain: string;
  logger: Logger;
  cache?: TokenCache;
}

/** The node-sdk Client built from config, with its own cache and a redacting logger. */
export function createSdkClient(opts: SdkClientOptions): {
  client: lark.Client;
  cache: TokenCache;
} {
  const cache = opts.cache ?? new TokenCache();
  const client = new lark.Client({
    appId: opts.appId,
    appSecret: opts.appSecret,
    domain: opts.domain,
    cache,
    logger: sdkLoggerBridge(opts.logger),
    loggerLevel: lark.LoggerLevel.warn,
  });
  return { client, cache };
}
