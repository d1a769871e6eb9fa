import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';

/** The part of an audit event its hash covers: everything but its database id and its own hash. */
export interface HashedContent {
  at: Date;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  prevHash: string | null;
}

/**
 * SHA-256 over a canonical JSON (keys sorted at every depth), so that the hash computed before the
 * insert equals the one recomputed from what jsonb gives back, whatever key order jsonb keeps.
 */
export function auditHash(content: HashedContent): string {
  return auditHashAt({ ...content, at: content.at.toISOString() });
}

/**
 * The same hash from content whose time is already its ISO text (`…T…Z`, milliseconds): the chain's
 * verification reads it so from PostgreSQL, a million dates it does not parse and print again.
 */
export function auditHashAt(content: Omit<HashedContent, 'at'> & { at: string }): string {
  const { at, actorId, action, entityType, entityId, before, after, requestId, prevHash } = content;
  const covered = { at, actorId, action, entityType, entityId, before, after, requestId, prevHash };
  return createHash('sha256')
    .update(stringify(covered) ?? '')
    .digest('hex');
}

/** JSON round trip: dates become ISO strings and undefined disappears, exactly as jsonb will store it. */
export function toJsonValue(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
