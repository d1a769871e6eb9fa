import { existsSync } from 'node:fs';
import { appEnv, createRoleDatabase, PG_ADMIN_URL, ROOT, TEMPLATE_DB_ENV } from './env';
import { runToEnd } from './processes';

/**
 * Builds one migrated, demo-seeded template database for the run; each suite then copies it
 * (CREATE DATABASE … TEMPLATE), which takes a fraction of a second.
 */
export default async function globalSetup(): Promise<void> {
  if (!existsSync(`${ROOT}/dist/apps/api/src/main.js`)) {
    throw new Error('dist/ is missing: run `npm run build` first (the test command does)');
  }
  const name = `iss_test_tpl_${process.pid}_${Date.now()}`;
  // Migrated as the owner role, seeded as the runtime role: as the README's commands do.
  const env = appEnv(await createRoleDatabase(PG_ADMIN_URL, name));
  await runToEnd('cli', env, ['migrate']);
  await runToEnd('cli', env, ['seed-demo']);
  process.env[TEMPLATE_DB_ENV] = name;
}
