/**
 * The codes core itself answers with: refusals raised before any lib is reached (validation, guards,
 * routing, the HTTP layer, the database's own constraints) and the shared CSV import limits.
 * Every HTTP error carries one code; the web app maps codes, never message text.
 */
export const CoreErrorCode = {
  /** A DTO, query or path parameter failed validation; `details.fields` names each offending field. */
  ValidationInvalid: 'validation.invalid',
  /** No valid session or token (401). */
  AuthRequired: 'auth.required',
  /** The caller's role or scope does not allow this (403). */
  AccessForbidden: 'access.forbidden',
  /** No route or no object behind that id (404). */
  NotFound: 'resource.not_found',
  /** Too many requests; `Retry-After` says when to come back (429). */
  RateLimited: 'rate.limited',
  /** The request body is over a size limit (413). */
  RequestTooLarge: 'request.too_large',
  /** A cookie-authenticated write a cross-site page could have forged (403, see the CSRF check). */
  CrossSiteRefused: 'request.cross_site',
  /** Another refusal of the HTTP layer (malformed JSON, content type, method…). */
  RequestRejected: 'request.rejected',
  /** A foreign key names something that does not exist. */
  ReferenceUnknown: 'database.reference_unknown',
  /** A check or type the database enforces refused a value. */
  ValueRefused: 'database.value_refused',
  /** A unique key already holds that value (409). */
  AlreadyExists: 'database.already_exists',
  /** A dependency (database, Redis…) is out of reach or out of time (503). */
  Unavailable: 'service.unavailable',
  /** A bug: nothing the caller can fix (500). */
  Internal: 'internal.error',
  CsvTooLarge: 'csv.too_large',
  CsvTooManyRows: 'csv.too_many_rows',
} as const;

export type CoreErrorCode = (typeof CoreErrorCode)[keyof typeof CoreErrorCode];
