/** What kind of refusal a domain error is; the HTTP filter maps each kind to one status. */
export const ERROR_KINDS = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  too_many_requests: 429,
  unavailable: 503,
} as const;

export type ErrorKind = keyof typeof ERROR_KINDS;

/**
 * Thrown by the domain libraries. `code` is stable and machine-readable (e.g. `report.not_ready`);
 * `message` is for people and may be French, since it reaches the UI as is.
 */
export class DomainError extends Error {
  /** Sent as `Retry-After` (seconds) with a 429 or 503: when trying again makes sense. */
  retryAfterSeconds?: number;

  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound(entity: string, id?: string): DomainError {
    return new DomainError(
      'not_found',
      `${entity}.not_found`,
      id ? `${entity} ${id} not found` : `${entity} not found`,
    );
  }

  static forbidden(message = 'You are not allowed to do this'): DomainError {
    return new DomainError('forbidden', 'access.forbidden', message);
  }

  static conflict(code: string, message: string, details?: Record<string, unknown>): DomainError {
    return new DomainError('conflict', code, message, details);
  }

  static invalid(code: string, message: string): DomainError {
    return new DomainError('invalid', code, message);
  }

  /** A move a state machine does not allow: 409 naming the moves it does allow from there. */
  static forbiddenTransition(entity: string, from: string, to: string, allowed: readonly string[]): DomainError {
    const list = allowed.length > 0 ? allowed.join(', ') : 'none';
    return new DomainError(
      'conflict',
      `${entity}.transition_forbidden`,
      `${entity} cannot go from ${from} to ${to} (allowed: ${list})`,
      {
        allowed,
      },
    );
  }

  /** 429 or 503 that tells the client, in `Retry-After`, when to come back. */
  static retryLater(kind: 'too_many_requests' | 'unavailable', code: string, message: string, seconds: number) {
    const error = new DomainError(kind, code, message);
    error.retryAfterSeconds = seconds;
    return error;
  }

  static staleVersion(entity: string): DomainError {
    return new DomainError(
      'conflict',
      `${entity}.stale_version`,
      `${entity} was changed by someone else: reload it and apply your change again`,
    );
  }
}
