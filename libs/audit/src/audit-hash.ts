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
  const { actorId, action, entityType, entityId, before, after, requestId, prevHash } = content;
  const covered = {
    at: content.at.toISOString(),
    actorId,
    action,
    entityType,
    entityId,
    before,
    after,
    requestId,
    prevHash,
  };
  const canonical = stringify(covered);
  return createHash('sha256')
    .update(canonical ?? '')
    .digest('hex');
}

/** JSON round trip: dates become ISO strings and undefined disappears, exactly as jsonb will store it. */
export function toJsonValue(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
