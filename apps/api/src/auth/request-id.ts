import { randomUUID } from 'node:crypto';

const HEADER = 'x-request-id';
const VALID = /^[\w.:-]{1,100}$/;

/** Keeps a caller's request id when it is sane, else makes one: it ties logs and audit events together. */
export function requestIdOf(req: { headers: Record<string, string | string[] | undefined>; id?: unknown }): string {
  const existing = req.id;
  if (typeof existing === 'string') return existing;
  const header = req.headers[HEADER];
  return typeof header === 'string' && VALID.test(header) ? header : randomUUID();
}
