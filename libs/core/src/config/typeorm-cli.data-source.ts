import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';
import { validateEnv } from './env.schema';

/**
 * For TypeORM's own CLI only (`npm run migration:generate`), on the compiled tree: it reads the
 * environment through the same validation as the apps. The apps and `npm run migration:run` use
 * the CLI app instead, which needs no glob.
 */
const env = validateEnv(process.env);

export default new DataSource({
  ...dataSourceOptions({ url: env.DATABASE_OWNER_URL, applicationName: 'iss-typeorm-cli' }),
  entities: [`${process.cwd()}/dist/libs/*/src/entities/*.entity.js`],
});
