import { AppConfig } from '@app/core';
import { dataSourceOptions } from '@app/core/database/data-source-options';
import { DataSource } from 'typeorm';

/**
 * Migrations run as the tables' owner (DATABASE_OWNER_URL), on a connection of their own: the app's
 * pool is the runtime role, which may not change the schema.
 */
export async function withOwnerConnection<T>(config: AppConfig, work: (owner: DataSource) => Promise<T>): Promise<T> {
  const owner = new DataSource(
    dataSourceOptions({ url: config.get('DATABASE_OWNER_URL'), applicationName: 'iss-migrate', poolSize: 1 }),
  );
  await owner.initialize();
  try {
    return await work(owner);
  } finally {
    await owner.destroy();
  }
}
