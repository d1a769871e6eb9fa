// Audit chain verification at scale (issue 16): appends 1,000,000 valid chained events to the demo trail,
// then times GET /api/audit-events/verify, which walks the whole chain and holds every seal against it, and
// the same verification as a job end to end: POST /api/audit-events/verifications, then poll the run until
// the worker has recorded its result.
// The events are hashed here with the application's own function (dist) and loaded with COPY FROM as the
// superuser: inserts are what the append-only triggers allow, and the api then reads them as any other.
// Usage: npm run build && node bench/audit-verify.mjs [--quick | --smoke]
//   --quick: a tenth of the volume; --smoke: a few hundred events, to prove the script works (test suite)
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import auditHashModule from '../dist/libs/audit/src/audit-hash.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, login, median, memoryMb, seededDatabase, start, waitHttp, stopAll } from './lib.mjs';

const { auditHash } = auditHashModule;
const smoke = process.argv.includes('--smoke');
const EVENTS = smoke ? 500 : process.argv.includes('--quick') ? 100_000 : 1_000_000;
const ROUNDS = smoke ? 1 : 3;

/** COPY text format: backslash, tab and line ends escaped; null is \N. */
const copyText = (value) =>
  value === null
    ? '\\N'
    : String(value).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]);

/** Events shaped like the application's (a project's edits, with before and after), chained onto `head`. */
function* events(firstId, head, actorId) {
  let prevHash = head;
  const start = Date.parse('2027-01-01T00:00:00.000Z');
  for (let i = 0; i < EVENTS; i += 1) {
    const entityId = `00000000-0000-4000-8000-${String(i % 50_000).padStart(12, '0')}`;
    const content = {
      at: new Date(start + i * 7),
      actorId: i % 5 === 0 ? null : actorId,
      action: i % 3 === 0 ? 'project.update' : 'payment.create',
      entityType: i % 3 === 0 ? 'project' : 'payment',
      entityId,
      before: i % 3 === 0 ? { title: `Projet ${i % 50_000}`, version: i % 7, status: 'submitted' } : null,
      after: {
        title: `Projet « ${i % 50_000} » d'été`,
        version: (i % 7) + 1,
        amountCents: 100 * (i % 997),
        departmentCodes: ['31', '82'],
        paidOn: '2027-02-03',
      },
      requestId: i % 4 === 0 ? null : `req-${i}`,
      prevHash,
    };
    const hash = auditHash(content);
    const line = [
      firstId + i,
      content.at.toISOString(),
      content.actorId,
      content.action,
      content.entityType,
      content.entityId,
      content.before === null ? null : JSON.stringify(content.before),
      JSON.stringify(content.after),
      content.requestId,
      prevHash,
      hash,
    ]
      .map(copyText)
      .join('\t');
    yield `${line}\n`;
    prevHash = hash;
  }
}

/** Lines grouped in chunks of about 256 kB: COPY's stream wants few large writes. */
async function* chunked(lines) {
  let pending = '';
  for (const line of lines) {
    pending += line;
    if (pending.length > 256 * 1024) {
      yield pending;
      pending = '';
    }
  }
  if (pending) yield pending;
}

async function seed(url) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const t = Date.now();
  const head = await db.query('SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1');
  const actor = await db.query(`SELECT id FROM app_user WHERE email = 'chargee@demo.iss.local'`);
  const firstId = Number(head.rows[0]?.id ?? 0) + 1;
  const copy = db.query(
    copyStreams.from(
      `COPY audit_event (id, at, actor_id, action, entity_type, entity_id, before, after, request_id, prev_hash, hash) FROM STDIN`,
    ),
  );
  await pipeline(Readable.from(chunked(events(firstId, head.rows[0]?.hash ?? null, actor.rows[0].id))), copy);
  await db.query(`SELECT setval(pg_get_serial_sequence('audit_event', 'id'), (SELECT max(id) FROM audit_event))`);
  await db.query('ANALYZE audit_event');
  const { rows } = await db.query('SELECT count(*)::int AS n, pg_total_relation_size($1) AS bytes FROM audit_event', [
    'audit_event',
  ]);
  await db.end();
  console.log(
    `seeded ${EVENTS} chained events in ${((Date.now() - t) / 1000).toFixed(1)} s; the trail has ${rows[0].n} events, ${(rows[0].bytes / 1e6).toFixed(0)} MB`,
  );
  return rows[0].n;
}

/** POST a run, then poll it every 250 ms: the seconds from the request to the kept result. */
async function timeJob(base, token, total, worker) {
  const headers = { authorization: `Bearer ${token}` };
  const t0 = Date.now();
  const requested = await fetch(`${base}/api/audit-events/verifications`, { method: 'POST', headers });
  const { id } = await requested.json();
  if (requested.status !== 202) throw new Error(`verification request: ${requested.status}`);
  for (;;) {
    const run = await (await fetch(`${base}/api/audit-events/verifications/${id}`, { headers })).json();
    if (run.status === 'done' || run.status === 'failed') {
      if (!run.ok || run.checked < total) throw new Error(`verification run: ${JSON.stringify(run)}`);
      const walk = (Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000;
      return { seconds: (Date.now() - t0) / 1000, walk, checked: run.checked };
    }
    if (worker.exitCode !== null || worker.signalCode !== null)
      throw new Error(
        `the worker exited (${worker.exitCode ?? worker.signalCode}) before verification run ${id} ended`,
      );
    await sleep(250);
  }
}

async function main() {
  const { url, env } = await seededDatabase(smoke ? 'iss_bench_audit_smoke' : 'iss_bench_audit', await freePort());
  const total = await seed(url);
  const api = start('api', { ...env, RATE_LIMIT_AUDIT_VERIFY_PER_MINUTE: '1000' });
  const base = `http://127.0.0.1:${env.PORT}`;
  let worker;
  try {
    await waitHttp(`${base}/health`);
    const token = await login(base, 'auditeur@demo.iss.local');
    const before = memoryMb(api.pid);
    const seconds = [];
    let checked = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const t0 = Date.now();
      const res = await fetch(`${base}/api/audit-events/verify`, { headers: { authorization: `Bearer ${token}` } });
      const body = await res.json();
      seconds.push((Date.now() - t0) / 1000);
      // signing in appends its own event: the chain has at least the seeded ones
      if (res.status !== 200 || !body.ok || body.checked < total)
        throw new Error(`verify: ${res.status} ${JSON.stringify(body)} (expected ok, ${total} checked or more)`);
      checked = body.checked;
    }
    const after = memoryMb(api.pid);
    console.log(
      `audit verify (${total} events): ok, ${checked} checked; ${seconds.map((s) => s.toFixed(2)).join(' / ')} s, median ${median(seconds).toFixed(2)} s; api RSS ${before.rss.toFixed(0)} → peak ${after.peak.toFixed(0)} MB`,
    );
    worker = start('worker', env);
    await sleep(smoke ? 3000 : 5000); // its start-up work (the daily seal) out of the way
    const job = await timeJob(base, token, total, worker);
    console.log(
      `audit verification job (${total} events): ok, ${job.checked} checked; request to result ${job.seconds.toFixed(2)} s, of which the worker's walk ${job.walk.toFixed(2)} s`,
    );
  } finally {
    await stopAll(api, worker);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
