import { BULK_RATE_LIMITS } from '../support/env';
import { api, DEMO, login, until } from '../support/http';
import { Stack } from '../support/stack';

const PAYMENTS = 200_000;
/** More than the api's pool (10): a leaked connection per abort would leave none for anyone. */
const ABORTED_EXPORTS = 20;
/** Downloads started together in each round (fewer than the pool, so only leaks can exhaust it). */
const AT_ONCE = 5;

/**
 * Fault: clients start large funding exports and go away mid-download. Each abort must close the
 * export's cursor and give its connection back, so that the api keeps answering at once.
 */
describe('resilience: exports aborted mid-stream', () => {
  let stack: Stack;
  let delegate: string;
  let callId: string;

  beforeAll(async () => {
    stack = await Stack.start('res-export-abort', {
      worker: false,
      env: BULK_RATE_LIMITS,
    });
    delegate = await login(stack, DEMO.delegate);
    callId = await seedLargeLedger(stack);
  }, 120_000);
  afterAll(() => stack?.stop());

  /**
   * Starts a download and goes away: `early`, before the api has answered (while the export opens its
   * cursor), or `midway`, after its first bytes. Returns the status seen (0 when gone before it).
   */
  const abandon = async (path: string, when: 'early' | 'midway'): Promise<number> => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), when === 'early' ? 300 : 20_000);
    try {
      const res = await fetch(`${stack.baseUrl}${path}`, {
        headers: { authorization: `Bearer ${delegate}` },
        signal: controller.signal,
      });
      if (res.status === 200) await res.body!.getReader().read();
      return res.status;
    } catch {
      return 0;
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
  };

  /** The api's sessions still busy or inside a transaction, and any still running the export. */
  const leftoverSessions = async () =>
    (
      await stack.db.query(
        `SELECT pid, state, left(query, 60) AS query FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid()
           AND ((application_name = 'iss-api' AND state <> 'idle') OR query LIKE '%"rowType"%')`,
      )
    ).rows;

  it.each(['funding.csv', 'funding.xlsx'])(
    `%s: ${ABORTED_EXPORTS} downloads abandoned (before the first byte or midway) leave no session behind, and the api answers at once`,
    async (file) => {
      const path = `/api/exports/${file}?callId=${callId}`;
      const midway: number[] = [];
      for (let round = 0; round < ABORTED_EXPORTS / AT_ONCE; round++) {
        const early = Array.from({ length: AT_ONCE - 2 }, () => abandon(path, 'early'));
        midway.push(...(await Promise.all([abandon(path, 'midway'), abandon(path, 'midway'), ...early])).slice(0, 2));
      }
      expect(midway).toEqual(Array(midway.length).fill(200));
      // An export abandoned early may still be opening its cursor: it must close it as soon as it opens.
      expect(await until(leftoverSessions, (rows) => rows.length === 0, 10_000, 200)).toEqual([]);

      const started = Date.now();
      const call = await api(stack, delegate).get(`/api/calls/${callId}`);
      expect(call.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(2_000);
    },
    120_000,
  );

  it('still serves a whole export after the aborted ones', async () => {
    const res = await fetch(`${stack.baseUrl}/api/exports/funding.csv?callId=${callId}`, {
      headers: { authorization: `Bearer ${delegate}` },
    });
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(res.status).toBe(200);
    expect(lines).toHaveLength(1 + PAYMENTS + 1_000);
  }, 60_000);
});

/** A call with 1,000 grants and 200,000 payments, in plain SQL: the volume is the point here. */
async function seedLargeLedger(stack: Stack): Promise<string> {
  const { rows } = await stack.db.query(`
    WITH c AS (INSERT INTO call (title, year, funding_source, envelope_cents, opens_on, closes_on)
               VALUES ('Appel volumineux', 2024, 'FIR', 100000000000, '2024-01-01', '2024-06-30') RETURNING id),
         a AS (INSERT INTO call_axis (call_id, code, label, position) SELECT id, 'X', 'Axe', 0 FROM c RETURNING call_id),
         p AS (INSERT INTO project (call_id, axis_code, title, holder_name, holder_kind, requested_cents, status)
               SELECT (SELECT call_id FROM a), 'X', 'Projet ' || i, 'Porteur', 'association', 100000000, 'selected'
               FROM generate_series(1, 1000) i RETURNING id, call_id)
    INSERT INTO "grant" (project_id, call_id, axis_code, amount_cents)
    SELECT id, call_id, 'X', 100000000 FROM p RETURNING call_id`);
  const id = rows[0].call_id as string;
  await stack.db.query(
    `INSERT INTO payment (grant_id, amount_cents, kind, paid_on)
     SELECT g.id, 100, 'installment', date '2024-01-01' + (i % 300)
     FROM (SELECT id, row_number() OVER () AS n FROM "grant" WHERE call_id = $1) g
     JOIN generate_series(1, ${PAYMENTS}) i ON g.n = 1 + i % 1000`,
    [id],
  );
  await stack.db.query('ANALYZE');
  return id;
}
