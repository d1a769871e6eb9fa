// Jobs (issue 7): 1,000 report requests queued at once, then rendered by 1 and by 2 worker processes.
// Each run requests the funding report of 1,000 small calls (three funded projects each) over HTTP:
// distinct subjects, so the 5-minute dedupe of identical requests does not fold them; the second run
// is requested by another account (the dedupe is per requester). The workers start only once every
// request is queued, so jobs/s is the workers' rate alone. Then it checks: every report `done`, one
// `report.done` audit event per report (none rendered twice into the record), and one distinct file
// per report in storage.
// Usage: npm run build && node bench/jobs.mjs [--smoke | --reports=N]   (--smoke: 4 reports per run)
import { readdirSync } from 'node:fs';
import pg from 'pg';
import { freePort, login, seededDatabase, start, waitHttp, stopAll } from './lib.mjs';

const smoke = process.argv.includes('--smoke');
const option = process.argv.find((a) => a.startsWith('--reports='));
const REPORTS = smoke ? 4 : option ? Number(option.slice('--reports='.length)) : 1000;
const IN_FLIGHT = 8;

async function seed(db) {
  await db.query(`
    INSERT INTO call (title, year, funding_source, envelope_cents, opens_on, closes_on)
    SELECT 'Appel jobs ' || lpad(i::text, 4, '0'), 2024, 'FIR', 100000000, '2024-01-01', '2024-06-30'
    FROM generate_series(1, ${REPORTS}) i;
    CREATE TEMP TABLE jobs_call AS SELECT id FROM call WHERE title LIKE 'Appel jobs %';
    INSERT INTO call_axis (call_id, code, label, position) SELECT id, 'A1', 'Axe unique', 1 FROM jobs_call;
    INSERT INTO project (call_id, axis_code, title, holder_name, holder_kind, requested_cents, status)
    SELECT c.id, 'A1', 'Projet ' || k, 'Porteur ' || k, 'association', 3000000, 'in_progress'
    FROM jobs_call c, generate_series(1, 3) k;
    INSERT INTO project_department (project_id, department_code)
    SELECT p.id, '31' FROM project p JOIN jobs_call c ON c.id = p.call_id;
    INSERT INTO "grant" (project_id, call_id, axis_code, amount_cents)
    SELECT p.id, p.call_id, 'A1', 2500000 FROM project p JOIN jobs_call c ON c.id = p.call_id;
    INSERT INTO payment (grant_id, amount_cents, kind, paid_on)
    SELECT g.id, 1000000, 'advance', '2024-03-01' FROM "grant" g JOIN jobs_call c ON c.id = g.call_id;
    ANALYZE;
  `);
  return (await db.query(`SELECT c.id FROM call c JOIN jobs_call j ON j.id = c.id ORDER BY c.title`)).rows.map(
    (r) => r.id,
  );
}

/** A 503 (pool busy on a loaded machine) is retried as a client would; the dedupe makes that safe. */
async function requestOne(base, token, callId, attempt = 1) {
  const res = await fetch(`${base}/api/reports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'funding', params: { callId } }),
  });
  if (res.status === 503 && attempt < 5) {
    await new Promise((r) => setTimeout(r, 500 * attempt));
    return requestOne(base, token, callId, attempt + 1);
  }
  if (res.status !== 202) throw new Error(`POST /api/reports: ${res.status} ${await res.text()}`);
  return (await res.json()).id;
}

async function requestAll(base, token, callIds) {
  const ids = [];
  let next = 0;
  const lane = async () => {
    while (next < callIds.length) {
      ids.push(await requestOne(base, token, callIds[next++]));
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  return ids;
}

async function untilDone(db, ids) {
  for (;;) {
    const { rows } = await db.query(
      `SELECT status, count(*)::int AS n FROM report WHERE id = ANY ($1) GROUP BY status`,
      [ids],
    );
    const by = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    if ((by.queued ?? 0) + (by.running ?? 0) === 0) return by;
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function check(db, ids, storageDir, byStatus) {
  const done = await db.query(
    `SELECT count(*)::int AS events, count(DISTINCT entity_id)::int AS reports FROM audit_event
     WHERE action = 'report.done' AND entity_id = ANY ($1::text[])`,
    [ids],
  );
  const keys = await db.query(`SELECT count(DISTINCT file_key)::int AS n FROM report WHERE id = ANY ($1)`, [ids]);
  const files = new Set(readdirSync(`${storageDir}/reports`));
  const onDisk = ids.filter((id) => files.has(`${id}.pdf`)).length;
  const ok =
    byStatus.done === ids.length &&
    done.rows[0].events === ids.length &&
    done.rows[0].reports === ids.length &&
    keys.rows[0].n === ids.length &&
    onDisk === ids.length;
  console.log(
    `  ${JSON.stringify(byStatus)}; report.done events ${done.rows[0].events} for ${done.rows[0].reports} reports; ` +
      `${keys.rows[0].n} distinct file keys; ${onDisk} files on disk — ${ok ? 'no loss, no duplicate' : 'MISMATCH'}`,
  );
  return ok;
}

async function main() {
  const { url, env: seeded } = await seededDatabase(
    smoke ? 'iss_bench_jobs_smoke' : 'iss_bench_jobs',
    await freePort(),
  );
  const env = { ...seeded, WORKER_CONCURRENCY: '2' };
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const callIds = await seed(db);
  const api = start('api', env);
  const base = `http://127.0.0.1:${env.PORT}`;
  const results = [];
  let allOk = true;
  try {
    await waitHttp(`${base}/health`);
    for (const [workers, account] of [
      [1, 'auditeur@demo.iss.local'],
      [2, 'delegue@demo.iss.local'],
    ]) {
      const token = await login(base, account);
      const t0 = Date.now();
      const ids = await requestAll(base, token, callIds);
      console.log(`${workers} worker(s): ${ids.length} reports queued in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      const t1 = Date.now();
      const procs = Array.from({ length: workers }, () => start('worker', env));
      const byStatus = await untilDone(db, ids);
      const seconds = (Date.now() - t1) / 1000;
      await stopAll(...procs);
      // The same run without the processes' start: from the first claim to the last report done.
      const span = await db.query(
        `SELECT extract(epoch FROM max(finished_at) - min(started_at))::float8 AS s FROM report WHERE id = ANY ($1)`,
        [ids],
      );
      console.log(
        `  rendered in ${seconds.toFixed(1)} s = ${(ids.length / seconds).toFixed(1)} jobs/s (worker start included); ` +
          `first claim to last done ${span.rows[0].s.toFixed(1)} s = ${(ids.length / span.rows[0].s).toFixed(1)} jobs/s`,
      );
      allOk = (await check(db, ids, env.STORAGE_DIR, byStatus)) && allOk;
      results.push({ workers, jobsPerSecond: ids.length / seconds, steady: ids.length / span.rows[0].s });
    }
    const [one, two] = results;
    console.log(
      `\njobs/s: 1 worker ${one.jobsPerSecond.toFixed(1)}, 2 workers ${two.jobsPerSecond.toFixed(1)} (×${(two.jobsPerSecond / one.jobsPerSecond).toFixed(2)}); ` +
        `without the start: 1 worker ${one.steady.toFixed(1)}, 2 workers ${two.steady.toFixed(1)}`,
    );
  } finally {
    await stopAll(api);
    await db.end();
  }
  if (!allOk) throw new Error('lost or duplicated reports');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
