import type { Stack } from './stack';

/**
 * Rewrites an event's `after` as the tables' owner (or a superuser) can: the append-only trigger
 * disabled for the time of the change. The hash chain still gives the change away.
 */
export async function forgeAuditEvent(stack: Stack, id: number, after: object): Promise<void> {
  await stack.ownerDb.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete');
  await stack.ownerDb.query('UPDATE audit_event SET after = $2 WHERE id = $1', [id, JSON.stringify(after)]);
  await stack.ownerDb.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete');
}
