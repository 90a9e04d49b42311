import type { RefusalKey } from '../i18n/refusal-text';

/**
 * A value a refusal's message is filled with: a name, a code or a number (the same in both
 * languages), or another message by its key (a label such as "the archivists").
 */
export type RefusalValue = string | number | { key: RefusalKey };

/**
 * A rule said no. It carries the key of the message that says why (in the message catalogues) and
 * the values that fill it; it never carries finished text. The domain, the policies and the services
 * raise it; the card router turns it into an error toast and the message dispatcher into a reply,
 * each in one place. Anything else thrown is a fault, not a refusal.
 */
export class Refusal extends Error {
  constructor(
    /** A message key, e.g. `errors.not_archivist` or `mdesc.notAllowed`. */
    readonly key: RefusalKey,
    readonly values: Readonly<Record<string, RefusalValue>> = {},
    options?: { cause?: unknown },
  ) {
    super(key, options);
    this.name = 'Refusal';
  }
}

export const isRefusal = (err: unknown): err is Refusal => err instanceof Refusal;
