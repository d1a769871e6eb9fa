import type { DynamicModule, ForwardReference, Type } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { AppConfigModule, Database, DatabaseModule, JobQueue, JobsModule } from '@app/core';
import { Actors } from './actors';
import { closeAfterFile } from './after-file';

type Import = Type<unknown> | DynamicModule | Promise<DynamicModule> | ForwardReference;

export interface MediumOptions {
  /**
   * The modules enqueue background jobs (reports, contracts and roadmap through them): a real JobQueue
   * producer on the test Redis (TEST_REDIS_URL), as the api has. Left out, mediumModule says it is missing.
   */
  jobs?: boolean;
}

export interface Medium {
  /** The compiled and initialised module: an application context (get, resolve, close), no HTTP. */
  module: TestingModule;
  /** A provider of the module or of any module it imports, as the app would inject it. */
  get<T>(type: Type<T>): T;
  /** The app's own Database (runtime role, the api's pool settings), for assertions in SQL. */
  db: Database;
  /** Accounts to act as, one factory per role. */
  actors: Actors;
  /** The audit trail of one object, oldest event first. */
  auditEvents(entityType: string, entityId: string): Promise<AuditEventRow[]>;
}

export interface AuditEventRow {
  action: string;
  actorId: string | null;
  before: unknown;
  after: unknown;
}

/**
 * The lib's real module(s) on the file's own database (a copy of the migrated template), with the
 * configuration, the database and (on request) the job queue that the apps provide around them.
 * Call it in `beforeAll`; the context is closed after the file, before its database is dropped.
 */
export async function mediumModule(imports: Import[], options: MediumOptions = {}): Promise<Medium> {
  // A dependency no module provides gets a placeholder, so that the module compiles all the way and
  // closes cleanly; the error then names them all. Nest's own refusal would come mid-compile, with the
  // database connection still opening: it would retry against the dropped database and hold Jest open.
  // (Nothing here injects with @Optional(), which would get the placeholder too.)
  const missing = new Set<string>();
  const module = await Test.createTestingModule({
    imports: [
      AppConfigModule,
      DatabaseModule.forApp('iss-medium', 'request'),
      ...(options.jobs ? [JobsModule.forRole('producer')] : []),
      ...imports,
    ],
  })
    .useMocker((token) => {
      missing.add(typeof token === 'function' ? token.name : String(token));
      return {};
    })
    .compile();
  closeAfterFile(() => module.close());
  if (missing.size > 0) throw new Error(missingProviders([...missing]));
  await module.init();
  const db = module.get(Database);
  return {
    module,
    get: (type) => module.get(type),
    db,
    actors: new Actors(db),
    auditEvents: (entityType, entityId) =>
      db.manager.query(
        `SELECT action, actor_id AS "actorId", before, after FROM audit_event
         WHERE entity_type = $1 AND entity_id = $2 ORDER BY id`,
        [entityType, entityId],
      ),
  };
}

function missingProviders(names: string[]): string {
  const hint = names.includes(JobQueue.name)
    ? 'JobQueue is the job queue the apps provide: pass { jobs: true } to mediumModule.'
    : 'Import the modules that provide them, as the app module does.';
  return `The modules under test inject ${names.join(', ')}, which none of them provides. ${hint}`;
}
