import { basename, dirname } from 'node:path';
import { checkEnvironment } from '../config/env.schema';

/** dist/apps/<app>/src/main.js → <app> */
const APP = basename(dirname(dirname(process.argv[1] ?? 'app/src')));

function fail(error: unknown): never {
  console.error(`${APP}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
}

/**
 * Runs an entry point. The environment is checked first, so that a missing or malformed variable
 * stops the process with one line naming it ("api: Invalid configuration: DATABASE_URL must be a
 * postgres:// URL") before Nest starts and logs the same error with a stack trace.
 */
export function runMain(start: () => Promise<void>): void {
  try {
    checkEnvironment();
  } catch (error) {
    console.error(`${APP}: ${(error as Error).message}`);
    process.exit(1);
  }
  start().catch(fail);
}
