import pino, { type Logger, type DestinationStream } from 'pino';

export type { Logger };

/** Paths pino replaces with [redacted] wherever they appear in a log record. */
const REDACT_PATHS = [
  'appSecret',
  'app_secret',
  'encryptKey',
  'verificationToken',
  'tenant_access_token',
  'authorization',
  'Authorization',
  '*.appSecret',
  '*.app_secret',
  '*.encryptKey',
  '*.tenant_access_token',
  '*.authorization',
  '*.Authorization',
  'headers.authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
];

/** Secret values known at start; any log line containing one has it replaced before writing. */
const knownSecrets = new Set<string>();

/** Registers a value (app secret, encrypt key…) that must never reach a log line. */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 4) knownSecrets.add(value);
}

/** Removes every registered secret value from a string. */
export function scrubSecrets(text: string): string {
  let out = text;
  for (const secret of knownSecrets) {
    if (out.includes(secret)) out = out.split(secret).join('[redacted]');
  }
  return out;
}

/** A stream wrapper that scrubs secret values from every serialized line (belt and braces over redact paths). */
function scrubbingStream(target: DestinationStream): DestinationStream {
  return {
    write(line: string) {
      target.write(scrubSecrets(line));
    },
  };
}

/** The root logger: pino JSON lines, secrets redacted by path and by value. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const target = destination ?? pino.destination({ dest: 1, sync: false });
  return pino(
    { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { app: 'archive-bot' } },
    scrubbingStream(target),
  );
}
