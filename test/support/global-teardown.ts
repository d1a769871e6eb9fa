import { dropDatabase, TEMPLATE_DB_ENV } from './env';

export default async function globalTeardown(): Promise<void> {
  const name = process.env[TEMPLATE_DB_ENV];
  if (name) await dropDatabase(name);
}
