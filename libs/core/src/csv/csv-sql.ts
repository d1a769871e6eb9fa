/**
 * The SQL twins of `csvText` and `eurosDecimal`, for exports whose text PostgreSQL writes itself (COPY):
 * the same rule, byte for byte, which test/medium/core.medium-spec.ts holds against the TypeScript one.
 * `column` is repeated in the expression: pass a column or a parameter, not a subquery.
 */

/**
 * A text cell: '' for NULL; a formula-like start (`=`, `+`, `-`, `@`, tab, CR, after any number of `'`)
 * gets a `'` and quotes; otherwise quoted only when it holds `"`, `;` or a line end; `"` doubled inside.
 */
export const csvTextSql = (column: string): string =>
  `(CASE WHEN ${column} IS NULL THEN ''
     WHEN ${column} ~ E'^''*[-=+@\\t\\r]' THEN '"''' || replace(${column}, '"', '""') || '"'
     WHEN ${column} ~ E'[";\\r\\n]' THEN '"' || replace(${column}, '"', '""') || '"'
     ELSE ${column} END)`;

/** Cents (an integer column) as euros with a decimal comma and two decimals, `-` before a negative amount. */
export const eurosDecimalSql = (cents: string): string =>
  `(CASE WHEN ${cents} < 0 THEN '-' ELSE '' END || (abs(${cents}) / 100) || ',' || lpad((abs(${cents}) % 100)::text, 2, '0'))`;
