/**
 * The database roles, set up with a superuser connection before migrating (scripts, docker compose,
 * tests, benches all call this one module, from TypeScript or from dist/):
 * - the owner (DATABASE_OWNER_URL) owns the database and runs the migrations, so owns every table;
 * - the runtime login role (DATABASE_URL: api, worker, seed) is neither superuser nor owner: it is a
 *   member of the NOLOGIN group RUNTIME_GROUP, to which the migrations grant only the DML the app needs
 *   (no UPDATE, DELETE or TRUNCATE on the audit tables, no DDL: it cannot drop their triggers).
 * Plain `pg`-compatible client, no Nest: it runs before any app can boot.
 */

/** Migrations grant to this group (migration 1764000002110); the runtime login role is a member. */
export const RUNTIME_GROUP = 'iss_runtime';

/** Development and test credentials (like `postgres:postgres` of a server the scripts install). */
export const DEV_ROLES = {
  owner: { user: 'iss_owner', password: 'iss-owner-dev' },
  runtime: { user: 'iss_app', password: 'iss-app-dev' },
} as const;

export interface SqlClient {
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/** `server` (scheme://user:pass@host:port[/db]) with another role and database. */
export function urlAs(server: string, role: { user: string; password: string }, database: string): string {
  const u = new URL(server);
  u.username = encodeURIComponent(role.user);
  u.password = encodeURIComponent(role.password);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Creates (or updates) the owner and runtime roles named by the two URLs and the group role, and the
 * database owned by the owner. Idempotent, and safe when several test runs do it at once.
 * `admin`: a superuser connection to any other database of the server.
 */
export async function setUpDatabaseRoles(admin: SqlClient, ownerUrl: string, runtimeUrl: string): Promise<void> {
  const owner = credentials(ownerUrl);
  const runtime = credentials(runtimeUrl);
  if (owner.user === runtime.user) throw new Error('DATABASE_URL and DATABASE_OWNER_URL must name different roles');
  if (owner.database !== runtime.database)
    throw new Error('DATABASE_URL and DATABASE_OWNER_URL name different databases');
  await ensureRole(admin, RUNTIME_GROUP, 'NOLOGIN');
  await ensureRole(admin, owner.user, 'LOGIN', owner.password);
  await ensureRole(admin, runtime.user, 'LOGIN', runtime.password);
  await tolerateRace(() => admin.query(`GRANT ${ident(RUNTIME_GROUP)} TO ${ident(runtime.user)}`));
  await assertPlainRole(admin, runtime.user);
  await ensureDatabase(admin, owner.database, owner.user);
}

/** The runtime role must not be able to bypass what the migrations deny it. */
async function assertPlainRole(admin: SqlClient, user: string): Promise<void> {
  const { rows } = await admin.query('SELECT rolsuper, rolcreaterole, rolbypassrls FROM pg_roles WHERE rolname = $1', [
    user,
  ]);
  const row = rows[0];
  if (row.rolsuper || row.rolcreaterole || row.rolbypassrls) {
    throw new Error(`the runtime role ${user} must not be a superuser nor create roles: use another role`);
  }
}

async function ensureRole(admin: SqlClient, user: string, options: string, password?: string): Promise<void> {
  const withPassword = password ? ` PASSWORD ${literal(password)}` : '';
  const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [user]);
  if (exists.rows.length === 0) {
    await tolerateRace(() => admin.query(`CREATE ROLE ${ident(user)} ${options}${withPassword}`));
  }
  // An existing role keeps its other attributes; a password from the URL is (re)set so that it works.
  if (password) await tolerateRace(() => admin.query(`ALTER ROLE ${ident(user)} ${options}${withPassword}`));
}

async function ensureDatabase(admin: SqlClient, name: string, owner: string): Promise<void> {
  const { rows } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (rows.length === 0) {
    await tolerateRace(() => admin.query(`CREATE DATABASE ${ident(name)} OWNER ${ident(owner)}`));
  } else {
    // A database made by the server's image or an older setup: the owner creates the schema's tables.
    await admin.query(`ALTER DATABASE ${ident(name)} OWNER TO ${ident(owner)}`);
  }
}

/**
 * Two setups at once (parallel test runs on one server) race on the same role or grant: the loser
 * sees "already exists", a unique violation or "tuple concurrently updated"; the winner did the work.
 */
async function tolerateRace(work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = (error as Error).message;
    if (code === '42710' || code === '23505' || code === '42P04' || /concurrently updated/.test(message)) return;
    throw error;
  }
}

function credentials(url: string): { user: string; password: string; database: string } {
  const u = new URL(url);
  const database = decodeURIComponent(u.pathname.slice(1));
  if (!u.username || !database) throw new Error(`a role and a database are required in ${u.protocol}//…${u.pathname}`);
  return { user: decodeURIComponent(u.username), password: decodeURIComponent(u.password), database };
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
