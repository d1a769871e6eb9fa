import { Client } from 'pg';

/** pg's message when `query_timeout` passes without an answer from the server. */
export const QUERY_READ_TIMEOUT = 'Query read timeout';

/**
 * A pg client that drops its connection when a statement passes the client-side timeout. pg itself
 * only stops waiting: the statement stays in flight, and the ROLLBACK TypeORM sends next would queue
 * behind it and wait as long again. Closed, the connection fails what is queued at once, the pool
 * replaces it, and the server ends the abandoned transaction (nothing half written).
 */
export class TimeoutClosingClient extends Client {
  override query(...args: unknown[]): never {
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result instanceof Promise) result.catch((error: unknown) => this.closeOnTimeout(error));
    return result as never;
  }

  private closeOnTimeout(error: unknown): void {
    if ((error as Error)?.message !== QUERY_READ_TIMEOUT) return;
    (this as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
  }
}
