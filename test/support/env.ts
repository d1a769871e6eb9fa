import { Client } from 'pg';
import { DEV_ROLES, setUpDatabaseRoles, urlAs } from '../../libs/core/src/database/db-roles';

/**
 * Where the test run finds PostgreSQL and Redis. The suites create their own databases on this
 * server and use Redis database indexes that they flush; nothing else is touched.
 */
export const PG_ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? adminUrlFrom(process.env.DATABASE_URL);
export const TEST_REDIS_URL = perWorker(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/9');

/**
 * Jest runs suites in parallel workers; each suite flushes its Redis database, so worker n uses the
 * index n - 1 above the one given (9, 10, … by default), and suites of two workers never meet.
 */
function perWorker(url: string): string {
  const worker = Number(process.env.JEST_WORKER_ID ?? 1);
  const u = new URL(url);
  u.pathname = `/${Number(u.pathname.slice(1) || 0) + worker - 1}`;
  return u.toString();
}
export const TEMPLATE_DB_ENV = 'ISS_TEST_TEMPLATE_DB';
export const DEMO_PASSWORD = 'demo-iss-2026';
export const TEST_JWT_SECRET = 'test-only-secret-0123456789';
export const ROOT = `${__dirname}/../..`;

function adminUrlFrom(url: string | undefined): string {
  if (!url) return 'postgres://postgres@127.0.0.1:5432/postgres';
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

/** `name` on the shared server, as the superuser (creating, copying and dropping databases). */
export function databaseUrl(name: string): string {
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A suite's database as each role sees it: the owner migrates and tampers, the runtime role runs the app. */
export interface RoleUrls {
  ownerUrl: string;
  runtimeUrl: string;
}

export function roleUrls(server: string, name: string): RoleUrls {
  return { ownerUrl: urlAs(server, DEV_ROLES.owner, name), runtimeUrl: urlAs(server, DEV_ROLES.runtime, name) };
}

/** Creates the roles (idempotent) and the database `name` owned by the owner role, on `server`. */
export async function createRoleDatabase(server: string, name: string): Promise<RoleUrls> {
  const urls = roleUrls(server, name);
  const admin = new Client({ connectionString: urlAs(server, superuserOf(server), 'postgres') });
  await admin.connect();
  try {
    await setUpDatabaseRoles(admin, urls.ownerUrl, urls.runtimeUrl);
  } finally {
    await admin.end();
  }
  return urls;
}

/**
 * What the app's configuration (libs/core/src/config/env.schema.ts) needs to boot on a suite's database:
 * the runtime role as DATABASE_URL, the owner for migrations, the test Redis and test-only secrets. The
 * e2e suites give it to the processes they start; the medium tests put it in process.env before the
 * config module loads.
 */
export function appEnv(urls: RoleUrls, redisUrl: string = TEST_REDIS_URL): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: urls.runtimeUrl,
    DATABASE_OWNER_URL: urls.ownerUrl,
    REDIS_URL: redisUrl,
    JWT_SECRET: TEST_JWT_SECRET,
    DEMO_PASSWORD,
  };
}

/**
 * A suite's copy of a template database (CREATE DATABASE … TEMPLATE: a fraction of a second), keeping
 * the template's owners and grants; the roles exist since the global setup. The database itself belongs
 * to the owner role too, as the setup makes it: the public schema's CREATE right goes with it, which a
 * migration run by a suite (revert, then migrate again) needs.
 */
export async function copyTemplate(template: string, name: string): Promise<RoleUrls> {
  const admin = new Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template} OWNER ${DEV_ROLES.owner.user}`);
  } finally {
    await admin.end();
  }
  return roleUrls(PG_ADMIN_URL, name);
}

/** Drops a database of the shared server, closing its connections (unless KEEP_TEST_DATABASES is set). */
export async function dropDatabase(name: string): Promise<void> {
  if (process.env.KEEP_TEST_DATABASES) return;
  const admin = new Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

function superuserOf(server: string): { user: string; password: string } {
  const u = new URL(server);
  return { user: decodeURIComponent(u.username), password: decodeURIComponent(u.password) };
}

/**
 * Per-user rate limits out of the way of suites that send hundreds of reports, exports or imports as
 * one user on purpose (bursts, outages, fuzzing): the limits stay on, only higher.
 */
export const BULK_RATE_LIMITS = {
  RATE_LIMIT_REPORTS_PER_MINUTE: '100000',
  RATE_LIMIT_EXPORTS_PER_MINUTE: '100000',
  RATE_LIMIT_IMPORTS_PER_MINUTE: '100000',
  RATE_LIMIT_AUDIT_VERIFY_PER_MINUTE: '100000',
};
