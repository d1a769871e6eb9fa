import { Transform } from 'node:stream';
import { CSV_BOM, csvField } from '@app/core/csv/csv';
import { eurosDecimal } from '@app/core/money/money';
import type { FundingExportRow } from './funding.repository';

const COLUMNS: [string, (r: FundingExportRow) => string | number | null][] = [
  ['annee_appel', (r) => r.callYear],
  ['appel', (r) => r.callTitle],
  ['axe', (r) => r.axisCode],
  ['projet_id', (r) => r.projectId],
  ['projet', (r) => r.projectTitle],
  ['porteur', (r) => r.holderName],
  ['departements', (r) => r.departmentCodes],
  ['subvention_id', (r) => r.grantId],
  ['engagement_juridique', (r) => r.legalCommitmentNumber],
  ['ligne', (r) => (r.rowType === 'payment' ? 'versement' : 'reste_a_verser')],
  ['versement_id', (r) => r.paymentId],
  ['type_versement', (r) => r.paymentKind],
  ['date_versement', (r) => r.paidOn],
  ['montant_centimes', (r) => r.amountCents],
  ['montant_euros', (r) => eurosDecimal(Number(r.amountCents))],
];

export function csvHeader(): string {
  return `${CSV_BOM}${COLUMNS.map(([name]) => name).join(';')}\r\n`;
}

export function csvLine(row: FundingExportRow): string {
  return `${COLUMNS.map(([, value]) => csvField(value(row))).join(';')}\r\n`;
}

/** Object rows in, CSV text out, one line at a time: the whole file never sits in memory. */
export function fundingCsvTransform(): Transform {
  let started = false;
  return new Transform({
    writableObjectMode: true,
    transform(row: FundingExportRow, _encoding, done) {
      const head = started ? '' : csvHeader();
      started = true;
      done(null, head + csvLine(row));
    },
    flush(done) {
      done(null, started ? '' : csvHeader());
    },
  });
}
