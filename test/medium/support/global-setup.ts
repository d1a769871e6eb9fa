import * as vm from 'node:vm';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';
import { createRoleDatabase, PG_ADMIN_URL } from '../../support/env';
import { MEDIUM_TEMPLATE_DB_ENV } from './medium-env';

/**
 * One migrated template database for the run, made in process with TypeORM (no build, no CLI, no
 * Nest): migrated as the owner role, as `cli migrate` does, so that the runtime role the specs run as
 * has exactly the app's grants. The migrations load the reference data (region, departments,
 * communes, EPCIs); there is no demo data: each spec makes what it reads. Every spec file then works
 * on a copy of its own (setup.ts).
 */
export default async function globalSetup(): Promise<void> {
  assertJestCanRequireEsm();
  const name = `iss_medium_tpl_${process.pid}_${Date.now()}`;
  const { ownerUrl } = await createRoleDatabase(PG_ADMIN_URL, name);
  // The CLI's own options (dataSourceOptions) import the migrations through the @app/migrations path,
  // which Jest does not map for a global setup: the same list and table, named here.
  const owner = new DataSource({
    type: 'postgres',
    url: ownerUrl,
    applicationName: 'iss-medium-migrate',
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    extra: { max: 1 },
  });
  await owner.initialize();
  try {
    await owner.runMigrations({ transaction: 'each' });
  } finally {
    await owner.destroy();
  }
  process.env[MEDIUM_TEMPLATE_DB_ENV] = name;
}

/** Jest loads Nest's ES modules with require(esm) only where Node exposes vm.SourceTextModule. */
function assertJestCanRequireEsm(): void {
  if (typeof (vm as { SourceTextModule?: unknown }).SourceTextModule === 'function') return;
  throw new Error(
    'The medium tests load NestJS (ES modules) in Jest, which needs Node started with --experimental-vm-modules: ' +
      'run them with `npm run test:medium` (it sets NODE_OPTIONS)',
  );
}
