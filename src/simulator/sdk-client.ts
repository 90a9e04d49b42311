import * as lark from '@larksuiteoapi/node-sdk';

/** The SDK's cache interface (token cache), as accepted by `new lark.Client({ cache })`. */
export type SdkCache = NonNullable<ConstructorParameters<typeof lark.Client>[0]['cache']>;

/**
 * A fresh in-memory token cache. The SDK's default cache is module-global (shared by every Client
 * in the process), so tests give each Client its own to avoid token bleed between simulators.
 */
export function memoryCache(): SdkCache {
  const values = new Map<string, { value: unknown; expireAt?: number }>();
  const keyOf = (key: string | symbol, ns?: string) => `${ns ?? ''}/${String(key)}`;
  return {
    get: (key, options) => {
      const hit = values.get(keyOf(key as string | symbol, options?.namespace));
      const fresh = hit && (hit.expireAt === undefined || hit.expireAt > Date.now());
      return Promise.resolve(fresh ? hit.value : undefined);
    },
    set: (key, value, expireAt, options) => {
      values.set(keyOf(key as string | symbol, options?.namespace), {
        value: value as unknown,
        expireAt,
      });
      return Promise.resolve(true);
    },
  };
}

/** Log lines the SDK emitted (it logs every failed request at error level). */
export interface CapturedLog {
  level: 'error' | 'warn' | 'info' | 'debug' | 'trace';
  args: unknown[];
}

/**
 * A real node-sdk `Client` pointed at a simulator base URL, with a fresh cache and a logger that
 * captures instead of printing. Override anything (e.g. a wrong `appSecret`) through `overrides`.
 */
export function sdkClientFor(
  baseUrl: string,
  credentials: { appId: string; appSecret: string },
  overrides: Partial<ConstructorParameters<typeof lark.Client>[0]> = {},
): { client: lark.Client; logs: CapturedLog[] } {
  const logs: CapturedLog[] = [];
  const capture =
    (level: CapturedLog['level']) =>
    (...args: unknown[]) => {
      logs.push({ level, args });
    };
  const client = new lark.Client({
    ...credentials,
    domain: baseUrl,
    cache: memoryCache(),
    loggerLevel: lark.LoggerLevel.error,
    logger: {
      error: capture('error'),
      warn: capture('warn'),
      info: capture('info'),
      debug: capture('debug'),
      trace: capture('trace'),
    },
    ...overrides,
  });
  return { client, logs };
}
