import { readFileSync } from 'node:fs';
import { freePort } from './support/ports';
import { api, DEMO, login, until } from './support/http';
import { logPath, startProcess, stopProcess, waitForOutput } from './support/processes';
import { Stack } from './support/stack';

/**
 * The api and the worker connect with a role that owns nothing and is no superuser, so that whoever
 * takes over the app's connection cannot rewrite the audit trail nor drop its triggers.
 */
describe('database roles', () => {
  let stack: Stack;
  const runtime = () => stack.db;

  beforeAll(async () => {
    stack = await Stack.start('db_roles');
  });
  afterAll(() => stack.stop());

  it('runs the api and the worker as the runtime role, neither superuser nor owner of any table', async () => {
    await login(stack, DEMO.admin); // the api has used its pool
    const sessions = await until(
      async () =>
        (
          await stack.ownerDb.query(
            `SELECT DISTINCT application_name AS app, usename AS role FROM pg_stat_activity
              WHERE datname = current_database() AND application_name IN ('iss-api', 'iss-worker')`,
          )
        ).rows,
      (rows) => rows.length === 2,
    );
    const role = new URL(stack.env.DATABASE_URL).username;
    expect(sessions.map((s) => s.role)).toEqual([role, role]);
    const { rows } = await runtime().query(
      `SELECT rolsuper, rolcreaterole, rolcreatedb,
              (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user) AS owned,
              (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public'
                  AND pg_has_role(current_user, tableowner, 'MEMBER')) AS owned_through_a_role
         FROM pg_roles WHERE rolname = current_user`,
    );
    expect(rows[0]).toEqual({
      rolsuper: false,
      rolcreaterole: false,
      rolcreatedb: false,
      owned: 0,
      owned_through_a_role: 0,
    });
  });

  it.each(['audit_event', 'audit_seal'])('refuses the runtime role any rewrite of %s', async (table) => {
    for (const sql of [
      `UPDATE ${table} SET id = id`,
      `DELETE FROM ${table}`,
      `TRUNCATE ${table}`,
      `ALTER TABLE ${table} DISABLE TRIGGER ${table}_no_update_delete`,
      `DROP TRIGGER ${table}_no_update_delete ON ${table}`,
      `DROP TABLE ${table}`,
    ]) {
      await expect(runtime().query(sql)).rejects.toThrow(/permission denied|must be owner/);
    }
  });

  it('gives the runtime role no DDL and keeps the migration history to the owner', async () => {
    await expect(runtime().query('CREATE TABLE intruder (id int)')).rejects.toThrow(/permission denied/);
    await expect(runtime().query(`INSERT INTO migrations (timestamp, name) VALUES (1, 'x')`)).rejects.toThrow(
      /permission denied/,
    );
    const { rows } = await stack.ownerDb.query(`SELECT tableowner FROM pg_tables WHERE tablename = 'migrations'`);
    expect(rows[0].tableowner).toBe(new URL(stack.env.DATABASE_OWNER_URL).username);
  });

  it('grants every append-only table SELECT and INSERT only, and every other table the DML the app needs', async () => {
    const { rows } = await runtime().query(`
      SELECT c.relname AS table,
             EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
                      WHERE t.tgrelid = c.oid AND p.proname LIKE '%append_only%') AS append_only,
             array_remove(ARRAY[
               CASE WHEN has_table_privilege(c.oid, 'SELECT') THEN 'SELECT' END,
               CASE WHEN has_table_privilege(c.oid, 'INSERT') THEN 'INSERT' END,
               CASE WHEN has_table_privilege(c.oid, 'UPDATE') THEN 'UPDATE' END,
               CASE WHEN has_table_privilege(c.oid, 'DELETE') THEN 'DELETE' END,
               CASE WHEN has_table_privilege(c.oid, 'TRUNCATE') THEN 'TRUNCATE' END], NULL) AS privileges
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'migrations'`);
    const appendOnly = rows.filter((r) => r.append_only);
    expect(appendOnly.map((r) => r.table).sort()).toEqual(['audit_event', 'audit_seal']);
    for (const r of appendOnly) expect({ [r.table]: r.privileges }).toEqual({ [r.table]: ['SELECT', 'INSERT'] });
    // The trail's length, kept by the owner's triggers: the app reads it, never writes it.
    const readOnly = rows.filter((r) => r.table === 'audit_event_tally');
    expect(readOnly.map((r) => r.privileges)).toEqual([['SELECT']]);
    for (const r of rows.filter((row) => !row.append_only && row.table !== 'audit_event_tally')) {
      expect({ [r.table]: r.privileges }).toEqual({ [r.table]: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'] });
    }
  });

  it("warns at boot when the api's role could rewrite the trail, and only then", async () => {
    const asOwner = { ...stack.env, DATABASE_URL: stack.env.DATABASE_OWNER_URL, PORT: String(await freePort()) };
    const api = startProcess('api', asOwner, [], 'db_roles-api-as-owner');
    try {
      await waitForOutput(api, /may rewrite the audit trail/);
    } finally {
      await stopProcess(api);
    }
    expect(readFileSync(logPath('db_roles-api'), 'utf8')).not.toMatch(/may rewrite the audit trail/);
  });

  it("keeps the trail's length exactly as the app appends, and the runtime role cannot change it", async () => {
    const tally = async () => Number((await runtime().query('SELECT events FROM audit_event_tally')).rows[0].events);
    const counted = async () => Number((await runtime().query('SELECT count(*) AS n FROM audit_event')).rows[0].n);
    expect(await tally()).toBe(await counted());
    const auditor = await login(stack, DEMO.auditor);
    expect((await api(stack, auditor).post('/api/audit-events/seals')).status).toBe(201);
    expect(await tally()).toBe(await counted());
    const page = await api(stack, auditor).get('/api/audit-events?limit=1');
    expect(page.body.total).toBe(await counted());
    for (const sql of [
      'UPDATE audit_event_tally SET events = 0',
      'DELETE FROM audit_event_tally',
      'TRUNCATE audit_event_tally',
      'INSERT INTO audit_event_tally (only_row, events) VALUES (false, 0)',
    ]) {
      await expect(runtime().query(sql)).rejects.toThrow(/permission denied/);
    }
  });

  it('still appends to the trail through the app, and the chain verifies', async () => {
    const auditor = await login(stack, DEMO.auditor);
    expect((await api(stack, auditor).post('/api/audit-events/seals')).status).toBe(201);
    expect((await api(stack, auditor).get('/api/audit-events/verify')).body).toMatchObject({ ok: true });
  });
});
