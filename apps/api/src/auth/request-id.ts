import { randomUUID } from 'node:crypto';

const HEADER = 'x-request-id';
/**
 * What a caller's id may look like before it goes into logs, audit rows and the response header:
 * short, and only characters that need no escaping anywhere (no quotes, spaces, control or non-ASCII).
 */
const VALID = /^[A-Za-z0-9._-]{1,64}$/;

export function isValidRequestId(value: unknown): value is string {
  return typeof value === 'string' && VALID.test(value);
}

/**
 * Keeps a caller's request id when it is sane, else makes one: it ties logs and audit events together.
 * The id is kept on the raw request, so that the log line, the audit rows and the echoed header agree.
 */
export function requestIdOf(req: { headers: Record<string, string | string[] | undefined>; id?: unknown }): string {
  if (isValidRequestId(req.id)) return req.id;
  const header = req.headers[HEADER];
  const id = isValidRequestId(header) ? header : randomUUID();
  req.id = id;
  return id;
}
