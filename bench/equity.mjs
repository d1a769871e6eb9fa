// Equity figures at scale (issue 15): 10,000 projects with grants over the five calls of one year, one
// to three departments each (declared shares for a third of them), then GET /api/equity/funding and
// GET /api/equity/publics on that year against the demo's poverty rate by department: median and
// slowest of 20 requests after a warm-up.
// Usage: npm run build && node bench/equity.mjs [--smoke]   (--smoke: 300 projects, 3 requests)
import pg from 'pg';
import { freePort, login, median, seededDatabase, start, waitHttp, stopAll } from './lib.mjs';

const smoke = process.argv.includes('--smoke');
const PROJECTS = smoke ? 300 : 10_000;
const REQUESTS = smoke ? 3 : 20;
const YEAR = 2030;

async function seed(url) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  // Plain SQL: the volume is the point, not the rules the services check on the way.
  await db.query(`
    INSERT INTO call (title, year, funding_source, envelope_cents, opens_on, closes_on)
    SELECT 'Appel équité ' || i, ${YEAR}, 'FIR', 100000000000, make_date(${YEAR}, 1, 15), make_date(${YEAR}, 4, 30)
    FROM generate_series(1, 5) i;
    INSERT INTO call_axis (call_id, code, label, position)
    SELECT c.id, 'AX', 'Axe', 1 FROM call c WHERE c.title LIKE 'Appel équité %';
    CREATE TEMP TABLE bench_call AS SELECT id, row_number() OVER (ORDER BY title) AS n FROM call WHERE title LIKE 'Appel équité %';
    CREATE TEMP TABLE dept AS SELECT code, row_number() OVER (ORDER BY code) AS n FROM department;
    INSERT INTO project (call_id, axis_code, title, holder_name, holder_kind, target_publics, levers, requested_cents,
                         status, participation)
    SELECT c.id, 'AX', 'Projet équité ' || i, 'Porteur ' || (i % 700), 'association',
      ARRAY[(ARRAY['young_people','women','people_in_precarity','older_people'])[1 + i % 4]], ARRAY[3],
      1000000 + (i % 50) * 100000, 'in_progress',
      (ARRAY['none','informed','consulted','co_designed','co_led'])[1 + i % 5]
    FROM generate_series(1, ${PROJECTS}) i JOIN bench_call c ON c.n = 1 + i % 5;
    CREATE TEMP TABLE bench_project AS
    SELECT p.id, row_number() OVER (ORDER BY p.id) AS i FROM project p JOIN bench_call c ON c.id = p.call_id;
    INSERT INTO project_department (project_id, department_code, share_bp)
    SELECT p.id, d.code, CASE WHEN p.i % 3 = 0 THEN CASE WHEN k.n = 1 + p.i % 13 THEN 7000 ELSE 3000 END END
    FROM bench_project p
    CROSS JOIN LATERAL (VALUES (1 + p.i % 13), (CASE WHEN p.i % 3 = 0 THEN 1 + (p.i + 5) % 13 END)) k(n)
    JOIN dept d ON d.n = k.n;
    INSERT INTO "grant" (project_id, call_id, axis_code, amount_cents)
    SELECT p.id, p.call_id, p.axis_code, p.requested_cents FROM project p JOIN bench_project b ON b.id = p.id;
    INSERT INTO payment (grant_id, amount_cents, kind, paid_on)
    SELECT g.id, g.amount_cents / 2, 'advance', make_date(${YEAR}, 6, 1)
    FROM "grant" g JOIN bench_project b ON b.id = g.project_id;
  `);
  await db.query('VACUUM ANALYZE');
  const { rows } = await db.query(
    `SELECT count(*)::int AS n FROM "grant" g JOIN call c ON c.id = g.call_id AND c.year = ${YEAR}`,
  );
  console.log(`seeded: ${rows[0].n} projects with a grant in the ${YEAR} calls`);
  await db.end();
}

async function timed(base, token, path) {
  const times = [];
  let body;
  for (let i = 0; i <= REQUESTS; i += 1) {
    const t = performance.now();
    const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    body = await res.json();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
    // The first request warms the pool and the JIT: not counted.
    if (i > 0) times.push(performance.now() - t);
  }
  console.log(`${path}: median ${median(times).toFixed(0)} ms, slowest ${Math.max(...times).toFixed(0)} ms`);
  return body;
}

async function main() {
  const { url, env } = await seededDatabase(smoke ? 'iss_bench_equity_smoke' : 'iss_bench_equity', await freePort());
  await seed(url);
  const api = start('api', env);
  const base = `http://127.0.0.1:${env.PORT}`;
  try {
    await waitHttp(`${base}/health`);
    const token = await login(base, 'delegue@demo.iss.local');
    const funding = await timed(base, token, `/api/equity/funding?indicator=taux_pauvrete_dep&year=${YEAR}`);
    console.log(`concentration index ${funding.concentrationIndex}`);
    await timed(base, token, `/api/equity/publics?year=${YEAR}`);
  } finally {
    await stopAll(api);
  }
}

await main();
