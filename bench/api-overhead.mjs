// API overhead (issues 7 and 16): four hot reads, signed in, 32 connections (autocannon), against the
// compiled api and against bench/baseline-server.mjs (bare node:http + pg, same token check, same SQL,
// same JSON):
//   GET /api/projects?departmentCode=31&limit=50   on 10,000 projects
//   GET /api/actions?departmentCode=31             on 2,000 actions of a roadmap, with indicators
//   GET /api/calls/:id/funding                     a call of 2,000 projects, its grants and payments
//   GET /api/equity/funding?year=                  the year of the five bench calls (10,000 projects)
// For each route, rounds alternate api / baseline so that the shared machine's noise falls on both;
// medians of the rounds, the throughput ratio and the CPU time each server spent per request are
// printed, then EXPLAIN (ANALYZE, BUFFERS) of the project list's statements.
// The database is seeded as in a test run (demo accounts need NODE_ENV ≠ production); the api then
// runs with NODE_ENV=production, a random 48-character JWT_SECRET and LOG_LEVEL=info, its logs going
// to /dev/null (a log shipper reading stdout costs the same to the process).
// Usage: npm run build && node bench/api-overhead.mjs [--smoke] [--lists]
//   (--smoke: 300 projects, one short round; --lists: the project and action lists only)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { COUNT_SQL, PAGE_SQL, USER_SQL } from './hot-queries.mjs';
import { freePort, login, median, productionEnv, seededDatabase, start, waitHttp, stopAll } from './lib.mjs';

const smoke = process.argv.includes('--smoke');
const listsOnly = process.argv.includes('--lists');
const PROJECTS = smoke ? 300 : 10_000;
const ACTIONS = smoke ? 60 : 2_000;
const ROUNDS = smoke ? 1 : 5;
const SECONDS = smoke ? 2 : 10;
const CONNECTIONS = 32;
const YEAR = 2030;
const PROJECTS_PATH = '/api/projects?departmentCode=31&limit=50';

async function seed(url) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  // Plain SQL: the volume is the point. Five calls of four axes; projects spread over three years,
  // one to three departments each (31 and 34 more often, as in life), communes, transitions,
  // departmental opinions, and grants with payments for those past selection.
  await db.query(`
    INSERT INTO call (title, year, funding_source, envelope_cents, opens_on, closes_on)
    SELECT 'Appel bench ' || i, ${YEAR}, 'FIR', 100000000000, make_date(${YEAR}, 1, 15 + i), make_date(${YEAR}, 4, 30)
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
  // Actions of the demo's roadmap on its four axes, one or two departments each, two indicators each
  // (half of them measured), an update for every other one.
  await db.query(`
    INSERT INTO action (roadmap_id, axis_code, title, description, pilot, partners, levers, target_publics, status,
                        progress_percent, starts_on, ends_on, participation, created_at, updated_at)
    SELECT r.id, (ARRAY['PE','SMJ','SF','AP'])[1 + i % 4], 'Action bench ' || i || ' : médiation en santé',
      'Description de l’action ' || i, 'Pilote ' || (i % 40), 'Partenaires locaux', ARRAY[1 + i % 3], ARRAY['youth'],
      (ARRAY['planned','in_progress','done','blocked'])[1 + i % 4], (i * 7) % 101,
      date '2022-01-01' + (i % 200), date '2022-07-01' + (i % 400),
      (ARRAY['none','informed','consulted','co_designed','co_led'])[1 + i % 5],
      now() - (i % 500) * interval '1 day', now() - (i % 90) * interval '1 day'
    FROM generate_series(1, ${ACTIONS}) i, (SELECT id FROM roadmap ORDER BY year LIMIT 1) r;
    CREATE TEMP TABLE bench_action AS
    SELECT id, row_number() OVER (ORDER BY id) AS i FROM action WHERE title LIKE 'Action bench %';
    INSERT INTO action_department (action_id, department_code)
    SELECT DISTINCT a.id, d.code FROM bench_action a
    CROSS JOIN LATERAL (VALUES (1 + a.i % 13), (CASE WHEN a.i % 3 = 0 THEN 5 + 2 * (a.i % 2) END)) k(n)
    JOIN dept d ON d.n = k.n;
    INSERT INTO indicator (action_id, position, label, baseline, target, latest_value, latest_on, unit)
    SELECT a.id, k, 'Indicateur ' || k, 10, 100, CASE WHEN a.i % 2 = 0 THEN 40 + k END,
      CASE WHEN a.i % 2 = 0 THEN date '2023-03-01' END, 'personnes'
    FROM bench_action a CROSS JOIN generate_series(0, 1) k;
    INSERT INTO action_update (action_id, changes, comment, at)
    SELECT a.id, '{"progressPercent":{"from":0,"to":10}}', 'Point d’étape', now() - (a.i % 120) * interval '1 day'
    FROM bench_action a WHERE a.i % 2 = 1;
  `);
  // As autovacuum leaves a table at rest: statistics and the visibility map (index-only scans).
  await db.query('VACUUM ANALYZE');
  const { rows } = await db.query(
    `SELECT (SELECT count(*) FROM project)::int AS projects,
            (SELECT count(*) FROM project_department WHERE department_code = '31')::int AS in31,
            (SELECT count(*) FROM action)::int AS actions,
            (SELECT count(*) FROM "grant" g JOIN call c ON c.id = g.call_id AND c.year = ${YEAR})::int AS grants,
            (SELECT id FROM call WHERE title = 'Appel bench 1') AS "callId"`,
  );
  await db.end();
  const r = rows[0];
  console.log(
    `seeded: ${r.projects} projects, ${r.in31} in department 31, ${r.actions} actions, ${r.grants} grants in ${YEAR}`,
  );
  return r.callId;
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

/** CPU seconds (user + system) a process has used so far, from /proc (clock ticks of 10 ms). */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function load(server, path, token) {
  const cpu = cpuSeconds(server.pid);
  const result = await autocannon({
    url: `${server.base}${path}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    // The equity figures read every grant of the year: seconds per request at 32 connections on this
    // machine, past autocannon's default 10 s timeout.
    timeout: 60,
    headers: { authorization: `Bearer ${token}` },
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    // What one request costs the server's process, whatever else the machine runs meanwhile.
    cpuMs: ((cpuSeconds(server.pid) - cpu) * 1000) / Math.max(1, result.requests.total),
  };
}

const fmt = (r) =>
  `${Math.round(r.rps).toString().padStart(6)} req/s  p50 ${String(r.p50).padStart(3)} ms  p99 ${String(r.p99).padStart(3)} ms  errors ${r.errors}  cpu ${r.cpuMs.toFixed(2)} ms/req`;

async function sameBody(api, baseline, path, token) {
  const get = async (server) => {
    const res = await fetch(`${server.base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`${path}: ${res.status} from ${server.base}`);
    return res.text();
  };
  const [a, b] = await Promise.all([get(api), get(baseline)]);
  if (a !== b)
    throw new Error(
      `the baseline does not answer what the api answers on ${path}:\n${a.slice(0, 400)}\n${b.slice(0, 400)}`,
    );
  const body = JSON.parse(a);
  const what = 'total' in body ? `${body.items.length} items, total ${body.total}` : Object.keys(body).join(', ');
  console.log(`same body from both on ${path}: ${what}, ${a.length} bytes`);
}

const med = (xs) => ({
  rps: median(xs.map((x) => x.rps)),
  p50: median(xs.map((x) => x.p50)),
  p99: median(xs.map((x) => x.p99)),
  errors: xs.reduce((n, x) => n + x.errors, 0),
  cpuMs: median(xs.map((x) => x.cpuMs)),
});

/** Alternating rounds on one route, after a warm-up of each (JIT, pool, PostgreSQL's cache). */
async function measure(api, baseline, path, token) {
  await sameBody(api, baseline, path, token);
  await load(api, path, token);
  await load(baseline, path, token);
  const rounds = { api: [], baseline: [] };
  for (let i = 1; i <= ROUNDS; i += 1) {
    rounds.api.push(await load(api, path, token));
    rounds.baseline.push(await load(baseline, path, token));
    const [a, b] = [rounds.api.at(-1), rounds.baseline.at(-1)];
    console.log(`round ${i}  api ${fmt(a)}  |  baseline ${fmt(b)}  |  ratio ${(a.rps / b.rps).toFixed(2)}`);
  }
  const [a, b] = [med(rounds.api), med(rounds.baseline)];
  const ratios = rounds.api.map((x, i) => x.rps / rounds.baseline[i].rps);
  console.log(`\nGET ${path}, ${CONNECTIONS} connections, ${ROUNDS} × ${SECONDS} s, medians:`);
  console.log(`api (Nest + Fastify, production) ${fmt(a)}`);
  console.log(`baseline (node:http + pg)        ${fmt(b)}`);
  console.log(
    `throughput ratio api / baseline: median ${median(ratios).toFixed(2)} (of medians ${(a.rps / b.rps).toFixed(2)}; ` +
      `rounds ${ratios.map((r) => r.toFixed(2)).join(' ')}); p99 ratio ${(a.p99 / b.p99).toFixed(2)}; ` +
      `cpu per request ratio ${(a.cpuMs / b.cpuMs).toFixed(2)}\n`,
  );
  return { path, ratio: median(ratios), p99Ratio: a.p99 / b.p99 };
}

async function main() {
  const { url, env: seedEnv } = await seededDatabase(smoke ? 'iss_bench_api_smoke' : 'iss_bench_api', await freePort());
  const baselinePort = await freePort();
  const callId = await seed(url);
  const apiEnv = productionEnv(seedEnv, 'info');
  const apiProcess = start('api', apiEnv);
  const baselineProcess = spawn(process.execPath, [new URL('./baseline-server.mjs', import.meta.url).pathname], {
    // It loads the api's compiled policy, whose config module checks the environment as the api's does.
    env: { ...seedEnv, DATABASE_URL: url, JWT_SECRET: apiEnv.JWT_SECRET, PORT: String(baselinePort) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const api = { process: apiProcess, pid: apiProcess.pid, base: `http://127.0.0.1:${seedEnv.PORT}` };
  const baseline = { process: baselineProcess, pid: baselineProcess.pid, base: `http://127.0.0.1:${baselinePort}` };
  try {
    await waitHttp(`${api.base}/health`);
    const token = await login(api.base, 'delegue@demo.iss.local');
    await waitHttp(`${baseline.base}${PROJECTS_PATH}`, 30, { authorization: `Bearer ${token}` });
    const lists = [PROJECTS_PATH, '/api/actions?departmentCode=31'];
    const paths = listsOnly
      ? lists
      : [...lists, `/api/calls/${callId}/funding`, `/api/equity/funding?indicator=taux_pauvrete_dep&year=${YEAR}`];
    const results = [];
    for (const path of paths) results.push(await measure(api, baseline, path, token));
    console.log('summary (throughput ratio api / baseline, median of rounds; p99 ratio of medians):');
    for (const r of results) console.log(`  ${r.ratio.toFixed(2)}  p99 ×${r.p99Ratio.toFixed(2)}  GET ${r.path}`);
    await explain(url);
  } finally {
    await stopAll(apiProcess, baselineProcess);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
