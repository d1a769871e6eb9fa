// Grant race (issue 7): in each round, 200 grant commitments whose total is three times the call's
// envelope arrive at once. Checks, every round: committed never above the envelope (also as read
// during the race), successes = floor(envelope / amount), no 5xx, one audit row per success; and at
// the end, the audit hash chain. Prints one line per round and a summary; exits 1 on any violation.
//
// Usage: npm run build && node bench/grant-race.mjs [--smoke] [--rounds N] [--concurrency N]
//   own database and api (BENCH_PG_SERVER, BENCH_REDIS_URL), 100 rounds unless --smoke (3 rounds);
//   --api <url> --database <url>: against a running api and its database instead (the e2e test does).
import { parseArgs } from 'node:util';
import pg from 'pg';
import { envFor, freshDatabase, login, run, start, waitHttp, stopAll } from './lib.mjs';

const { values: args } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    rounds: { type: 'string' },
    concurrency: { type: 'string', default: '200' },
    api: { type: 'string' },
    database: { type: 'string' },
  },
});
const ROUNDS = Number(args.rounds ?? (args.smoke ? 3 : 100));
const CONCURRENCY = Number(args.concurrency);
const PORT = 3901;

/** A call whose envelope fits a third of the requests, and CONCURRENCY selected projects on it. */
async function newRound(db, round) {
  // Envelopes vary by round; the amount is rounded so that the requests total at least three envelopes.
  const envelope = 1_000_000 + 7_919 * round;
  const amount = Math.ceil((3 * envelope) / CONCURRENCY);
  const { rows } = await db.query(
    `WITH c AS (INSERT INTO call (title, year, funding_source, envelope_cents, opens_on, closes_on)
                VALUES ($1, 2026, 'FIR', $2, '2026-01-01', '2026-06-30') RETURNING id),
          a AS (INSERT INTO call_axis (call_id, code, label, position) SELECT id, 'A1', 'Axe unique', 0 FROM c RETURNING call_id)
     INSERT INTO project (call_id, axis_code, title, holder_name, holder_kind, requested_cents, status)
     SELECT (SELECT call_id FROM a), 'A1', 'Projet ' || i, 'Porteur ' || i, 'association', $3, 'selected'
     FROM generate_series(1, $4::int) i RETURNING id, call_id`,
    [`Course aux subventions ${round} ${Date.now()}`, envelope, amount, CONCURRENCY],
  );
  return { callId: rows[0].call_id, projectIds: rows.map((r) => r.id), envelope, amount };
}

async function race(base, auth, db, round) {
  const { callId, projectIds, envelope, amount } = await newRound(db, round);
  const auditBefore = await count(db, `SELECT count(*) FROM audit_event WHERE action = 'grant.create'`);
  let racing = true;
  const observed = [];
  const watcher = (async () => {
    while (racing) {
      const res = await fetch(`${base}/api/calls/${callId}/funding`, { headers: auth });
      if (res.ok) observed.push((await res.json()).committedCents);
    }
  })();
  const t0 = Date.now();
  const answers = await Promise.all(
    projectIds.map(async (id) => {
      try {
        const res = await fetch(`${base}/api/projects/${id}/grant`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({ amountCents: amount }),
        });
        return { status: res.status, body: await res.json() };
      } catch (error) {
        return { status: 0, body: { message: error.message } };
      }
    }),
  );
  const ms = Date.now() - t0;
  racing = false;
  await watcher;

  const grantIds = answers.filter((a) => a.status === 201).map((a) => a.body.id);
  const committed = await count(db, `SELECT COALESCE(sum(amount_cents), 0) FROM "grant" WHERE call_id = $1`, [callId]);
  const audited = await count(
    db,
    `SELECT count(*) FROM audit_event WHERE action = 'grant.create' AND entity_id = ANY($1::text[])`,
    [grantIds],
  );
  const auditDelta = (await count(db, `SELECT count(*) FROM audit_event WHERE action = 'grant.create'`)) - auditBefore;
  const result = {
    round,
    envelope,
    amount,
    expected: Math.floor(envelope / amount),
    successes: grantIds.length,
    conflicts: answers.filter((a) => a.status === 409).length,
    serverErrors: answers.filter((a) => a.status >= 500 || a.status === 0).length,
    others: answers.filter((a) => ![201, 409].includes(a.status) && a.status < 500 && a.status !== 0).length,
    committed,
    maxObserved: Math.max(0, ...observed),
    reads: observed.length,
    audited,
    auditDelta,
    ms,
  };
  result.violations = violationsOf(result);
  return result;
}

function violationsOf(r) {
  const v = [];
  if (r.committed > r.envelope) v.push(`committed ${r.committed} above the envelope ${r.envelope}`);
  if (r.maxObserved > r.envelope) v.push(`read ${r.maxObserved} committed during the race`);
  if (r.successes !== r.expected) v.push(`${r.successes} successes, expected ${r.expected}`);
  if (r.committed !== r.successes * r.amount) v.push(`committed ${r.committed} ≠ successes × amount`);
  if (r.serverErrors > 0) v.push(`${r.serverErrors} server errors or dropped connections`);
  if (r.others > 0) v.push(`${r.others} answers neither 201 nor 409`);
  if (r.audited !== r.successes || r.auditDelta !== r.successes)
    v.push(`audit rows: ${r.audited} for the grants, ${r.auditDelta} in all, for ${r.successes} successes`);
  return v;
}

async function count(db, sql, params = []) {
  return Number(Object.values((await db.query(sql, params)).rows[0])[0]);
}

const euros = (cents) => (cents / 100).toLocaleString('fr-FR', { minimumFractionDigits: 2 });

async function ownStack() {
  const url = await freshDatabase('iss_bench_grant_race');
  const env = envFor(url, PORT);
  await run('cli', env, ['migrate']);
  await run('cli', env, ['seed-demo']);
  const api = start('api', env);
  const base = `http://127.0.0.1:${PORT}`;
  await waitHttp(`${base}/health`);
  return { base, url, stop: () => stopAll(api) };
}

async function main() {
  const stack =
    args.api && args.database ? { base: args.api, url: args.database, stop: () => undefined } : await ownStack();
  const db = new pg.Client({ connectionString: stack.url });
  await db.connect();
  let failed = 0;
  const results = [];
  try {
    const auth = { authorization: `Bearer ${await login(stack.base, 'delegue@demo.iss.local')}` };
    for (let round = 1; round <= ROUNDS; round++) {
      const r = await race(stack.base, auth, db, round);
      results.push(r);
      if (r.violations.length > 0) failed += 1;
      console.log(
        `round ${r.round}: ${r.successes}/${CONCURRENCY} granted (expected ${r.expected}), ${r.conflicts} × 409, ` +
          `${r.serverErrors} × 5xx; committed ${euros(r.committed)} € of ${euros(r.envelope)} € ` +
          `(max read during the race ${euros(r.maxObserved)} €, ${r.reads} reads); audit rows ${r.audited}; ${r.ms} ms` +
          (r.violations.length > 0 ? `  VIOLATION: ${r.violations.join('; ')}` : ''),
      );
    }
    const verify = await fetch(`${stack.base}/api/audit-events/verify`, {
      headers: { authorization: `Bearer ${await login(stack.base, 'auditeur@demo.iss.local')}` },
    }).then((res) => res.json());
    if (!verify.ok) failed += 1;
    const total = (key) => results.reduce((s, r) => s + r[key], 0);
    const times = results.map((r) => r.ms).sort((a, b) => a - b);
    console.log(
      `summary: ${ROUNDS} rounds × ${CONCURRENCY} concurrent grants; ${total('successes')} granted, ` +
        `${total('conflicts')} × 409, ${total('serverErrors')} × 5xx; committed above the envelope in ` +
        `${results.filter((r) => r.committed > r.envelope || r.maxObserved > r.envelope).length} rounds; ` +
        `audit rows ${total('audited')} for ${total('successes')} grants; audit chain ${verify.ok ? 'intact' : 'BROKEN'}; ` +
        `round time median ${times[Math.floor(times.length / 2)]} ms, max ${times[times.length - 1]} ms; ` +
        `${failed === 0 ? 'no violation' : `${failed} round(s) with violations`}`,
    );
  } finally {
    await db.end();
    await stack.stop();
  }
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
