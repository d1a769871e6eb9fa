import { dropDatabase } from '../../support/env';
import { MEDIUM_TEMPLATE_DB_ENV } from './medium-env';

export default async function globalTeardown(): Promise<void> {
  const name = process.env[MEDIUM_TEMPLATE_DB_ENV];
  if (name) await dropDatabase(name);
}
