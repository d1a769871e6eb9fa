import type { DataSource, EntityManager } from 'typeorm';

/**
 * The rows a data version covers: a FROM item aliased `t` with its WHERE — a table
 * (`call t WHERE t.id = $1`) or the very query a report reads (`(SELECT …) t`). Written in the
 * repositories' own SQL, never user input.
 */
export type RowSet = string;

/** A row set's digest in SQL: its count and an order-free 64-bit hash of each row's whole text. */
const digestOf = (rows: RowSet): string =>
  `(SELECT count(*) || ':' || COALESCE(bit_xor(hashtextextended(t::text, 0)), 0) FROM ${rows})`;

/**
 * A version of the data in these row sets, computed by PostgreSQL: any insert, delete or change of any
 * column of a covered row changes it (but for a 2⁻⁶⁴ collision), whoever wrote it and whatever the
 * order of concurrent commits — unlike a max(updated_at), which a later commit with an earlier
 * timestamp slips under. Nothing but one short string comes back, and its cost grows with the rows
 * covered: meant for sets of up to some thousands of rows (a ledger of millions is covered by a
 * counter its table's triggers keep, see the calls lib).
 */
export async function rowSetsVersion(
  db: DataSource | EntityManager,
  rowSets: readonly RowSet[],
  parameters: unknown[] = [],
): Promise<string> {
  const rows: { version: string }[] = await db.query(rowSetsVersionSql(rowSets), parameters);
  return rows[0].version;
}

/** The statement `rowSetsVersion` runs (one row, column `version`), for an EXPLAIN of it. */
export const rowSetsVersionSql = (rowSets: readonly RowSet[]): string =>
  `SELECT concat_ws('|', ${rowSets.map(digestOf).join(', ')}) AS version`;
