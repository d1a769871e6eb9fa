import { DEV_ROLES, setUpDatabaseRoles, SqlClient, urlAs } from './db-roles';

/** A server that answers the catalog queries from a fixed picture and records the statements. */
function fakeServer(existing: { roles: string[]; superusers?: string[]; databases: string[] }) {
  const statements: string[] = [];
  const client: SqlClient = {
    async query(sql, params = []) {
      statements.push(sql);
      const name = String(params[0]);
      if (sql.includes('FROM pg_roles WHERE rolname') && sql.startsWith('SELECT rolsuper')) {
        return { rows: [{ rolsuper: existing.superusers?.includes(name) ?? false }] };
      }
      if (sql.includes('FROM pg_roles')) return { rows: existing.roles.includes(name) ? [{}] : [] };
      if (sql.includes('FROM pg_database')) return { rows: existing.databases.includes(name) ? [{}] : [] };
      return { rows: [] };
    },
  };
  return { client, statements };
}

const owner = urlAs('postgres://postgres:pw@db:5432/postgres', DEV_ROLES.owner, 'iss');
const runtime = urlAs('postgres://postgres:pw@db:5432/postgres', DEV_ROLES.runtime, 'iss');

describe('setUpDatabaseRoles', () => {
  it('creates the group, both login roles and the database owned by the owner', async () => {
    const { client, statements } = fakeServer({ roles: [], databases: [] });
    await setUpDatabaseRoles(client, owner, runtime);
    expect(statements).toEqual(
      expect.arrayContaining([
        'CREATE ROLE "iss_runtime" NOLOGIN',
        `CREATE ROLE "iss_owner" LOGIN PASSWORD 'iss-owner-dev'`,
        `CREATE ROLE "iss_app" LOGIN PASSWORD 'iss-app-dev'`,
        'GRANT "iss_runtime" TO "iss_app"',
        'CREATE DATABASE "iss" OWNER "iss_owner"',
      ]),
    );
  });

  it('hands an existing database to the owner instead of creating it', async () => {
    const { client, statements } = fakeServer({ roles: ['iss_runtime', 'iss_owner', 'iss_app'], databases: ['iss'] });
    await setUpDatabaseRoles(client, owner, runtime);
    expect(statements).toContain('ALTER DATABASE "iss" OWNER TO "iss_owner"');
    expect(statements.filter((s) => s.startsWith('CREATE'))).toEqual([]);
  });

  it('refuses a superuser as the runtime role, and one role for both', async () => {
    const superuser = fakeServer({ roles: ['iss_app'], superusers: ['iss_app'], databases: [] });
    await expect(setUpDatabaseRoles(superuser.client, owner, runtime)).rejects.toThrow(/must not be a superuser/);
    await expect(setUpDatabaseRoles(fakeServer({ roles: [], databases: [] }).client, owner, owner)).rejects.toThrow(
      /different roles/,
    );
  });
});

describe('urlAs', () => {
  it('puts the role, its escaped password and the database in the server URL', () => {
    expect(urlAs('postgres://postgres@127.0.0.1:5432/postgres', { user: 'a', password: 'p@ss/w' }, 'x')).toBe(
      'postgres://a:p%40ss%2Fw@127.0.0.1:5432/x',
    );
  });
});
