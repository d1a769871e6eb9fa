import type { DeleteResult, UpdateResult } from 'typeorm';

/**
 * How many rows a write changed, whichever way it ran: `tx.query('UPDATE …')` resolves on
 * PostgreSQL to `[rows, count]`, the query builder and `update()` to a result with `affected`.
 * Conditional updates (`WHERE version = $v`, `WHERE status = ANY ($from)`) read it to know whether
 * they won.
 */
export function affectedRows(result: unknown): number {
  if (Array.isArray(result)) return Number(result[1] ?? 0);
  return (result as UpdateResult | DeleteResult).affected ?? 0;
}

/** Whether a conditional write changed at least one row. */
export const changedAny = (result: unknown): boolean => affectedRows(result) > 0;
