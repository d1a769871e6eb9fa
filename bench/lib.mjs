// Shared by the bench scripts: a fresh database, the compiled api and worker as processes, and
// peak memory read from /proc (VmHWM). Run `npm run build` first.
import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import dbRoles from '../dist/libs/core/src/database/db-roles.js';

const { DEV_ROLES, setUpDatabaseRoles, urlAs } = dbRoles;

const ROOT = new URL('..', import.meta.url).pathname;
export const PG_SERVER = process.env.BENCH_PG_SERVER ?? 'postgres://postgres:postgres@127.0.0.1:5432';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/11';

/**
 * A new database owned by the owner role, the roles set up as the demo does. Returns the superuser's
 * URL of it, for the benches' own bulk seeding; envFor gives the processes the owner and runtime roles.
 */
export async function freshDatabase(base, template) {
  // BENCH_DB_SUFFIX keeps two benches run side by side (two checkouts) off each other's databases.
  const name = `${base}${process.env.BENCH_DB_SUFFIX ?? ''}`;
  const admin = new pg.Client({ connectionString: `${PG_SERVER}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  if (template) await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  const { ownerUrl, runtimeUrl } = roleUrls(`${PG_SERVER}/${name}`);
  await setUpDatabaseRoles(admin, ownerUrl, runtimeUrl);
  await admin.end();
  return `${PG_SERVER}/${name}`;
}

function roleUrls(databaseUrl) {
  const name = new URL(databaseUrl).pathname.slice(1);
  return {
    ownerUrl: urlAs(databaseUrl, DEV_ROLES.owner, name),
    runtimeUrl: urlAs(databaseUrl, DEV_ROLES.runtime, name),
  };
}

/** A port nobody listens on (the machine is shared: fixed ports collide). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * A migrated database with the demo data. From BENCH_TEMPLATE_DB when set (the e2e run's template,
 * copied in a second: the smoke suite), else migrated and seeded through the compiled cli.
 */
export async function seededDatabase(name, port) {
  const template = process.env.BENCH_TEMPLATE_DB;
  const url = await freshDatabase(name, template);
  const env = envFor(url, port);
  if (!template) {
    await run('cli', env, ['migrate']);
    await run('cli', env, ['seed-demo']);
  }
  return { url, env };
}

/**
 * The database a previous full run seeded, migrated to the current schema (a bench whose seeding takes
 * minutes offers `--reuse`); undefined when it does not exist.
 */
export async function existingDatabase(base, port) {
  const name = `${base}${process.env.BENCH_DB_SUFFIX ?? ''}`;
  const admin = new pg.Client({ connectionString: `${PG_SERVER}/postgres` });
  await admin.connect();
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  await admin.end();
  if (rowCount === 0) return undefined;
  const url = `${PG_SERVER}/${name}`;
  const env = envFor(url, port);
  await run('cli', env, ['migrate']);
  return { url, env };
}

export function envFor(databaseUrl, port) {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    PORT: String(port),
    DATABASE_URL: roleUrls(databaseUrl).runtimeUrl,
    DATABASE_OWNER_URL: roleUrls(databaseUrl).ownerUrl,
    REDIS_URL,
    JWT_SECRET: 'bench-only-secret-0123456789',
    STORAGE_DIR: mkdtempSync(`${tmpdir()}/iss-bench-`),
    LOG_LEVEL: 'warn',
    // The benches send hundreds of reports and exports as one user on purpose: limits out of the way.
    RATE_LIMIT_REPORTS_PER_MINUTE: '100000',
    RATE_LIMIT_EXPORTS_PER_MINUTE: '100000',
  };
}

export function run(app, env, args = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${ROOT}dist/apps/${app}/src/main.js`, ...args], {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${app} ${args.join(' ')} exited ${code}`))));
  });
}

/**
 * Stops started processes and waits until they have exited. A worker still shutting down after its bench
 * ends would take jobs from the shared Redis queue for a database that is not the next bench's.
 */
export function stopAll(...children) {
  const running = children.filter((child) => child && child.exitCode === null && child.signalCode === null);
  return Promise.all(
    running.map(
      (child) =>
        new Promise((resolve) => {
          child.once('exit', resolve);
          child.kill('SIGTERM');
        }),
    ),
  );
}

/** Starts a compiled app; `{ output: true }` pipes its stdout and stderr (its log) to the caller. */
export function start(app, env, { output = false } = {}) {
  return spawn(process.execPath, [`${ROOT}dist/apps/${app}/src/main.js`], {
    env,
    stdio: ['ignore', output ? 'pipe' : 'ignore', output ? 'pipe' : 'inherit'],
  });
}

/**
 * What a worker says in its log, line by line: `lines` keeps every line (stderr passed through), for
 * the figures the worker logs itself (the event-loop delay of a rendering) and its lost locks.
 */
export function logOf(child) {
  const lines = [];
  const read = (stream, echo) => {
    let rest = '';
    stream.on('data', (chunk) => {
      const text = rest + chunk;
      const parts = text.split('\n');
      rest = parts.pop();
      lines.push(...parts);
      if (echo) process.stderr.write(chunk);
    });
  };
  read(child.stdout, false);
  read(child.stderr, true);
  return lines;
}

export async function waitHttp(url, seconds = 30, headers = {}) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url, { headers })).ok) return;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  throw new Error(`${url} not up`);
}

/** Resident memory now and at its peak, in MB, for a process of this machine. */
export function memoryMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(status.match(new RegExp(`${key}:\\s+(\\d+)`))?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/**
 * A call whose ledger holds `payments` rows: 1,000 funded projects, the payments spread over their
 * grants. Plain SQL with generate_series (the volume is the point, not the business rules the services
 * check), then ANALYZE. Returns the call's id.
 */
export async function seedLedgerCall(db, title, payments) {
  await db.query(
    `WITH c AS (INSERT INTO call (title, year, funding_source, envelope_cents, opens_on, closes_on)
               VALUES ($1, 2024, 'FIR', 100000000000, '2024-01-01', '2024-06-30') RETURNING id),
         a AS (INSERT INTO call_axis (call_id, code, label, position) SELECT id, 'X', 'Axe', 0 FROM c RETURNING call_id),
         p AS (INSERT INTO project (call_id, axis_code, title, holder_name, holder_kind, requested_cents, status)
               SELECT (SELECT call_id FROM a), 'X', 'Projet export ' || i, 'Porteur', 'association', 100000000, 'selected'
               FROM generate_series(1, 1000) i RETURNING id, call_id)
    INSERT INTO "grant" (project_id, call_id, axis_code, amount_cents) SELECT id, call_id, 'X', 100000000 FROM p`,
    [title],
  );
  await db.query(
    `INSERT INTO payment (grant_id, amount_cents, kind, paid_on)
     SELECT g.id, 100, 'installment', date '2024-01-01' + (i % 300)
     FROM (SELECT id, row_number() OVER () AS n FROM "grant" WHERE call_id = (SELECT id FROM call WHERE title = $1)) g
     JOIN generate_series(1, $2::int) i ON g.n = 1 + i % 1000`,
    [title, payments],
  );
  await db.query('ANALYZE');
  return (await db.query('SELECT id FROM call WHERE title = $1', [title])).rows[0].id;
}

export async function login(base, email) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo-iss-2026' }),
  });
  return (await res.json()).accessToken;
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The api as it runs for real: NODE_ENV=production, which refuses weak secrets and the published
 * development seal key, so the bench makes its own.
 */
export function productionEnv(env, logLevel = 'warn') {
  return {
    ...env,
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(36).toString('base64url'),
    AUDIT_SEAL_PRIVATE_KEY: generateKeyPairSync('ed25519')
      .privateKey.export({ type: 'pkcs8', format: 'der' })
      .toString('base64'),
    LOG_LEVEL: logLevel,
  };
}
