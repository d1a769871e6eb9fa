import { createHash, timingSafeEqual } from 'node:crypto';

const BEARER = /^Bearer\s+(\S+)\s*$/i;
const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * True when `authorization` is `Bearer <token>` with the configured metrics token. Both sides are
 * hashed first, so the comparison takes the same time whatever the length or the first wrong
 * character of what was sent. Without a configured token nothing matches: the metrics are never public.
 */
export function metricsTokenMatches(authorization: string | undefined, token: string | undefined): boolean {
  if (!token) return false;
  const sent = BEARER.exec(authorization ?? '')?.[1];
  // The digest is computed even without a bearer token, so that a missing header costs what a wrong one does.
  return timingSafeEqual(digest(sent ?? ''), digest(token)) && sent !== undefined;
}
