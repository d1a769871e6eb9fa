import { readdirSync } from 'node:fs';
import { api } from '../support/http';
import { Stack } from '../support/stack';

/**
 * `n` calls written straight to the database, each the subject of a distinct funding report: a
 * burst of reports that the api does not fold into one as a repeated request.
 */
export async function newCalls(stack: Stack, n: number): Promise<string[]> {
  const { rows } = await stack.db.query(
    `WITH c AS (
       INSERT INTO call (title, year, funding_source, envelope_cents, opens_on, closes_on)
       SELECT 'Appel résilience ' || i || ' ' || gen_random_uuid(), 2026, 'FIR', 1000000, '2026-01-01', '2026-06-30'
       FROM generate_series(1, $1::int) i RETURNING id)
     INSERT INTO call_axis (call_id, code, label, position) SELECT id, 'A1', 'Axe unique', 0 FROM c RETURNING call_id`,
    [n],
  );
  return rows.map((r: { call_id: string }) => r.call_id);
}

/** Requests the funding report of each call over HTTP, `concurrency` at a time; returns the report ids. */
export async function requestFundingReports(
  stack: Stack,
  token: string,
  callIds: string[],
  concurrency = 20,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < callIds.length; i += concurrency) {
    const answers = await Promise.all(
      callIds
        .slice(i, i + concurrency)
        .map((callId) => api(stack, token).post('/api/reports').send({ kind: 'funding', params: { callId } })),
    );
    for (const res of answers) {
      if (res.status !== 202) throw new Error(`report request: ${res.status} ${JSON.stringify(res.body)}`);
      ids.push(res.body.id);
    }
  }
  return ids;
}

/** How many of the reports are in each status, e.g. `{ done: 200 }`. */
export async function statusesOf(stack: Stack, ids: string[]): Promise<Record<string, number>> {
  const { rows } = await stack.db.query(
    'SELECT status, count(*)::int AS n FROM report WHERE id = ANY($1::uuid[]) GROUP BY status',
    [ids],
  );
  return Object.fromEntries(rows.map((r: { status: string; n: number }) => [r.status, r.n]));
}

/** Every file in the storage directory whose name holds the report id (temporary files included). */
export const filesOf = (stack: Stack, id: string) =>
  readdirSync(`${stack.env.STORAGE_DIR}/reports`).filter((f) => f.includes(id));

/** The report ids that do not have exactly one file, `<id>.pdf`: empty when each has its one file. */
export const withoutExactlyOneFile = (stack: Stack, ids: string[]) =>
  ids.filter((id) => filesOf(stack, id).join() !== `${id}.pdf`);
