import { csvTextSql, eurosDecimalSql } from '@app/core/csv/csv-sql';
import { departmentCodesOf, quoteLiteral } from '@app/core/database/sql-fragments';
import { PAYMENT_KIND_LABELS } from '@app/vocabulary';
import { PROJECT_DEPARTMENTS } from './project-departments';

// Free of Nest and of the configuration: bench/funding.mjs runs this very statement through COPY itself.

/** A payment's kind in French, as the screens and the PDF name it. */
const KIND_LABEL = `(CASE p.kind ${Object.entries(PAYMENT_KIND_LABELS)
  .map(([kind, label]) => `WHEN ${quoteLiteral(kind)} THEN ${quoteLiteral(label)}`)
  .join(' ')} ELSE '' END)`;

/**
 * The export's lines as the CSV file has them (`;`, quoted and neutralised text, euros with a decimal
 * comma, CRLF), written by PostgreSQL: the api passes them on untouched. The same lines, in the same
 * order, as FundingRepository's EXPORT_SQL, computed leaner: one value per grant holding all its lines
 * (a million ledger rows are a thousand COPY rows: no per-line framing, parsing nor sorting across the
 * ledger); the columns a grant's lines share formatted once; its payments read once, from the covering
 * index payment_ledger_idx, for both its lines and what it paid; the balance owed after its payments.
 */
export const csvLinesSql = (callId: string): string => `
  SELECT COALESCE(x.payment_lines, '')
         -- a cancelled grant keeps its payments but owes nothing more
         || CASE WHEN g.status = 'active' AND x.rest > 0
                 THEN g.shared || 'reste_a_verser;;;;' || x.rest || ';' || ${eurosDecimalSql('x.rest')} || E'\\r\\n'
                 ELSE '' END
  FROM (
    SELECT g.id, g.axis_code, g.title, g.status, g.amount_cents,
           g.year || ';' || ${csvTextSql('g.call_title')} || ';' || ${csvTextSql('g.axis_code')} || ';' || g.project_id
           || ';' || ${csvTextSql('g.title')} || ';' || ${csvTextSql('g.holder_name')} || ';' || ${csvTextSql('g.departments')}
           || ';' || g.id || ';' || ${csvTextSql('g.legal_commitment_number')} || ';' AS shared
    FROM (
      SELECT g.id, g.axis_code, g.status, g.amount_cents, g.legal_commitment_number, c.year, c.title AS call_title,
             pr.id AS project_id, pr.title, pr.holder_name,
             array_to_string(${departmentCodesOf(PROJECT_DEPARTMENTS, 'pr.id')}, ',') AS departments
      FROM "grant" g JOIN call c ON c.id = g.call_id JOIN project pr ON pr.id = g.project_id
      WHERE g.call_id = ${quoteLiteral(callId)}::uuid
      OFFSET 0 -- the departments read once, not once per mention in the text formatting below
    ) g
    -- grants sorted before their lines are joined: the outer ORDER BY finds them in order, and never
    -- sorts the lines' text itself (200 MB for a million lines)
    ORDER BY g.axis_code, g.title, g.id
    OFFSET 0
  ) g
  CROSS JOIN LATERAL (
    SELECT string_agg(g.shared || 'versement;' || p.id || ';' || ${KIND_LABEL} || ';' || p.paid_on || ';'
                      || p.amount_cents || ';' || ${eurosDecimalSql('p.amount_cents')} || E'\\r\\n', ''
                      ORDER BY p.paid_on, p.id) AS payment_lines,
           (g.amount_cents - COALESCE(sum(p.amount_cents), 0))::bigint AS rest
    FROM payment p WHERE p.grant_id = g.id
  ) x
  ORDER BY g.axis_code, g.title, g.id`;
