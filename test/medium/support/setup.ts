import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { appEnv, copyTemplate, dropDatabase, PG_ADMIN_URL, roleUrls } from '../../support/env';
import { closeEverything } from './after-file';
import { MEDIUM_TEMPLATE_DB_ENV } from './medium-env';

/**
 * Runs before each medium spec file, in its module registry: the file's database is named, and the
 * app's configuration put in process.env, before the spec imports @app/core (its config module checks
 * the environment as it loads). The database is copied from the run's template before the spec's own
 * hooks, and dropped once what the file opened (closeAfterFile) is closed. Jest runs this afterAll
 * before the spec's top-level afterAll hooks but after those of its describe blocks: a spec keeps its
 * hooks in its describe block, as the examples do.
 */
const template = process.env[MEDIUM_TEMPLATE_DB_ENV];
if (!template) throw new Error('no template database: run the medium tests through `npm run test:medium`');

const file = (expect.getState().testPath ?? 'spec').replace(/^.*\//, '').replace(/\.medium-spec\.ts$/, '');
const name = `iss_medium_${file.replace(/\W/g, '_').slice(0, 30)}_${process.pid}_${Date.now() % 1_000_000}`;
const storageDir = mkdtempSync(`${tmpdir()}/iss-medium-storage-`);
Object.assign(process.env, appEnv(roleUrls(PG_ADMIN_URL, name)), { STORAGE_DIR: storageDir });

jest.setTimeout(30_000);

beforeAll(() => copyTemplate(template, name));

afterAll(async () => {
  try {
    await closeEverything();
  } finally {
    await dropDatabase(name);
    rmSync(storageDir, { recursive: true, force: true });
  }
});
