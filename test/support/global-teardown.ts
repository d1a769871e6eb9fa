import { Client } from 'pg';
import { PG_ADMIN_URL, TEMPLATE_DB_ENV } from './env';

export default async function globalTeardown(): Promise<void> {
  const name = process.env[TEMPLATE_DB_ENV];
  if (!name || process.env.KEEP_TEST_DATABASES) return;
  const admin = new Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
