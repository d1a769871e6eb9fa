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

/**
 * Reverts the newest migrations, each in its own transaction, down to and including `name` (rolling
 * back a release is several of them); returns the reverted names, newest first.
 */
export async function revertThrough(owner: DataSource, name: string): Promise<string[]> {
  if (!owner.migrations.some((migration) => migration.name === name)) throw new Error(`unknown migration ${name}`);
  const table = owner.options.migrationsTableName ?? 'migrations';
  const last = async (): Promise<string | undefined> =>
    (await owner.query(`SELECT name FROM "${table}" ORDER BY id DESC LIMIT 1`))[0]?.name;
  const applied = async () => (await owner.query(`SELECT 1 FROM "${table}" WHERE name = $1`, [name])).length > 0;
  const reverted: string[] = [];
  while (await applied()) {
    reverted.push((await last())!);
    await owner.undoLastMigration({ transaction: 'each' });
  }
  return reverted;
}
