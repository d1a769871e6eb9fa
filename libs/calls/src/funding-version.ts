/** The granted projects of the calls bound to $1 (a uuid[]). */
const GRANTED_PROJECTS = `(SELECT g.project_id FROM "grant" g WHERE g.call_id = ANY ($1::uuid[]))`;

/**
 * The rows a funding data version covers, for the calls bound to $1: the calls, their axes and
 * criteria, their grants — whose `payments_version` the payment table's triggers bump, so that the
 * ledger itself is never read — and the granted projects with their departments. A module of its own
 * (no Nest, no config), so that bench/report-request.mjs EXPLAINs the very statement.
 */
export const FUNDING_ROW_SETS: readonly string[] = [
  'call t WHERE t.id = ANY ($1::uuid[])',
  ...['call_axis', 'call_criterion', '"grant"'].map((table) => `${table} t WHERE t.call_id = ANY ($1::uuid[])`),
  `project t WHERE t.id IN ${GRANTED_PROJECTS}`,
  `project_department t WHERE t.project_id IN ${GRANTED_PROJECTS}`,
];
