import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { DomainError, ERROR_KINDS } from './domain-error';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  code?: string;
  status?: string;
  details?: Record<string, unknown>;
}

interface ReplyLike {
  status(code: number): ReplyLike;
  header(name: string, value: string): ReplyLike;
  send(body: unknown): unknown;
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

/** The one place where errors become HTTP answers, in CONTRACT.md's shape. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<ReplyLike>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500)
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    reply.header('content-type', 'application/json; charset=utf-8');
    if (exception instanceof DomainError && exception.retryAfterSeconds !== undefined)
      reply.header('retry-after', String(exception.retryAfterSeconds));
    reply.status(body.statusCode).send(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      const statusCode = ERROR_KINDS[exception.kind];
      return {
        statusCode,
        error: STATUS_CODES[statusCode] ?? 'Error',
        message: exception.message,
        code: exception.code,
      };
    }
    if (exception instanceof HttpException) return fromHttpException(exception);
    const fastifyStatus = clientErrorStatus(exception);
    if (fastifyStatus) {
      return {
        statusCode: fastifyStatus,
        error: STATUS_CODES[fastifyStatus] ?? 'Error',
        message: (exception as Error).message,
      };
    }
    const constraint = constraintViolation(exception);
    if (constraint) return constraint;
    if (isUnavailable(exception)) {
      return {
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'A dependency is unavailable, try again shortly',
      };
    }
    return { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' };
  }
}

function fromHttpException(exception: HttpException): ErrorBody {
  const statusCode = exception.getStatus();
  const response = exception.getResponse();
  const error = STATUS_CODES[statusCode] ?? 'Error';
  if (typeof response === 'string') return { statusCode, error, message: response };
  const r = response as { message?: string | string[]; error?: unknown; details?: Record<string, { status: string }> };
  if (r.details) return healthBody(statusCode, error, r.details);
  return { statusCode, error: typeof r.error === 'string' ? r.error : error, message: r.message ?? exception.message };
}

/** A failed health check keeps the contract's error shape and still names each dependency's state. */
function healthBody(statusCode: number, error: string, details: Record<string, { status: string }>): ErrorBody {
  const down = Object.entries(details)
    .filter(([, d]) => d.status !== 'up')
    .map(([name]) => name);
  return { statusCode, error, message: `Unavailable: ${down.join(', ')}`, status: 'error', details };
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
      return { statusCode: 400, error: 'Bad Request', message: `${prefix}refers to something that does not exist` };
    case '23514':
    case '22P02':
    case '22003':
    case '22007':
    case '22008':
      return {
        statusCode: 400,
        error: 'Bad Request',
        message: `${prefix}value refused by the database (${e.constraint ?? e.code})`,
      };
    case '23505':
      return { statusCode: 409, error: 'Conflict', message: `${prefix}already exists` };
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
