/** How a failed Feishu call should be treated. */
export type FeishuErrorKind =
  | 'rate_limited'
  | 'permission_denied'
  | 'not_found'
  | 'auth_failed'
  | 'bad_request'
  | 'server_error'
  | 'network'
  | 'unknown';

/** A classified Open Platform failure; `retryable` drives backoff in the client and the inbox. */
export class FeishuApiError extends Error {
  constructor(
    readonly kind: FeishuErrorKind,
    readonly retryable: boolean,
    readonly feishuCode: number | undefined,
    readonly httpStatus: number | undefined,
    message: string,
    readonly resetSeconds?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'FeishuApiError';
  }
}

const RATE_LIMIT_CODES = new Set([
  99991400, 230020, 232019, 11232, 11233, 11247, 1000004, 1000005, 190005,
]);
const AUTH_CODES = new Set([99991661, 99991663, 99991671, 99991668]);
const PERMISSION_CODES = new Set([
  99991672, 99991401, 230002, 230006, 230013, 230027, 230053, 234004, 234038, 234040,
]);
const NOT_FOUND_CODES = new Set([230110, 234003, 41050, 232010, 232011]);

/** Classifies a business code (HTTP 200 with code ≠ 0, or the JSON of a 4xx). */
export function classifyCode(
  code: number | undefined,
  httpStatus: number | undefined,
  msg: string,
  resetSeconds?: number,
): FeishuApiError {
  const label = `feishu ${httpStatus ?? '-'} code=${code ?? '-'}: ${msg}`;
  if (httpStatus === 429 || (code !== undefined && RATE_LIMIT_CODES.has(code))) {
    return new FeishuApiError('rate_limited', true, code, httpStatus, label, resetSeconds);
  }
  if (code !== undefined && AUTH_CODES.has(code))
    return new FeishuApiError('auth_failed', true, code, httpStatus, label);
  if (code !== undefined && PERMISSION_CODES.has(code))
    return new FeishuApiError('permission_denied', false, code, httpStatus, label);
  if (code !== undefined && NOT_FOUND_CODES.has(code))
    return new FeishuApiError('not_found', false, code, httpStatus, label);
  if (httpStatus === 404) return new FeishuApiError('not_found', false, code, httpStatus, label);
  if (httpStatus === 401 || httpStatus === 403)
    return new FeishuApiError('permission_denied', false, code, httpStatus, label);
  if (httpStatus !== undefined && httpStatus >= 500)
    return new FeishuApiError('server_error', true, code, httpStatus, label);
  if (httpStatus !== undefined && httpStatus >= 400)
    return new FeishuApiError('bad_request', false, code, httpStatus, label);
  return new FeishuApiError('unknown', false, code, httpStatus, label);
}

interface AxiosLikeError {
  isAxiosError?: boolean;
  code?: string;
  message?: string;
  config?: { url?: string };
  response?: { status?: number; data?: unknown; headers?: Record<string, unknown> };
}

/** Turns whatever the SDK threw (an AxiosError, a network error) into a FeishuApiError. */
export function classifyThrown(err: unknown): FeishuApiError {
  if (err instanceof FeishuApiError) return err;
  const e = (typeof err === 'object' && err !== null ? err : {}) as AxiosLikeError;
  const response = e.response;
  if (!response) {
    return new FeishuApiError(
      'network',
      true,
      undefined,
      undefined,
      `feishu network error: ${e.code ?? e.message ?? 'unknown'}`,
      undefined,
      { cause: err },
    );
  }
  const data = (
    typeof response.data === 'object' && response.data !== null ? response.data : {}
  ) as { code?: unknown; msg?: unknown };
  const code = typeof data.code === 'number' ? data.code : undefined;
  const msg = typeof data.msg === 'string' ? data.msg : (e.message ?? 'request failed');
  const resetHeader = response.headers?.['x-ogw-ratelimit-reset'];
  const reset = resetHeader === undefined ? undefined : Number(resetHeader);
  if (e.config?.url?.includes('/auth/v3/')) {
    // The token request itself failed (wrong secret, app disabled): retry later, an admin can fix it meanwhile.
    return new FeishuApiError(
      'auth_failed',
      true,
      code,
      response.status,
      `feishu token request failed: ${msg}`,
      undefined,
      { cause: err },
    );
  }
  const classified = classifyCode(
    code,
    response.status,
    msg,
    Number.isFinite(reset) ? reset : undefined,
  );
  return new FeishuApiError(
    classified.kind,
    classified.retryable,
    classified.feishuCode,
    classified.httpStatus,
    classified.message,
    classified.resetSeconds,
    { cause: err },
  );
}

/** True when an inbox handler should try the record again later. */
export function isRetryable(err: unknown): boolean {
  if (err instanceof FeishuApiError) return err.retryable;
  return true;
}
