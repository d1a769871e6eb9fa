import { spawnSync } from 'node:child_process';
import { ROOT } from './support/env';
import { api } from './support/http';
import { Stack } from './support/stack';

const run = (app: string, env: Record<string, string>, args: string[] = [], input?: string) =>
  spawnSync(process.execPath, [`${ROOT}/dist/apps/${app}/src/main.js`, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    input,
    encoding: 'utf8',
    timeout: 30_000,
  });

describe('configuration and CLI', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await Stack.start('cli', { worker: false });
  });
  afterAll(() => stack.stop());

  it('stops each process with one line naming a missing or malformed variable', () => {
    const { DATABASE_URL: _missing, ...withoutDb } = stack.env;
    for (const app of ['api', 'worker', 'cli']) {
      const result = run(app, withoutDb, app === 'cli' ? ['migrate'] : []);
      expect(result.status).toBe(1);
      expect(result.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(new RegExp(`^${app}: Invalid configuration: .*DATABASE_URL`)),
      ]);
    }
    const malformed = run('api', { ...stack.env, PORT: 'eighty' });
    expect(malformed.stderr.trim()).toMatch(/^api: Invalid configuration: .*PORT/);
  });

  it('refuses a weak JWT_SECRET in production', () => {
    const result = run('api', { ...stack.env, NODE_ENV: 'production', JWT_SECRET: 'test-only-secret-0123456789' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/JWT_SECRET is weak/);
  });

  it('creates the first admin from ADMIN_PASSWORD or stdin, never with a default', async () => {
    const fromEnv = run('cli', { ...stack.env, ADMIN_PASSWORD: 'un-mot-de-passe-admin' }, [
      'create-admin',
      '--email',
      'Premiere.Admin@ars.test',
      '--name',
      'Première Admin',
    ]);
    expect(fromEnv.status).toBe(0);
    const login = await api(stack)
      .post('/api/auth/login')
      .send({ email: 'premiere.admin@ars.test', password: 'un-mot-de-passe-admin' });
    expect(login.status).toBe(200);
    expect(login.body.user.roles).toEqual(['admin']);

    const fromStdin = run(
      'cli',
      stack.env,
      ['create-admin', '--email', 'seconde@ars.test', '--name', 'Seconde'],
      'mot-de-passe-stdin\n',
    );
    expect(fromStdin.status).toBe(0);
    expect(
      (await api(stack).post('/api/auth/login').send({ email: 'seconde@ars.test', password: 'mot-de-passe-stdin' }))
        .status,
    ).toBe(200);

    const empty = run('cli', stack.env, ['create-admin', '--email', 'vide@ars.test', '--name', 'Vide'], '');
    expect(empty.status).toBe(1);
    expect(empty.stderr).toMatch(/password/);
    const { rows } = await stack.db.query(
      `SELECT action FROM audit_event WHERE action = 'user.create' AND entity_id IN (SELECT id::text FROM app_user WHERE email LIKE '%@ars.test')`,
    );
    expect(rows).toHaveLength(2);
  });

  it('refuses a weak first admin password (12 characters, not a common one), naming the field', () => {
    for (const password of ['court-11car', 'password1234']) {
      const result = run('cli', { ...stack.env, ADMIN_PASSWORD: password }, [
        'create-admin',
        '--email',
        'faible@ars.test',
        '--name',
        'Faible',
      ]);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/password : le mot de passe/);
    }
  });
});
