import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { DomainError } from './domain-error';
import { errorBody } from './error-body';

interface ReplyLike {
  status(code: number): ReplyLike;
  header(name: string, value: string): ReplyLike;
  send(body: unknown): unknown;
}

/** The one place where errors become HTTP answers, in CONTRACT.md's shape. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<ReplyLike>();
    const body = errorBody(exception);
    if (body.statusCode >= 500)
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    reply.header('content-type', 'application/json; charset=utf-8');
    if (exception instanceof DomainError && exception.retryAfterSeconds !== undefined)
      reply.header('retry-after', String(exception.retryAfterSeconds));
    reply.status(body.statusCode).send(body);
  }
}
