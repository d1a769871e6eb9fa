#!/usr/bin/env node
// Small probes for the shell scripts, with the project's own drivers (pg, ioredis):
//   node scripts/services.js pg-ping <url>       exit 0 when PostgreSQL answers
//   node scripts/services.js redis-ping <url>    exit 0 when Redis answers
//   node scripts/services.js create-db <url>     create the URL's database when absent
//   node scripts/services.js http-ok <url> <s>   wait up to <s> seconds for an HTTP 200
//   node scripts/services.js db-setup <admin url> <owner url> <runtime url> [--replace-foreign]
//        the owner and runtime roles and the database (after `npm run build`: libs/core/src/database/db-roles.ts);
//        --replace-foreign recreates a database whose tables another role owns (a demo made before the roles)
const [, , command, url, extra, ...rest] = process.argv;

async function pgPing(target) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: target, connectionTimeoutMillis: 2000 });
  await client.connect();
  await client.query('SELECT 1');
  await client.end();
}

async function redisPing(target) {
  const Redis = require('ioredis');
  const redis = new Redis(target, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined); // the rejected connect() says it; no second report
  try {
    await redis.connect();
    await redis.ping();
    // BullMQ must never see its keys evicted.
    await redis.config('SET', 'maxmemory-policy', 'noeviction').catch(() => undefined);
  } finally {
    redis.disconnect();
  }
}

async function createDb(target) {
  const { Client } = require('pg');
  const u = new URL(target);
  const name = decodeURIComponent(u.pathname.slice(1));
  if (!/^\w+$/.test(name)) throw new Error(`unexpected database name ${name}`);
  u.pathname = '/postgres';
  const client = new Client({ connectionString: u.toString(), connectionTimeoutMillis: 2000 });
  await client.connect();
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (rowCount === 0) await client.query(`CREATE DATABASE ${name}`);
  await client.end();
}

async function dbSetup(adminUrl, ownerUrl, [runtimeUrl, flag]) {
  const { Client } = require('pg');
  const { setUpDatabaseRoles } = require('../dist/libs/core/src/database/db-roles.js');
  const admin = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  await admin.connect();
  try {
    await setUpDatabaseRoles(admin, ownerUrl, runtimeUrl);
    if (flag === '--replace-foreign' && (await hasForeignTables(adminUrl, ownerUrl))) {
      const name = decodeURIComponent(new URL(ownerUrl).pathname.slice(1));
      console.log(`Database ${name} was made before the owner and runtime roles: recreating it`);
      await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
      await setUpDatabaseRoles(admin, ownerUrl, runtimeUrl);
    }
  } finally {
    await admin.end();
  }
}

async function hasForeignTables(adminUrl, ownerUrl) {
  const { Client } = require('pg');
  const target = new URL(adminUrl);
  target.pathname = new URL(ownerUrl).pathname;
  const client = new Client({ connectionString: target.toString() });
  await client.connect();
  const owner = decodeURIComponent(new URL(ownerUrl).username);
  const { rows } = await client.query(
    `SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tableowner <> $1 LIMIT 1`,
    [owner],
  );
  await client.end();
  return rows.length > 0;
}

async function httpOk(target, seconds) {
  const deadline = Date.now() + Number(seconds || 30) * 1000;
  for (;;) {
    try {
      const res = await fetch(target);
      if (res.status === 200) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${target} did not answer 200 within ${seconds} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const commands = {
  'pg-ping': pgPing,
  'redis-ping': redisPing,
  'create-db': createDb,
  'http-ok': httpOk,
  'db-setup': (admin, owner) => dbSetup(admin, owner, rest),
};
if (!commands[command] || !url) {
  console.error('usage: services.js pg-ping|redis-ping|create-db|http-ok|db-setup <url> [seconds|urls]');
  process.exit(2);
}
commands[command](url, extra).then(
  () => process.exit(0),
  (error) => {
    if (command !== 'pg-ping' && command !== 'redis-ping') console.error(error.message);
    process.exit(1);
  },
);
