import { CoreErrorCode } from './core.errors';

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

/** Codes whose suffix says what went wrong with which entity: the entity is the part before the dot. */
export type NotFoundCode = `${string}.not_found`;
export type TransitionForbiddenCode = `${string}.transition_forbidden`;
export type StaleVersionCode = `${string}.stale_version`;

/** What a 409 lifecycle refusal tells the client: where it stands and where it may go from there. */
export interface TransitionDetails {
  from: string;
  to: string;
  allowedTransitions: readonly string[];
}

/**
 * Thrown by the domain libraries. `code` is stable and machine-readable (e.g. `report.not_ready`): each
 * lib lists its codes in `<lib>.errors.ts` and passes them here, so `C` narrows to that lib's union
 * (core cannot import the libs, hence the type parameter rather than one union here).
 * `message` is for people and may be French, since it reaches the UI as is.
 */
export class DomainError<C extends string = string> extends Error {
  /** Sent as `Retry-After` (seconds) with a 429 or 503: when trying again makes sense. */
  retryAfterSeconds?: number;

  constructor(
    readonly kind: ErrorKind,
    readonly code: C,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound<C extends NotFoundCode>(code: C, id?: string): DomainError<C> {
    const entity = entityOf(code);
    return new DomainError('not_found', code, id ? `${entity} ${id} not found` : `${entity} not found`);
  }

  static forbidden<C extends string = typeof CoreErrorCode.AccessForbidden>(
    message = 'You are not allowed to do this',
    code: C = CoreErrorCode.AccessForbidden as C,
  ): DomainError<C> {
    return new DomainError('forbidden', code, message);
  }

  static conflict<C extends string>(code: C, message: string, details?: Record<string, unknown>): DomainError<C> {
    return new DomainError('conflict', code, message, details);
  }

  static invalid<C extends string>(code: C, message: string, details?: Record<string, unknown>): DomainError<C> {
    return new DomainError('invalid', code, message, details);
  }

  /** A move a state machine does not allow: 409 naming the moves it does allow from there. */
  static forbiddenTransition<C extends TransitionForbiddenCode>(
    code: C,
    from: string,
    to: string,
    allowed: readonly string[],
  ): DomainError<C> {
    const list = allowed.length > 0 ? allowed.join(', ') : 'none';
    const details: TransitionDetails = { from, to, allowedTransitions: allowed };
    return new DomainError('conflict', code, `${entityOf(code)} cannot go from ${from} to ${to} (allowed: ${list})`, {
      ...details,
    });
  }

  /** 429 or 503 that tells the client, in `Retry-After`, when to come back. */
  static retryLater<C extends string>(
    kind: 'too_many_requests' | 'unavailable',
    code: C,
    message: string,
    seconds: number,
  ): DomainError<C> {
    const error = new DomainError(kind, code, message, { retryAfterSeconds: seconds });
    error.retryAfterSeconds = seconds;
    return error;
  }

  static staleVersion<C extends StaleVersionCode>(code: C): DomainError<C> {
    return new DomainError(
      'conflict',
      code,
      `${entityOf(code)} was changed by someone else: reload it and apply your change again`,
    );
  }
}

/** `local_health_contract.not_found` → `local_health_contract`: the messages name the entity as before. */
function entityOf(code: string): string {
  return code.slice(0, code.lastIndexOf('.'));
}
