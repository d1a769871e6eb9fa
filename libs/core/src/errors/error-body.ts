import { STATUS_CODES } from 'node:http';
import { CoreErrorCode } from './core.errors';
import { DomainError, ERROR_KINDS } from './domain-error';

/** CONTRACT.md's error shape plus a stable `code` on every error and `details` where they help. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  code: string;
  status?: string;
  details?: Record<string, unknown>;
}

/** The code of an HTTP refusal that does not bring its own (guards, pipes, Fastify, Nest's routing). */
const CODE_BY_STATUS: Record<number, CoreErrorCode> = {
  400: CoreErrorCode.ValidationInvalid,
  401: CoreErrorCode.AuthRequired,
  403: CoreErrorCode.AccessForbidden,
  404: CoreErrorCode.NotFound,
  413: CoreErrorCode.RequestTooLarge,
  429: CoreErrorCode.RateLimited,
  503: CoreErrorCode.Unavailable,
};

function codeOf(statusCode: number): CoreErrorCode {
  return CODE_BY_STATUS[statusCode] ?? (statusCode >= 500 ? CoreErrorCode.Internal : CoreErrorCode.RequestRejected);
}

/**
 * PostgreSQL errors that mean the database is out of reach or out of time, not that the code is wrong:
 * shutdown and connection failures, and the timeouts (57014 statement cancelled, 25P03 idle transaction).
 */
const PG_UNAVAILABLE = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
  '08001',
  '08004',
  '57014',
  '25P03',
]);
/** pg's own messages for a server that is gone or does not answer in time (no error code). */
const CLIENT_UNAVAILABLE =
  /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Query read timeout|not queryable/i;
const NET_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

/** The body of the HTTP answer to `exception`, whatever was thrown. */
export function errorBody(exception: unknown): ErrorBody {
  if (exception instanceof DomainError) {
    const statusCode = ERROR_KINDS[exception.kind];
    return {
      statusCode,
      error: STATUS_CODES[statusCode] ?? 'Error',
      message: exception.message,
      code: exception.code,
      ...(exception.details && { details: exception.details }),
    };
  }
  if (isHttpException(exception)) return fromHttpException(exception);
  const fastifyStatus = clientErrorStatus(exception);
  if (fastifyStatus) {
    return {
      statusCode: fastifyStatus,
      error: STATUS_CODES[fastifyStatus] ?? 'Error',
      message: (exception as Error).message,
      code: codeOf(fastifyStatus),
    };
  }
  const constraint = constraintViolation(exception);
  if (constraint) return constraint;
  if (isUnavailable(exception)) {
    return {
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'A dependency is unavailable, try again shortly',
      code: CoreErrorCode.Unavailable,
    };
  }
  return {
    statusCode: 500,
    error: 'Internal Server Error',
    message: 'Internal server error',
    code: CoreErrorCode.Internal,
  };
}

/** Nest's HttpException, by shape: this module stays free of Nest so that its spec runs in the unit project. */
interface HttpExceptionLike {
  message: string;
  getStatus(): number;
  getResponse(): string | object;
}

function isHttpException(exception: unknown): exception is HttpExceptionLike {
  const e = exception as Partial<HttpExceptionLike> | undefined;
  return typeof e?.getStatus === 'function' && typeof e.getResponse === 'function';
}

function fromHttpException(exception: HttpExceptionLike): ErrorBody {
  const statusCode = exception.getStatus();
  const response = exception.getResponse();
  const error = STATUS_CODES[statusCode] ?? 'Error';
  const code = codeOf(statusCode);
  if (typeof response === 'string') return { statusCode, error, message: response, code };
  const r = response as HttpExceptionResponse;
  if (r.status === 'error' && r.details) return healthBody(statusCode, error, r.details);
  return {
    statusCode,
    error: typeof r.error === 'string' ? r.error : error,
    message: r.message ?? exception.message,
    code: typeof r.code === 'string' ? r.code : code,
    ...(r.details && { details: r.details }),
  };
}

/** What Nest's exceptions, ours (see invalidInput) and the health check's carry as their response. */
interface HttpExceptionResponse {
  message?: string | string[];
  error?: unknown;
  code?: unknown;
  status?: string;
  details?: Record<string, unknown>;
}

/** A failed health check keeps the contract's error shape and still names each dependency's state. */
function healthBody(statusCode: number, error: string, details: Record<string, unknown>): ErrorBody {
  const down = Object.entries(details as Record<string, { status: string }>)
    .filter(([, d]) => d.status !== 'up')
    .map(([name]) => name);
  return {
    statusCode,
    error,
    message: `Unavailable: ${down.join(', ')}`,
    code: codeOf(statusCode),
    status: 'error',
    details,
  };
}

/** Fastify raises its own errors (malformed JSON, body too large, bad content type) with a 4xx statusCode. */
function clientErrorStatus(exception: unknown): number | undefined {
  const status = (exception as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/**
 * Last line of defence: services check input first, but a foreign key, unique key or check that
 * the database enforces still answers as bad input or a conflict, never as a 500.
 */
function constraintViolation(exception: unknown): ErrorBody | undefined {
  const e = (exception as { driverError?: PgError })?.driverError ?? (exception as PgError);
  const field = (e?.detail?.match(/^Key \((\w+)\)/)?.[1] ?? e?.column ?? '').replace(/_(\w)/g, (_m, c: string) =>
    c.toUpperCase(),
  );
  const prefix = field ? `${field}: ` : '';
  switch (e?.code) {
    case '23503':
      return {
        statusCode: 400,
        error: 'Bad Request',
        message: `${prefix}refers to something that does not exist`,
        code: CoreErrorCode.ReferenceUnknown,
      };
    case '23514':
    case '22P02':
    case '22003':
    case '22007':
    case '22008':
      return {
        statusCode: 400,
        error: 'Bad Request',
        message: `${prefix}value refused by the database (${e.constraint ?? e.code})`,
        code: CoreErrorCode.ValueRefused,
      };
    case '23505':
      return {
        statusCode: 409,
        error: 'Conflict',
        message: `${prefix}already exists`,
        code: CoreErrorCode.AlreadyExists,
      };
    default:
      return undefined;
  }
}

interface PgError {
  code?: string;
  detail?: string;
  column?: string;
  constraint?: string;
}

function isUnavailable(exception: unknown): boolean {
  const e = exception as { code?: string; driverError?: { code?: string }; message?: string };
  const code = e?.driverError?.code ?? e?.code;
  if (code && (PG_UNAVAILABLE.has(code) || NET_UNAVAILABLE.has(code))) return true;
  return CLIENT_UNAVAILABLE.test(e?.message ?? '');
}
