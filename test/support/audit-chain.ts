import type { Pool } from 'pg';
import { auditHash, HashedContent } from '../../libs/audit/src/audit-hash';

/** The append lock the api takes (AuditRepository), so a row written here chains like one of its own. */
const CHAIN_LOCK_KEY = 4_277_001;

export type RawEvent = Omit<HashedContent, 'prevHash' | 'at'> & { at?: Date };

/**
 * Appends an event the way an older release (or a forger with the database) would: content as given,
 * hash chained onto the current head. Needs a connection allowed to INSERT into audit_event.
 */
export async function appendRawEvent(db: Pool, event: RawEvent): Promise<number> {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK_KEY]);
    const head = await client.query('SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1');
    const content = { ...event, at: event.at ?? new Date(), prevHash: head.rows[0]?.hash ?? null };
    const { rows } = await client.query(
      `INSERT INTO audit_event (at, actor_id, action, entity_type, entity_id, before, after, request_id, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id::int`,
      [
        content.at,
        content.actorId,
        content.action,
        content.entityType,
        content.entityId,
        jsonb(content.before),
        jsonb(content.after),
        content.requestId,
        content.prevHash,
        auditHash(content),
      ],
    );
    await client.query('COMMIT');
    return rows[0].id;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

const jsonb = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
