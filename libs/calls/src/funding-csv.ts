import { Transform } from 'node:stream';
import { CSV_BOM, csvText } from '@app/core/csv/csv';
import { eurosDecimal } from '@app/core/money/money';
import { paymentKindLabel } from '@app/vocabulary';
import type { FundingExportRow } from './funding.repository';

const HEADERS = [
  'annee_appel',
  'appel',
  'axe',
  'projet_id',
  'projet',
  'porteur',
  'departements',
  'subvention_id',
  'engagement_juridique',
  'ligne',
  'versement_id',
  'type_versement',
  'date_versement',
  'montant_centimes',
  'montant_euros',
];
/** Text handed to the socket at once: a million rows make a few thousand writes, not a million. */
const CHUNK_CHARS = 64 * 1024;

export function csvHeader(): string {
  return `${CSV_BOM}${HEADERS.join(';')}\r\n`;
}

/**
 * The columns every line of a grant shares (call, project, grant), with their trailing separator. Typed
 * text goes through `csvText` (quoted, a formula-like start neutralised); the year and ids are written as is.
 */
function grantColumns(r: FundingExportRow): string {
  return (
    `${r.callYear};${csvText(r.callTitle)};${csvText(r.axisCode)};${r.projectId};${csvText(r.projectTitle)};` +
    `${csvText(r.holderName)};${csvText(r.departmentCodes)};${r.grantId};${csvText(r.legalCommitmentNumber)};`
  );
}

/**
 * The line's own columns: ids, the payment kind's word, dates the application writes, and amounts, none
 * of which needs quoting; amounts stay numbers (a negative one too), never prefixed.
 */
function lineColumns(r: FundingExportRow): string {
  const kind = r.rowType === 'payment' ? 'versement' : 'reste_a_verser';
  const paymentKind = paymentKindLabel(r.paymentKind);
  const euros = eurosDecimal(Number(r.amountCents));
  return `${kind};${r.paymentId ?? ''};${paymentKind};${r.paidOn ?? ''};${r.amountCents};${euros}\r\n`;
}

export function csvLine(row: FundingExportRow): string {
  return grantColumns(row) + lineColumns(row);
}

/**
 * Object rows in, CSV text out in chunks: the whole file never sits in memory. Rows come grouped by
 * grant, so a grant's shared columns are quoted once for all its lines.
 */
export function fundingCsvTransform(): Transform {
  let pending = csvHeader();
  let grantId: string | null = null;
  let shared = '';
  return new Transform({
    writableObjectMode: true,
    transform(row: FundingExportRow, _encoding, done) {
      if (row.grantId !== grantId) {
        grantId = row.grantId;
        shared = grantColumns(row);
      }
      pending += shared + lineColumns(row);
      if (pending.length < CHUNK_CHARS) return done();
      const chunk = pending;
      pending = '';
      done(null, chunk);
    },
    flush(done) {
      done(null, pending);
    },
  });
}
