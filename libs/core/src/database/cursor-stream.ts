import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { DataSource, QueryRunner } from 'typeorm';
import { clientBoundOf } from './connection-limits';

export interface CursorOptions {
  /** Rows fetched per round trip. */
  batchSize: number;
  /** How long the whole read may take, download included: the statement stays open until the last row. */
  timeoutMs: number;
}

/**
 * Rows of `sql` streamed from a server-side cursor (pg-query-stream), in a transaction of their own
 * whose timeouts are `timeoutMs` instead of the pool's (a download outlasts the api's 30 s). The
 * connection goes back to the pool when the stream ends, and is closed when it fails or is destroyed
 * (a client that aborts the download): nothing is left open on the server either way.
 */
export function cursorStream(
  dataSource: DataSource,
  sql: string,
  parameters: unknown[],
  { batchSize, timeoutMs }: CursorOptions,
): Promise<Readable> {
  return streamInTransaction(dataSource, timeoutMs, {}, (client) =>
    // pg's client-side `query_timeout` counts from the start of the statement to its last row.
    client.query(
      Object.assign(new QueryStream(sql, parameters, { batchSize }), { query_timeout: clientBoundOf(timeoutMs) }),
    ),
  );
}

/**
 * What `open` streams from a connection of its own, in a transaction whose statement and idle timeouts
 * are `timeoutMs` and whose other `settings` (e.g. `jit`) are its own: they end with the transaction.
 * The connection goes back to the pool when the stream ends, and is closed when the stream fails or is
 * destroyed.
 */
export async function streamInTransaction(
  dataSource: DataSource,
  timeoutMs: number,
  settings: Record<string, string>,
  open: (client: PoolClient) => Readable,
): Promise<Readable> {
  const runner = dataSource.createQueryRunner('slave');
  try {
    await runner.startTransaction();
    // SET LOCAL: the bounds end with the transaction, the pool's next user gets the defaults back.
    const all = {
      ...settings,
      statement_timeout: String(timeoutMs),
      idle_in_transaction_session_timeout: String(timeoutMs),
    };
    const names = Object.keys(all);
    await runner.query(
      `SELECT ${names.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`).join(', ')}`,
      names.flatMap((name) => [name, all[name as keyof typeof all]]),
    );
    const client = (await runner.connect()) as PoolClient;
    const stream = open(client);
    finished(stream).then(
      () => commitAndRelease(runner),
      (error: Error) => dropConnection(runner, error),
    );
    return stream;
  } catch (error) {
    await dropConnection(runner, error as Error);
    throw error;
  }
}

async function commitAndRelease(runner: QueryRunner): Promise<void> {
  try {
    await runner.commitTransaction();
    await runner.release();
  } catch (error) {
    await dropConnection(runner, error as Error);
  }
}

/**
 * Gives the connection back with the error, so that the pool closes it instead of reusing it: the
 * server ends the transaction and its cursor when the connection goes. TypeORM does the same itself
 * when a connection fails; the method is not in its public typings.
 */
function dropConnection(runner: QueryRunner, error: Error): Promise<void> {
  const release = (runner as unknown as { releasePostgresConnection(error: Error): Promise<void> })
    .releasePostgresConnection;
  return release.call(runner, error).catch(() => undefined);
}
