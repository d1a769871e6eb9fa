import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'typeorm';

const scopes = new AsyncLocalStorage<{ queries: number }>();

/**
 * Runs `fn` in a scope whose SQL statements are counted, across the awaits it starts. The api opens
 * one per request when COUNT_QUERIES is on, so that tests can pin the queries of the hot routes.
 */
export function countQueriesIn<T>(fn: () => T): T {
  return scopes.run({ queries: 0 }, fn);
}

/** Statements sent so far in the current scope; undefined outside one. */
export function queriesCounted(): number | undefined {
  return scopes.getStore()?.queries;
}

/** TypeORM hands every statement to its logger: this one counts them and logs nothing. */
export class QueryCountingLogger implements Logger {
  logQuery(): void {
    const scope = scopes.getStore();
    if (scope) scope.queries += 1;
  }

  logQueryError(): void {}

  logQuerySlow(): void {}

  logSchemaBuild(): void {}

  logMigration(): void {}

  log(): void {}
}
