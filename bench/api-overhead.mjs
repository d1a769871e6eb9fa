// API overhead (issue 7): GET /api/projects?departmentCode=31&limit=50 on 10,000 projects, signed in,
// 32 connections (autocannon), against the compiled api and against bench/baseline-server.mjs (bare
// node:http + pg, same token check, same SQL, same JSON). Rounds alternate api / baseline so that the
// shared machine's noise falls on both; medians of the rounds and the ratio are printed, then
// EXPLAIN (ANALYZE, BUFFERS) of the hot queries.
// The database is seeded as in a test run (demo accounts need NODE_ENV ≠ production); the api then
// runs with NODE_ENV=production, a random 48-character JWT_SECRET and LOG_LEVEL=info, its logs going
// to /dev/null (a log shipper reading stdout costs the same to the process).
// Usage: npm run build && node bench/api-overhead.mjs [--smoke]   (--smoke: 300 projects, one short round)
import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { COUNT_SQL, PAGE_SQL, USER_SQL } from './hot-queries.mjs';
import { freePort, login, median, seededDatabase, start, waitHttp } from './lib.mjs';

const smoke = process.argv.includes('--smoke');
const PROJECTS = smoke ? 300 : 10_000;
const ROUNDS = smoke ? 1 : 5;
const SECONDS = smoke ? 2 : 10;
const CONNECTIONS = 32;
const PATH = '/api/projects?departmentCode=31&limit=50';

async function seed(url) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  // Plain SQL: the volume is the point. Five calls of four axes; projects spread over three years,
  // one to three departments each (31 and 34 more often, as in life), communes, transitions,
  // departmental opinions, and grants with payments for those past selection.
  await db.query(`
    INSERT INTO call (title, year, funding_source, envelope_cents, opens_on, closes_on)
    SELECT 'Appel bench ' || i, 2020 + i, 'FIR', 100000000000, make_date(2020 + i, 1, 15), make_date(2020 + i, 4, 30)
    FROM generate_series(1, 5) i;
    INSERT INTO call_axis (call_id, code, label, position)
    SELECT c.id, 'AX' || k, 'Axe ' || k, k FROM call c, generate_series(1, 4) k WHERE c.title LIKE 'Appel bench %';
    CREATE TEMP TABLE bench_call AS SELECT id, row_number() OVER (ORDER BY title) AS n FROM call WHERE title LIKE 'Appel bench %';
    CREATE TEMP TABLE dept AS SELECT code, row_number() OVER (ORDER BY code) AS n FROM department;
    INSERT INTO project (call_id, axis_code, title, summary, holder_name, holder_kind, holder_siret, target_publics,
                         levers, requested_cents, status, created_at, updated_at)
    SELECT c.id, 'AX' || (1 + i % 4), 'Projet ' || i || ' : aller vers les publics éloignés du soin',
      'Résumé du projet ' || i || ', actions de proximité et partenariats locaux.',
      'Association porteuse ' || (i % 700), (ARRAY['association','local_authority','hospital'])[1 + i % 3],
      CASE WHEN i % 2 = 0 THEN lpad((i * 7919)::text, 14, '0') END,
      ARRAY['precarious', 'youth'], ARRAY[1 + i % 3], 1000000 + (i % 50) * 100000,
      (ARRAY['submitted','under_review','selected','rejected','agreement_signed','in_progress','closed'])[1 + i % 7],
      now() - (i % 1000) * interval '1 day' - i * interval '1 second', now() - (i % 300) * interval '1 day'
    FROM generate_series(1, ${PROJECTS}) i JOIN bench_call c ON c.n = 1 + i % 5;
    CREATE TEMP TABLE bench_project AS
    SELECT p.id, p.status, p.created_at, row_number() OVER (ORDER BY p.id) AS i
    FROM project p JOIN bench_call c ON c.id = p.call_id;
    INSERT INTO project_department (project_id, department_code)
    SELECT DISTINCT p.id, d.code FROM bench_project p
    CROSS JOIN LATERAL (VALUES (1 + p.i % 13), (CASE WHEN p.i % 3 = 0 THEN 5 + 2 * (p.i % 2) END),
                               (CASE WHEN p.i % 5 = 0 THEN 1 + (p.i / 5) % 13 END)) k(n)
    JOIN dept d ON d.n = k.n;
    INSERT INTO project_commune (project_id, insee_code)
    SELECT DISTINCT ON (pd.project_id) pd.project_id, m.insee_code
    FROM project_department pd JOIN bench_project p ON p.id = pd.project_id
    JOIN commune m ON m.department_code = pd.department_code
    ORDER BY pd.project_id, m.insee_code;
    INSERT INTO project_transition (project_id, from_status, to_status, comment, at)
    SELECT p.id, t.f, t.t, 'Instruction', p.created_at + t.d * interval '1 day' FROM bench_project p
    CROSS JOIN (VALUES ('draft', 'submitted', 1), ('submitted', 'under_review', 10)) t(f, t, d);
    INSERT INTO opinion (project_id, department_code, opinion, comment)
    SELECT pd.project_id, pd.department_code, 'favorable', 'Avis favorable de la délégation départementale'
    FROM project_department pd JOIN bench_project p ON p.id = pd.project_id AND p.status <> 'submitted';
    INSERT INTO "grant" (project_id, call_id, axis_code, amount_cents)
    SELECT p.id, p.call_id, p.axis_code, p.requested_cents FROM project p JOIN bench_project b ON b.id = p.id
    WHERE p.status IN ('selected','agreement_signed','in_progress','closed');
    INSERT INTO payment (grant_id, amount_cents, kind, paid_on)
    SELECT g.id, g.amount_cents / 2, k, date '2024-03-01' + n * 90
    FROM "grant" g JOIN bench_project b ON b.id = g.project_id
    CROSS JOIN (VALUES ('advance', 0), ('installment', 1)) x(k, n);
  `);
  // As autovacuum leaves a table at rest: statistics and the visibility map (index-only scans).
  await db.query('VACUUM ANALYZE');
  const { rows } = await db.query(
    `SELECT (SELECT count(*) FROM project)::int AS projects,
            (SELECT count(*) FROM project_department WHERE department_code = '31')::int AS in31`,
  );
  await db.end();
  console.log(`seeded: ${rows[0].projects} projects, ${rows[0].in31} in department 31`);
}

async function explain(url) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const user = (await db.query(`SELECT id FROM app_user WHERE email = 'delegue@demo.iss.local'`)).rows[0].id;
  const plans = [
    ['token check', USER_SQL, [user, randomUUID()]],
    ['project page', PAGE_SQL, ['31', 50, 0]],
    ['project count', COUNT_SQL, ['31']],
  ];
  for (const [label, sql, params] of plans) {
    const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    console.log(`\nEXPLAIN ${label}:\n${rows.map((r) => `  ${r['QUERY PLAN']}`).join('\n')}`);
  }
  await db.end();
}

async function load(base, token) {
  const result = await autocannon({
    url: `${base}${PATH}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { authorization: `Bearer ${token}` },
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

const fmt = (r) =>
  `${Math.round(r.rps).toString().padStart(6)} req/s  p50 ${String(r.p50).padStart(3)} ms  p99 ${String(r.p99).padStart(3)} ms  errors ${r.errors}`;

async function sameBody(apiBase, baselineBase, token) {
  const get = async (base) => (await fetch(`${base}${PATH}`, { headers: { authorization: `Bearer ${token}` } })).text();
  const [a, b] = await Promise.all([get(apiBase), get(baselineBase)]);
  if (a !== b)
    throw new Error(`the baseline does not answer what the api answers:\n${a.slice(0, 400)}\n${b.slice(0, 400)}`);
  const body = JSON.parse(a);
  console.log(`same body from both: ${body.items.length} items, total ${body.total}, ${a.length} bytes`);
}

async function main() {
  const { url, env: seedEnv } = await seededDatabase(smoke ? 'iss_bench_api_smoke' : 'iss_bench_api', await freePort());
  const baselinePort = await freePort();
  await seed(url);
  const jwtSecret = randomBytes(36).toString('base64url');
  // Production refuses the published development seal key: the bench makes a key of its own.
  const sealKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
  const api = start('api', {
    ...seedEnv,
    NODE_ENV: 'production',
    JWT_SECRET: jwtSecret,
    AUDIT_SEAL_PRIVATE_KEY: sealKey,
    LOG_LEVEL: 'info',
  });
  const baseline = spawn(process.execPath, [new URL('./baseline-server.mjs', import.meta.url).pathname], {
    // It loads the api's compiled policy, whose config module checks the environment as the api's does.
    env: { ...seedEnv, DATABASE_URL: url, JWT_SECRET: jwtSecret, PORT: String(baselinePort) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const apiBase = `http://127.0.0.1:${seedEnv.PORT}`;
  const baselineBase = `http://127.0.0.1:${baselinePort}`;
  try {
    await waitHttp(`${apiBase}/health`);
    const token = await login(apiBase, 'delegue@demo.iss.local');
    await waitHttp(`${baselineBase}/api/projects`, 30, { authorization: `Bearer ${token}` });
    await sameBody(apiBase, baselineBase, token);
    // Warm both (JIT, pool, PostgreSQL's cache) before measuring.
    await load(apiBase, token);
    await load(baselineBase, token);
    const rounds = { api: [], baseline: [] };
    for (let i = 1; i <= ROUNDS; i += 1) {
      rounds.api.push(await load(apiBase, token));
      rounds.baseline.push(await load(baselineBase, token));
      const [a, b] = [rounds.api.at(-1), rounds.baseline.at(-1)];
      console.log(`round ${i}  api ${fmt(a)}  |  baseline ${fmt(b)}  |  ratio ${(a.rps / b.rps).toFixed(2)}`);
    }
    const med = (xs) => ({
      rps: median(xs.map((x) => x.rps)),
      p50: median(xs.map((x) => x.p50)),
      p99: median(xs.map((x) => x.p99)),
      errors: xs.reduce((n, x) => n + x.errors, 0),
    });
    const [a, b] = [med(rounds.api), med(rounds.baseline)];
    const ratios = rounds.api.map((x, i) => x.rps / rounds.baseline[i].rps);
    console.log(`\nGET ${PATH}, ${CONNECTIONS} connections, ${ROUNDS} × ${SECONDS} s, medians:`);
    console.log(`api (Nest + Fastify, production) ${fmt(a)}`);
    console.log(`baseline (node:http + pg)        ${fmt(b)}`);
    console.log(
      `throughput ratio api / baseline: median ${median(ratios).toFixed(2)} (of medians ${(a.rps / b.rps).toFixed(2)})`,
    );
    await explain(url);
  } finally {
    api.kill('SIGTERM');
    baseline.kill('SIGTERM');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
