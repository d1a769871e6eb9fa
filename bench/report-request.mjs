// Requesting a report on a big subject (issue 16): POST /api/reports for the funding report of a call
// whose ledger holds 1,000,000 payments. The request is fingerprinted from the call's data version,
// computed in SQL (never the ledger itself); this measures how long the api takes to answer, how much
// its memory grows, and checks that identical requests fold into one report while a payment added in
// between makes a new one. Prints the EXPLAIN ANALYZE of the data version's query on that call.
// No worker runs: the rendering is not what is measured (bench/funding.mjs and bench/jobs.mjs are).
// Usage: npm run build && node bench/report-request.mjs [--smoke]   (--smoke: 2,000 payments)
import pg from 'pg';
import fundingVersion from '../dist/libs/calls/src/funding-version.js';
import dataVersion from '../dist/libs/core/src/database/data-version.js';
import { freePort, login, median, memoryMb, seedLedgerCall, seededDatabase, start, waitHttp, stopAll } from './lib.mjs';

const smoke = process.argv.includes('--smoke');
const PAYMENTS = smoke ? 2000 : 1_000_000;
const REQUESTS = smoke ? 5 : 40;

/** The statement the calls lib runs for the call's data version, from its compiled modules. */
const versionQuery = (callId) => ({
  sql: dataVersion.rowSetsVersionSql(fundingVersion.FUNDING_ROW_SETS),
  parameters: [[callId]],
});

async function post(base, auth, body) {
  const t = performance.now();
  const res = await fetch(`${base}/api/reports`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 202) throw new Error(`POST /api/reports: ${res.status} ${await res.text()}`);
  return { id: (await res.json()).id, ms: performance.now() - t };
}

async function main() {
  const { url, env } = await seededDatabase(
    smoke ? 'iss_bench_report_request_smoke' : 'iss_bench_report_request',
    await freePort(),
  );
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const t = Date.now();
  const callId = await seedLedgerCall(db, 'Appel registre', PAYMENTS);
  console.log(`seeded a call with ${PAYMENTS} payments in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  const { sql, parameters } = versionQuery(callId);
  const plan = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, parameters);

  const api = start('api', env);
  const base = `http://127.0.0.1:${env.PORT}`;
  try {
    await waitHttp(`${base}/health`);
    const auth = { authorization: `Bearer ${await login(base, 'auditeur@demo.iss.local')}` };
    const request = { kind: 'funding', params: { callId } };
    // Warm-up on another subject: the first request's one-off costs (pools, JIT) are not the figure.
    await post(base, auth, { kind: 'directory' });
    await new Promise((r) => setTimeout(r, 1000));
    const before = memoryMb(api.pid);
    // The api's resident memory sampled while it answers: its highest value is the growth measured.
    let highest = before.rss;
    const sampler = setInterval(() => (highest = Math.max(highest, memoryMb(api.pid).rss)), 10);

    const answers = [];
    for (let i = 0; i < REQUESTS; i++) answers.push(await post(base, auth, request));
    const ids = new Set(answers.map((a) => a.id));
    if (ids.size !== 1) throw new Error(`${REQUESTS} identical requests made ${ids.size} reports`);
    await db.query(
      `INSERT INTO payment (grant_id, amount_cents, kind, paid_on)
       SELECT id, 100, 'balance', '2024-12-01' FROM "grant" WHERE call_id = $1 ORDER BY id LIMIT 1`,
      [callId],
    );
    const changed = await post(base, auth, request);
    if (ids.has(changed.id)) throw new Error('a payment added did not make a new report');
    clearInterval(sampler);
    const after = memoryMb(api.pid);
    // A read of the report just made, the same path to the api without fingerprinting: the machine's floor.
    const reads = [];
    for (let i = 0; i < REQUESTS; i++) {
      const t0 = performance.now();
      await (await fetch(`${base}/api/reports/${changed.id}`, { headers: auth })).arrayBuffer();
      reads.push(performance.now() - t0);
    }

    const ms = answers.map((a) => a.ms);
    console.log(
      `POST /api/reports, funding of a ${PAYMENTS}-payment call: ${REQUESTS} identical requests, median ${median(ms).toFixed(1)} ms, slowest ${Math.max(...ms).toFixed(1)} ms; one report for all of them, a new one after a payment (${changed.ms.toFixed(1)} ms)`,
    );
    console.log(
      `api RSS ${before.rss.toFixed(0)} MB before, highest ${highest.toFixed(0)} MB while answering (growth ${(highest - before.rss).toFixed(0)} MB), ${after.rss.toFixed(0)} MB after`,
    );
    console.log(`GET /api/reports/:id for comparison: median ${median(reads).toFixed(1)} ms`);
    console.log(`EXPLAIN data version:\n${plan.rows.map((r) => `  ${r['QUERY PLAN']}`).join('\n')}`);
  } finally {
    await db.end();
    await stopAll(api);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
