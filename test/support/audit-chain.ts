import type { Pool, PoolClient } from 'pg';
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

/**
 * What an owner of the database can do behind the triggers: edit one event, then recompute its hash
 * and every later one so that the chain alone verifies again. Needs the table's owner (or a superuser).
 */
export async function rewriteAndRehash(db: Pool, eventId: number, after: unknown): Promise<void> {
  await behindTheTriggers(db, async (client) => {
    await client.query('UPDATE audit_event SET after = $2 WHERE id = $1', [eventId, jsonb(after)]);
    const { rows } = await client.query(
      `SELECT id, at, actor_id AS "actorId", action, entity_type AS "entityType", entity_id AS "entityId",
              before, after, request_id AS "requestId", prev_hash AS "prevHash"
         FROM audit_event WHERE id >= $1 ORDER BY id`,
      [eventId],
    );
    let prevHash: string | null = rows[0].prevHash;
    for (const row of rows) {
      const hash = auditHash({ ...row, prevHash });
      await client.query('UPDATE audit_event SET prev_hash = $2, hash = $3 WHERE id = $1', [row.id, prevHash, hash]);
      prevHash = hash;
    }
  });
}

/** Cuts the newest events, from `fromId` on; the chain that is left is intact. */
export async function deleteTail(db: Pool, fromId: number): Promise<void> {
  await behindTheTriggers(db, (client) => client.query('DELETE FROM audit_event WHERE id >= $1', [fromId]));
}

async function behindTheTriggers(db: Pool, work: (client: PoolClient) => Promise<unknown>): Promise<void> {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    await client.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete');
    await work(client);
    await client.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete');
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
