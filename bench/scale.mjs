// National scale (issue 16, docs/scaling.md): one database holding what the whole country would keep in ten
// years — 100,000 projects over 50 calls (grants, payments, transitions, opinions), 40,000 roadmap actions,
// 5,000 meetings (agenda, decisions, attendance), 700 more local health contracts and millions of audit
// events — then every list and figure route of the api, 8 connections for a few seconds each: p50, p95 and
// errors per route. PostgreSQL's auto_explain logs the plan of every statement over 50 ms while the routes
// run; the bench prints those plans for the routes whose p95 is 100 ms or more (the server log must be
// readable: run as root or postgres).
// Usage: npm run build && node bench/scale.mjs [--smoke] [--audit-events N] [--reuse]
//   --audit-events: how many (default 5,000,000); --reuse: measure the database a previous full run seeded
//   (left for inspection), migrated to the current schema, instead of seeding it again (minutes).
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import pg from 'pg';
import {
  existingDatabase,
  freePort,
  login,
  median,
  productionEnv,
  seededDatabase,
  start,
  waitHttp,
  stopAll,
} from './lib.mjs';

const smoke = process.argv.includes('--smoke');
const auditArg = process.argv.indexOf('--audit-events');
const VOLUME = smoke
  ? { calls: 5, projects: 500, actions: 200, meetings: 50, contracts: 20, auditEvents: 20_000 }
  : { calls: 50, projects: 100_000, actions: 40_000, meetings: 5_000, contracts: 700, auditEvents: 5_000_000 };
if (auditArg > 0) VOLUME.auditEvents = Number(process.argv[auditArg + 1]);
const CONNECTIONS = 8;
const SECONDS = smoke ? 0.3 : 4;
const TARGET_P95_MS = 100;
const SLOW_STATEMENT_MS = 50;
const PG_LOG = process.env.BENCH_PG_LOG ?? '/var/log/postgresql/postgresql-15-main.log';

/**
 * Calls, projects and their money over ten years: the mission's biggest tables but the audit trail. The
 * calls of the last year are open (one at smoke volume), the others decided. A decided call's projects were
 * rejected or went on to agreement_signed, in_progress or closed, their agreements signed; only the open
 * calls' projects wait (submitted, under_review, selected with an agreement to sign). Which projects have a
 * grant does not depend on it (i % 7 in 2, 4, 5, 6): bench/scale-realistic.sql turns a database seeded
 * before into this shape in place.
 */
const SEED_CALLS = (v) => `
  INSERT INTO call (title, year, funding_source, envelope_cents, opens_on, closes_on, status)
  SELECT 'Appel national ' || i, 2017 + i % 10, 'FIR', 100000000000, make_date(2017 + i % 10, 1, 15),
    make_date(2017 + i % 10, 4, 30), CASE WHEN i % 10 = ${Math.min(9, v.calls - 1)} THEN 'open' ELSE 'decided' END
  FROM generate_series(0, ${v.calls - 1}) i;
  INSERT INTO call_axis (call_id, code, label, position)
  SELECT c.id, 'AX' || k, 'Axe ' || k, k FROM call c, generate_series(1, 4) k WHERE c.title LIKE 'Appel national %';
  CREATE TEMP TABLE bench_call AS
  SELECT id, status, row_number() OVER (ORDER BY title) - 1 AS n FROM call WHERE title LIKE 'Appel national %';
  CREATE TEMP TABLE dept AS SELECT code, row_number() OVER (ORDER BY code) AS n FROM department;
  INSERT INTO project (call_id, axis_code, title, summary, holder_name, holder_kind, holder_siret, target_publics,
                       levers, requested_cents, status, participation, created_at, updated_at)
  SELECT c.id, 'AX' || (1 + i % 4), 'Projet ' || i || ' : aller vers les publics éloignés du soin',
    'Résumé du projet ' || i || ', actions de proximité et partenariats locaux.',
    'Association porteuse ' || (i % 7000), (ARRAY['association','local_authority','hospital'])[1 + i % 3],
    CASE WHEN i % 2 = 0 THEN lpad((i * 7919)::text, 14, '0') END,
    ARRAY[(ARRAY['young_people','women','people_in_precarity','older_people'])[1 + i % 4]], ARRAY[1 + i % 3],
    1000000 + (i % 50) * 100000,
    CASE WHEN c.status = 'open'
      THEN (ARRAY['submitted','under_review','selected','under_review','selected','selected','selected'])[1 + i % 7]
      ELSE (ARRAY['rejected','rejected','agreement_signed','rejected','agreement_signed','in_progress','closed'])[1 + i % 7]
    END,
    (ARRAY['none','informed','consulted','co_designed','co_led'])[1 + i % 5],
    now() - (i % 3650) * interval '1 day', now() - (i % 300) * interval '1 day'
  FROM generate_series(1, ${v.projects}) i JOIN bench_call c ON c.n = i % ${v.calls};
  CREATE TEMP TABLE bench_project AS
  SELECT p.id, p.status, p.created_at, row_number() OVER (ORDER BY p.id) AS i
  FROM project p JOIN bench_call c ON c.id = p.call_id;
  INSERT INTO project_department (project_id, department_code)
  SELECT DISTINCT p.id, d.code FROM bench_project p
  CROSS JOIN LATERAL (VALUES (1 + p.i % 13), (CASE WHEN p.i % 3 = 0 THEN 5 + 2 * (p.i % 2) END)) k(n)
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
  INSERT INTO "grant" (project_id, call_id, axis_code, amount_cents, agreement_signed_on)
  SELECT p.id, p.call_id, p.axis_code, p.requested_cents,
    CASE WHEN c.status = 'decided' THEN make_date(c.year, 5, 15) END
  FROM project p JOIN bench_project b ON b.id = p.id JOIN call c ON c.id = p.call_id
  WHERE p.status IN ('selected','agreement_signed','in_progress','closed');
  INSERT INTO payment (grant_id, amount_cents, kind, paid_on)
  SELECT g.id, g.amount_cents / 2, k, make_date(c.year, 6, 1) + n * 200
  FROM "grant" g JOIN bench_project b ON b.id = g.project_id JOIN call c ON c.id = g.call_id
  CROSS JOIN (VALUES ('advance', 0), ('balance', 1)) x(k, n);`;

/** Ten years of roadmaps and their actions, each followed up once. */
const SEED_ROADMAPS = (v) => `
  INSERT INTO roadmap (year, status)
  SELECT y, CASE WHEN y = 2026 THEN 'draft' ELSE 'validated' END FROM generate_series(2017, 2026) y
  WHERE NOT EXISTS (SELECT 1 FROM roadmap r WHERE r.year = y);
  INSERT INTO roadmap_axis (roadmap_id, code, label, position)
  SELECT r.id, 'A' || k, 'Axe ' || k, k FROM roadmap r, generate_series(1, 4) k
  WHERE NOT EXISTS (SELECT 1 FROM roadmap_axis a WHERE a.roadmap_id = r.id);
  CREATE TEMP TABLE bench_roadmap AS SELECT id, row_number() OVER (ORDER BY year) - 1 AS n FROM roadmap;
  INSERT INTO action (roadmap_id, axis_code, title, description, pilot, target_publics, status, progress_percent,
                      levers, participation, starts_on, ends_on)
  SELECT r.id, a.code, 'Action ' || i || ' : prévention au plus près des habitants', 'Description ' || i,
    'Pilote ' || (i % 300), ARRAY['people_in_precarity'],
    (ARRAY['planned','in_progress','done','blocked'])[1 + i % 4], (i * 7) % 101, ARRAY[1 + i % 3],
    (ARRAY['none','informed','consulted','co_designed','co_led'])[1 + i % 5], date '2017-01-01' + (i % 3000),
    date '2017-06-01' + (i % 3000)
  FROM generate_series(1, ${v.actions}) i
  JOIN bench_roadmap r ON r.n = i % (SELECT count(*) FROM bench_roadmap)
  JOIN LATERAL (SELECT code FROM roadmap_axis x WHERE x.roadmap_id = r.id ORDER BY position LIMIT 1) a ON true;
  INSERT INTO action_department (action_id, department_code)
  SELECT a.id, d.code FROM (SELECT id, row_number() OVER (ORDER BY id) AS i FROM action) a
  JOIN dept d ON d.n = 1 + a.i % 13
  WHERE NOT EXISTS (SELECT 1 FROM action_department x WHERE x.action_id = a.id);
  INSERT INTO action_update (action_id, at, changes, comment)
  SELECT id, now() - interval '30 days', '{"progressPercent": 10}', 'Point d''étape' FROM action;`;

/** Meetings of the demo's bodies over ten years, with their agenda, a decision and the attendance. */
const SEED_MEETINGS = (v) => `
  CREATE TEMP TABLE bench_body AS SELECT id, row_number() OVER (ORDER BY name) - 1 AS n FROM body;
  INSERT INTO meeting (body_id, starts_at, place, status)
  SELECT b.id, timestamptz '2017-01-10 14:00+01' + i * interval '17 hours', 'Montpellier',
    CASE WHEN i < ${v.meetings - 20} THEN 'closed' ELSE 'planned' END
  FROM generate_series(0, ${v.meetings - 1}) i JOIN bench_body b ON b.n = i % (SELECT count(*) FROM bench_body);
  INSERT INTO agenda_item (meeting_id, position, title)
  SELECT m.id, k, 'Point ' || k FROM meeting m, generate_series(1, 4) k
  WHERE NOT EXISTS (SELECT 1 FROM agenda_item a WHERE a.meeting_id = m.id);
  INSERT INTO decision (meeting_id, title, text, votes_for, votes_against, abstentions, agenda_item_position)
  SELECT m.id, 'Décision', 'La commission adopte le point.', 12, 1, 2, 1 FROM meeting m
  WHERE m.status = 'closed' AND NOT EXISTS (SELECT 1 FROM decision d WHERE d.meeting_id = m.id);
  INSERT INTO attendance (meeting_id, member_id, status)
  SELECT m.id, x.id, 'present' FROM meeting m CROSS JOIN (SELECT id FROM member ORDER BY id LIMIT 10) x
  WHERE m.status = 'closed' AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = m.id);`;

/** Contracts of every department, each over one commune. */
const SEED_CONTRACTS = (v) => `
  INSERT INTO local_health_contract (name, department_code, status, signed_on, local_authority)
  SELECT 'CLS national ' || i, d.code, CASE WHEN i % 3 = 0 THEN 'in_preparation' ELSE 'signed' END,
    CASE WHEN i % 3 <> 0 THEN date '2018-01-01' + i END, 'Communauté ' || i
  FROM generate_series(1, ${v.contracts}) i JOIN dept d ON d.n = 1 + i % 13;
  INSERT INTO contract_territory (contract_id, insee_code)
  SELECT c.id, (SELECT insee_code FROM commune m WHERE m.department_code = c.department_code
                ORDER BY insee_code OFFSET (hashtext(c.name) & 15) LIMIT 1)
  FROM local_health_contract c WHERE c.name LIKE 'CLS national %';`;

/**
 * The audit trail's volume, in the shape the api writes (entity, actor, before/after). The hashes are
 * unique but not a chain: verifying it is another bench's business (bench/audit-verify.mjs).
 */
const SEED_AUDIT = (v) => `
  CREATE TEMP TABLE bench_actor AS SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM app_user;
  CREATE TEMP TABLE bench_entity AS SELECT id::text AS id, row_number() OVER (ORDER BY id) - 1 AS n FROM project;
  INSERT INTO audit_event (at, actor_id, action, entity_type, entity_id, after, hash)
  SELECT timestamptz '2017-01-01' + i * interval '1 minute' * (5000000.0 / ${v.auditEvents}), a.id,
    'project.update', 'project', e.id, jsonb_build_object('title', 'Projet ' || i), md5(i::text) || md5((-i)::text)
  FROM generate_series(1, ${v.auditEvents}) i
  JOIN bench_actor a ON a.n = i % (SELECT count(*) FROM bench_actor)
  JOIN bench_entity e ON e.n = i % (SELECT count(*) FROM bench_entity);`;

async function seed(url) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  for (const [what, sql] of [
    ['calls and projects', SEED_CALLS],
    ['roadmaps and actions', SEED_ROADMAPS],
    ['meetings', SEED_MEETINGS],
    ['contracts', SEED_CONTRACTS],
    ['audit events', SEED_AUDIT],
  ]) {
    const t = performance.now();
    await db.query(sql(VOLUME));
    console.log(`seeded ${what} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  await db.query('VACUUM ANALYZE');
  // The plans of slow statements go to the server log while the routes run (see the header).
  const name = new URL(url).pathname.slice(1);
  await db.query(`ALTER DATABASE ${name} SET session_preload_libraries = 'auto_explain'`);
  await db.query(`ALTER DATABASE ${name} SET auto_explain.log_min_duration = '${SLOW_STATEMENT_MS}ms'`);
  await db.end();
}

async function printVolume(url) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const counts = await db.query(`SELECT (SELECT count(*) FROM project)::int AS projects,
    (SELECT count(*) FROM payment)::int AS payments, (SELECT count(*) FROM action)::int AS actions,
    (SELECT count(*) FROM meeting)::int AS meetings, (SELECT count(*) FROM local_health_contract)::int AS contracts,
    (SELECT count(*) FROM audit_event)::int AS "audit events",
    pg_size_pretty(pg_database_size(current_database())) AS "on disk"`);
  await db.end();
  console.log(
    `volume: ${Object.entries(counts.rows[0])
      .map(([k, n]) => `${n.toLocaleString('en')} ${k}`)
      .join(', ')}`,
  );
}

/** Ids the routes are read with: the biggest call, one of its projects, and one of each other subject. */
async function subjects(url) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const one = async (sql) => Object.values((await db.query(sql)).rows[0] ?? {})[0];
  const ids = {
    call: await one(`SELECT call_id FROM project GROUP BY call_id ORDER BY count(*) DESC LIMIT 1`),
    project: await one(`SELECT project_id FROM "grant" ORDER BY created_at DESC LIMIT 1`),
    grant: await one(`SELECT id FROM "grant" ORDER BY created_at DESC LIMIT 1`),
    body: await one(`SELECT id FROM body WHERE kind = 'plenary'`),
    meeting: await one(`SELECT meeting_id FROM minutes LIMIT 1`),
    member: await one(`SELECT id FROM member ORDER BY id LIMIT 1`),
    seat: await one(`SELECT id FROM seat ORDER BY id LIMIT 1`),
    user: await one(`SELECT id FROM app_user WHERE email = 'referent31@demo.iss.local'`),
    action: await one(`SELECT id FROM action ORDER BY created_at DESC LIMIT 1`),
    contract: await one(`SELECT id FROM local_health_contract ORDER BY name LIMIT 1`),
    year: await one(`SELECT year FROM call GROUP BY year ORDER BY count(*) DESC, year DESC LIMIT 1`),
  };
  await db.end();
  return ids;
}

/** Every list and figure route (not the exports, files and chain verification, which have benches of their own). */
function routes(s) {
  return [
    ['/api/auth/me'],
    ['/api/users', 'admin'],
    [`/api/users/${s.user}`, 'admin'],
    ['/api/departments'],
    ['/api/audit-events'],
    [`/api/audit-events?entityType=project&entityId=${s.project}`],
    ['/api/audit-events/seals'],
    ['/api/reports'],
    ['/api/bodies'],
    [`/api/bodies/${s.body}`],
    [`/api/bodies/${s.body}/participation`],
    [`/api/seats/${s.seat}`],
    ['/api/members'],
    [`/api/members/${s.member}`],
    ['/api/meetings'],
    [`/api/meetings/${s.meeting}`],
    [`/api/meetings/${s.meeting}/minutes`],
    ['/api/calls'],
    [`/api/calls/${s.call}`],
    [`/api/calls/${s.call}/funding`],
    [`/api/calls/${s.call}/projects-by-status`],
    [`/api/calls/${s.call}/ranking`],
    ['/api/projects/awaiting-action'],
    ['/api/projects?limit=50'],
    ['/api/projects?departmentCode=31&limit=50'],
    [`/api/projects?callId=${s.call}&limit=50`],
    [`/api/projects/${s.project}`],
    [`/api/projects/${s.project}/scores`],
    [`/api/projects/${s.project}/notes`],
    [`/api/projects/${s.project}/labels`],
    ['/api/grants/overdue-reports'],
    [`/api/grants/${s.grant}`],
    [`/api/grants/${s.grant}/follow-up`],
    ['/api/roadmaps'],
    ['/api/roadmaps/2025'],
    ['/api/roadmaps/2025/eligible-decisions'],
    ['/api/roadmaps/2025/progress'],
    ['/api/roadmaps/2025/stale-actions'],
    ['/api/actions'],
    ['/api/actions?departmentCode=31'],
    [`/api/actions/${s.action}`],
    [`/api/actions/${s.action}/links`],
    [`/api/actions/${s.action}/updates`],
    ['/api/local-health-contracts'],
    ['/api/local-health-contracts/coverage'],
    [`/api/local-health-contracts/${s.contract}`],
    [`/api/local-health-contracts/${s.contract}/actions`],
    ['/api/communes?q=saint'],
    ['/api/epcis?q=communaute'],
    ['/api/indicators'],
    ['/api/indicators/taux_pauvrete_dep/values'],
    ['/api/indicators/taux_pauvrete_dep/imports'],
    [`/api/equity/funding?indicator=taux_pauvrete_dep&year=${s.year}`],
    ['/api/equity/contracts?indicator=indice_defavorisation_epci'],
    [`/api/equity/publics?year=${s.year}`],
  ];
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];

/** CONNECTIONS loops requesting one path for SECONDS: latencies of the answered requests, and the failures. */
async function load(base, token, path) {
  const headers = { authorization: `Bearer ${token}` };
  const first = await fetch(`${base}${path}`, { headers });
  const sample = await first.text();
  if (!first.ok) return { path, status: first.status, error: sample.slice(0, 200) };
  const times = [];
  let errors = 0;
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        const res = await fetch(`${base}${path}`, { headers });
        await res.arrayBuffer();
        if (res.ok) times.push(performance.now() - t);
        else errors += 1;
      }
    }),
  );
  times.sort((a, b) => a - b);
  return { path, requests: times.length, errors, p50: median(times), p95: percentile(times, 95), bytes: sample.length };
}

/**
 * The plans auto_explain wrote for this database since `offset`, one per statement (its slowest run), with
 * how many runs went over the threshold.
 */
function slowPlans(offset, database) {
  let text;
  try {
    const fd = openSync(PG_LOG, 'r');
    const buffer = Buffer.alloc(Math.max(0, statSync(PG_LOG).size - offset));
    readSync(fd, buffer, 0, buffer.length, offset);
    closeSync(fd);
    text = buffer.toString('utf8');
  } catch (error) {
    return `(server log ${PG_LOG} not readable: ${error.code}; set BENCH_PG_LOG or run as root)`;
  }
  const byStatement = new Map();
  for (const entry of text.split(/\n(?=\d{4}-\d\d-\d\d )/)) {
    const found = entry.match(/@(\w+) LOG: {2}duration: ([\d.]+) ms {2}plan:\n\s*Query Text: ([^\n]*)/);
    if (!found || found[1] !== database) continue;
    const [, , ms, query] = found;
    const seen = byStatement.get(query) ?? { runs: 0, ms: 0 };
    byStatement.set(query, { runs: seen.runs + 1, ...(Number(ms) > seen.ms ? { ms: Number(ms), entry } : seen) });
  }
  if (byStatement.size === 0) return `(no statement over ${SLOW_STATEMENT_MS} ms)`;
  return [...byStatement.values()]
    .sort((a, b) => b.ms - a.ms)
    .map(
      (s) =>
        `— ${s.runs} run(s) over ${SLOW_STATEMENT_MS} ms, slowest ${s.ms} ms:\n${s.entry.split('\n').slice(1).join('\n')}`,
    )
    .join('\n\n');
}

const logSize = () => {
  try {
    return statSync(PG_LOG).size;
  } catch {
    return 0;
  }
};

async function main() {
  const name = smoke ? 'iss_bench_scale_smoke' : 'iss_bench_scale';
  const port = await freePort();
  const reused = process.argv.includes('--reuse') ? await existingDatabase(name, port) : undefined;
  const { url, env } = reused ?? (await seededDatabase(name, port));
  if (!reused) await seed(url);
  await printVolume(url);
  const ids = await subjects(url);
  const api = start('api', productionEnv(env));
  const base = `http://127.0.0.1:${env.PORT}`;
  const results = [];
  try {
    await waitHttp(`${base}/health`);
    const tokens = {
      delegate: await login(base, 'delegue@demo.iss.local'),
      admin: await login(base, 'admin@demo.iss.local'),
    };
    const logStart = logSize();
    for (const [path, role = 'delegate'] of routes(ids)) {
      const r = await load(base, tokens[role], path);
      results.push(r);
      console.log(
        r.status
          ? `${path}: HTTP ${r.status} ${r.error}`
          : `${r.p95 < TARGET_P95_MS ? 'ok  ' : 'SLOW'} p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms  ${String(r.requests).padStart(5)} req  ${String(r.errors).padStart(2)} err  ${path}`,
      );
    }
    if (results.some((r) => r.status || r.p95 >= TARGET_P95_MS))
      console.log(
        `\nPlans of the statements over ${SLOW_STATEMENT_MS} ms:\n${slowPlans(logStart, new URL(url).pathname.slice(1))}`,
      );
  } finally {
    await stopAll(api);
  }
  const measured = results.filter((r) => !r.status);
  const fast = measured.filter((r) => r.p95 < TARGET_P95_MS);
  console.log(
    `\n${measured.length} routes at ${CONNECTIONS} connections: ${fast.length} with p95 < ${TARGET_P95_MS} ms; slowest p95 ${Math.max(...measured.map((r) => r.p95)).toFixed(1)} ms`,
  );
  if (results.some((r) => r.status)) process.exitCode = 1;
}

await main();
