import { Pool } from 'pg';
import { TimeoutClosingClient } from '@app/core/database/timeout-closing-client';
import { PG_ADMIN_URL } from '../support/env';

const QUERY_TIMEOUT_MS = 300;

/**
 * The api's pool drops a connection whose statement passed the client-side timeout. pg alone only
 * stops waiting: the statement stays in flight and whatever the connection is asked next (TypeORM's
 * ROLLBACK, the pool's next user) queues behind it for as long again.
 */
describe('resilience: a statement past the client-side timeout', () => {
  const pools: Pool[] = [];
  const poolOf = (options: object) => {
    const pool = new Pool({ connectionString: PG_ADMIN_URL, max: 1, query_timeout: QUERY_TIMEOUT_MS, ...options });
    pool.on('error', () => undefined);
    pools.push(pool);
    return pool;
  };
  afterAll(() => Promise.all(pools.map((p) => p.end())));

  /** Times out a statement inside a transaction, then times how long the ROLLBACK takes to settle. */
  const rollbackAfterTimeout = async (pool: Pool) => {
    const client = await pool.connect();
    client.on('error', () => undefined);
    await client.query('BEGIN');
    await expect(client.query('SELECT pg_sleep(3)')).rejects.toThrow('Query read timeout');
    const started = Date.now();
    await client.query('ROLLBACK').catch(() => undefined);
    const ms = Date.now() - started;
    client.release(true);
    return ms;
  };

  it('is dropped with its connection: what follows fails at once instead of queuing behind it', async () => {
    expect(await rollbackAfterTimeout(poolOf({ Client: TimeoutClosingClient }))).toBeLessThan(100);
  });

  it("(pg's own client, for contrast, makes the ROLLBACK wait out a timeout of its own)", async () => {
    expect(await rollbackAfterTimeout(poolOf({}))).toBeGreaterThanOrEqual(QUERY_TIMEOUT_MS - 20);
  });
});
