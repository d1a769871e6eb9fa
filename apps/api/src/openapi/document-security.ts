import type { OpenAPIObject } from '@nestjs/swagger';

/** Written by @Public() into the operation, read and removed here. */
export const PUBLIC_EXTENSION = 'x-public';

type Operation = Record<string, unknown> & { security?: unknown[] };

/**
 * Every operation says how it authenticates: the bearer token or the session cookie (the JWT strategy
 * reads either), or nothing for a @Public() route. Done on the whole document so no route can miss it.
 */
export function documentSecurity(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path) as Operation[]) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      operation.security = operation[PUBLIC_EXTENSION] ? [] : [{ bearer: [] }, { cookie: [] }];
      delete operation[PUBLIC_EXTENSION];
    }
  }
  return document;
}
