// Funding at scale (issues 4 and 16): seeds 50 calls, 5,000 projects with grants and 50,000 payments, plus
// one call carrying 1,000,000 payment rows; then measures
//   - the funding report PDF of a 5,000-project call: time to done, the worker's peak memory (VmHWM: all
//     its threads), its event-loop delay p99 while the report was drawn (which the worker logs for each
//     report its rendering threads draw) and how many BullMQ locks or report leases it lost;
//   - the funding CSV of 1,000,000 payment rows: rows/s and how much the api's memory grows, against
//     PostgreSQL's own `COPY (the api's statement) TO STDOUT (FORMAT csv)` read here, rounds alternating.
// Usage: npm run build && node bench/funding.mjs [--quick | --smoke] [--only=pdf | --only=csv]
//   --quick: a tenth of the volume; --smoke: a few hundred rows, to prove the script works (test suite);
//   --only: the PDF or the CSV part alone (the other's data is not seeded)
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import fundingCsvSql from '../dist/libs/calls/src/funding-csv-sql.js';
import {
  freePort,
  logOf,
  login,
  median,
  memoryMb,
  seedLedgerCall,
  seededDatabase,
  start,
  waitHttp,
  stopAll,
} from './lib.mjs';

const { csvLinesSql } = fundingCsvSql;

const smoke = process.argv.includes('--smoke');
const scale = smoke ? 0.002 : process.argv.includes('--quick') ? 0.1 : 1;
const CALLS = 50;
const PROJECTS = Math.round(5000 * scale);
const PAYMENTS = Math.round(50_000 * scale);
const BIG_PAYMENTS = Math.round(1_000_000 * scale);
const CSV_ROUNDS = smoke ? 1 : 3;
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
if (only !== undefined && only !== 'pdf' && only !== 'csv') throw new Error(`--only=${only}: pdf or csv`);

async function seed(url) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const t = Date.now();
  // Plain SQL with generate_series: the volume is the point here, not the business rules the services check.
  await db.query(`
    INSERT INTO call (title, year, funding_source, envelope_cents, opens_on, closes_on)
    SELECT 'Appel ' || i, 2000 + i % 30, 'FIR', 10000000000, '2024-01-01', '2024-06-30' FROM generate_series(1, ${CALLS}) i;
    INSERT INTO call_axis (call_id, code, label, position)
    SELECT id, 'A' || k, 'Axe ' || k, k FROM call, generate_series(1, 4) k WHERE title ~ '^Appel [0-9]+$';
    -- the first call carries the 5,000-project report; the others share nothing with it
    WITH big AS (SELECT id FROM call WHERE title = 'Appel 1')
    INSERT INTO project (call_id, axis_code, title, holder_name, holder_kind, requested_cents, status)
    SELECT (SELECT id FROM big), 'A' || (1 + i % 4), 'Projet ' || i, 'Porteur ' || i, 'association', 2000000, 'selected'
    FROM generate_series(1, ${PROJECTS}) i;
    INSERT INTO project_department (project_id, department_code)
    SELECT p.id, d.code FROM project p JOIN call c ON c.id = p.call_id AND c.title = 'Appel 1'
    CROSS JOIN LATERAL (SELECT code FROM department WHERE p.id IS NOT NULL ORDER BY random() LIMIT 2) d;
    INSERT INTO "grant" (project_id, call_id, axis_code, amount_cents)
    SELECT p.id, p.call_id, p.axis_code, 1500000 FROM project p JOIN call c ON c.id = p.call_id AND c.title = 'Appel 1';
    INSERT INTO payment (grant_id, amount_cents, kind, paid_on)
    SELECT g.id, 100, CASE WHEN i % 10 = 0 THEN 'advance' ELSE 'installment' END, date '2024-01-01' + (i % 300)
    FROM (SELECT g.id, row_number() OVER () AS n FROM "grant" g JOIN call c ON c.id = g.call_id AND c.title = 'Appel 1') g
    JOIN generate_series(1, ${PAYMENTS}) i ON g.n = 1 + i % ${PROJECTS};
  `);
  // A second call whose ledger is the 1,000,000-row CSV.
  if (only !== 'pdf') await seedLedgerCall(db, 'Appel export', BIG_PAYMENTS);
  // A ledger at rest, as autovacuum leaves it: the visibility map set, so the ledger's index-only scans
  // do not fall back on the heap.
  await db.query('VACUUM ANALYZE');
  const ids = await db.query(`SELECT id, title FROM call WHERE title IN ('Appel 1', 'Appel export')`);
  await db.end();
  console.log(
    `seeded ${CALLS + (only === 'pdf' ? 0 : 1)} calls, ${PROJECTS + (only === 'pdf' ? 0 : 1000)} projects, ${PAYMENTS + (only === 'pdf' ? 0 : BIG_PAYMENTS)} payments in ${((Date.now() - t) / 1000).toFixed(1)} s`,
  );
  return Object.fromEntries(ids.rows.map((r) => [r.title === 'Appel 1' ? 'report' : 'export', r.id]));
}

async function main() {
  const { url, env } = await seededDatabase(smoke ? 'iss_bench_funding_smoke' : 'iss_bench_funding', await freePort());
  const calls = await seed(url);
  const api = start('api', env);
  // At info level, the worker logs each report its threads draw, with its event-loop delay meanwhile.
  const worker = start('worker', { ...env, LOG_LEVEL: 'info' }, { output: true });
  const workerLog = logOf(worker);
  const base = `http://127.0.0.1:${env.PORT}`;
  try {
    await waitHttp(`${base}/health`);
    const token = await login(base, 'auditeur@demo.iss.local');
    const auth = { authorization: `Bearer ${token}` };

    if (only !== 'csv') await pdfReport(base, auth, calls.report, worker, workerLog);
    if (only !== 'pdf') await csvExport(base, auth, calls.export, url, api);
  } finally {
    await stopAll(api, worker);
  }
}

/** The funding report of the 5,000-project call: its time, the worker's peak memory, loop delay and lost locks. */
async function pdfReport(base, auth, callId, worker, workerLog) {
  await new Promise((r) => setTimeout(r, 2000));
  const workerBefore = memoryMb(worker.pid);
  const t0 = Date.now();
  const posted = await fetch(`${base}/api/reports`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'funding', params: { callId } }),
  });
  if (posted.status !== 202) throw new Error(`POST /api/reports: ${posted.status} ${await posted.text()}`);
  const queued = await posted.json();
  let report;
  do {
    await new Promise((r) => setTimeout(r, 100));
    report = await (await fetch(`${base}/api/reports/${queued.id}`, { headers: auth })).json();
  } while (report.status === 'queued' || report.status === 'running');
  if (report.status !== 'done') throw new Error(`funding report ${report.status}: ${report.error}`);
  const reportSeconds = (Date.now() - t0) / 1000;
  const workerPeak = memoryMb(worker.pid).peak;
  await new Promise((r) => setTimeout(r, 200)); // the worker's last log lines
  const drawn = workerLog.filter((l) => l.includes('drawn in a thread')).at(-1) ?? '';
  const p99 = drawn.match(/event-loop delay p99 ([\d.]+) ms, max ([\d.]+) ms/);
  const lost = workerLog.filter((l) => /could not renew lock|Missing lock|Lock mismatch|lease lost|stalled/i.test(l));
  console.log(
    `funding report (${PROJECTS} projects, ${PAYMENTS} payments): ${report.status} in ${reportSeconds.toFixed(2)} s; worker peak RSS ${workerPeak.toFixed(0)} MB (before ${workerBefore.rss.toFixed(0)} MB); PDF ${report.fileSize} bytes; worker event-loop delay while drawing p99 ${p99 ? `${p99[1]} ms (max ${p99[2]} ms)` : 'not logged'}; lost locks or leases: ${lost.length}`,
  );
  for (const line of lost) console.log(`  ${line}`);
}

/** The CSV of the 1,000,000-payment call: the api's, and PostgreSQL's own COPY of the same statement. */
async function csvExport(base, auth, callId, url, api) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  // the session the api's export runs in (FundingRepository.streamCsvLines)
  await db.query(`SET jit = off; SET DateStyle = 'ISO'`);
  const apiBefore = memoryMb(api.pid);
  const rounds = { api: [], copy: [] };
  for (let round = 0; round < CSV_ROUNDS; round += 1) {
    rounds.copy.push(await copyCsv(db, callId));
    rounds.api.push(await apiCsv(base, auth, callId));
  }
  await db.end();
  const apiAfter = memoryMb(api.pid);
  const rate = (r) => Math.round(r.rows / r.seconds);
  for (const [name, list] of Object.entries(rounds)) {
    const { rows, bytes } = list[0];
    console.log(
      `${name === 'api' ? 'funding CSV' : 'PostgreSQL COPY (FORMAT csv)'}: ${rows} rows, ${(bytes / 1e6).toFixed(0)} MB in ${list.map((r) => r.seconds.toFixed(2)).join(' / ')} s = ${list.map(rate).join(' / ')} rows/s, median ${median(list.map(rate))} rows/s`,
    );
  }
  console.log(
    `funding CSV against COPY: median ratio ${(median(rounds.api.map(rate)) / median(rounds.copy.map(rate))).toFixed(2)}; api RSS ${apiBefore.rss.toFixed(0)} → peak ${apiAfter.peak.toFixed(0)} MB (growth ${(apiAfter.peak - apiBefore.rss).toFixed(0)} MB)`,
  );
}

/** The api's CSV download, its lines counted (minus the header). */
async function apiCsv(base, auth, callId) {
  const t = Date.now();
  const res = await fetch(`${base}/api/exports/funding.csv?callId=${callId}`, { headers: auth });
  if (res.status !== 200) throw new Error(`GET funding.csv: ${res.status} ${await res.text()}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of res.body) {
    bytes += chunk.length;
    // indexOf, not a loop over 200 MB of bytes: the client shares the machine's two cores with the api
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines += 1;
  }
  return { rows: lines - 1, bytes, seconds: (Date.now() - t) / 1000 };
}

/**
 * PostgreSQL writing the api's statement as CSV itself, read to the end as the api's download is. The
 * statement gives one value per grant holding its lines (CSV-quoted here, as they hold line ends): the
 * ledger rows are the line ends read less the COPY's own row ends (the bench's titles hold none).
 */
async function copyCsv(db, callId) {
  const t = Date.now();
  const copy = db.query(copyStreams.to(`COPY (${csvLinesSql(callId)}) TO STDOUT (FORMAT csv)`));
  let bytes = 0;
  let lineEnds = 0;
  for await (const chunk of copy) {
    bytes += chunk.length;
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lineEnds += 1;
  }
  const seconds = (Date.now() - t) / 1000;
  await db.query('SELECT 1'); // after the COPY's completion, which carries its row count
  return { rows: lineEnds - copy.rowCount, bytes, seconds };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
