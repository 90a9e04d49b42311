/** Stable snake_case codes; each has a user message in i18n/messages.ts (errors.<code>). */
export type DomainErrorCode =
  | 'not_allowed'
  | 'not_leader_in_charge'
  | 'not_archivist'
  | 'activity_not_found'
  | 'invalid_transition'
  | 'validation_failed'
  | 'unknown_action'
  | 'chat_already_bound'
  | 'chat_not_bound'
  | 'extension_not_later'
  | 'already_decided';

/** A rule said no. Handlers turn it into a toast or reply card in both languages. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly details?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(code, options);
    this.name = 'DomainError';
  }
}

export const isDomainError = (err: unknown): err is DomainError => err instanceof DomainError;
