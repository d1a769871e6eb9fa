import type ExcelJS from 'exceljs';
import { PassThrough, Readable } from 'node:stream';
import { paymentKindLabel } from '@app/vocabulary';
import type { CallDto, CallFundingDto } from './dto/call.dto';
import type { FundingExportRow } from './funding.repository';

const EUR = '#,##0.00 "€"';

/**
 * The funding ledger as a workbook, one sheet per view (summary, by axis, by department, ledger),
 * written with exceljs's streaming writer: ledger rows are committed one by one, never all held.
 * Amounts are in euros as numbers (cents / 100) beside the exact cents.
 */
export function fundingWorkbook(call: CallDto, figures: CallFundingDto, ledger: Readable): Readable {
  const out = new PassThrough();
  // Loaded on first use: exceljs takes seconds to load, and the worker, which loads this lib, never writes one.
  import('exceljs')
    .then(({ default: excel }) => {
      const workbook = new excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
      workbook.creator = 'ARS Occitanie — mission ISS';
      return write(workbook, call, figures, ledger);
    })
    .catch((error: Error) => out.destroy(error));
  // A client that goes away destroys `out`: the ledger's cursor must close and give its connection back.
  out.once('close', () => ledger.destroy());
  return out;
}

async function write(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  call: CallDto,
  f: CallFundingDto,
  ledger: Readable,
): Promise<void> {
  const summary = workbook.addWorksheet('Synthèse');
  summary.columns = [
    { header: 'Appel', key: 'label', width: 40 },
    { header: 'Centimes', key: 'cents', width: 16 },
    { header: 'Euros', key: 'euros', width: 18, style: { numFmt: EUR } },
  ];
  const line = (label: string, cents: number) => summary.addRow({ label, cents, euros: cents / 100 }).commit();
  summary.addRow({ label: `${call.title} (${call.year}, ${call.fundingSource})` }).commit();
  line('Enveloppe', f.envelopeCents);
  line('Engagé', f.committedCents);
  line('Versé', f.paidCents);
  line('Reste à engager', f.remainingCents);
  line('Reste à verser', f.unpaidCents);
  summary.commit();

  const byAxis = workbook.addWorksheet('Par axe');
  byAxis.columns = [
    'Axe',
    'Libellé',
    'Enveloppe (centimes)',
    'Engagé (centimes)',
    'Versé (centimes)',
    'Reste (centimes)',
  ].map((header) => ({ header, width: 20 }));
  for (const a of f.byAxis)
    byAxis.addRow([a.code, a.label, a.envelopeCents, a.committedCents, a.paidCents, a.remainingCents]).commit();
  byAxis.commit();

  const byDepartment = workbook.addWorksheet('Par département');
  byDepartment.columns = ['Code', 'Département', 'Engagé (centimes)', 'Versé (centimes)'].map((header) => ({
    header,
    width: 22,
  }));
  for (const d of f.byDepartment) byDepartment.addRow([d.code, d.name, d.committedCents, d.paidCents]).commit();
  byDepartment.commit();

  const sheet = workbook.addWorksheet('Versements et restes à verser');
  sheet.columns = [
    ['Axe', 'axisCode'],
    ['Projet', 'projectTitle'],
    ['Porteur', 'holderName'],
    ['Départements', 'departmentCodes'],
    ['Subvention', 'grantId'],
    ['Engagement juridique', 'legalCommitmentNumber'],
    ['Ligne', 'rowType'],
    ['Type de versement', 'paymentKind'],
    ['Date de versement', 'paidOn'],
    ['Montant (centimes)', 'amountCents'],
    ['Montant (€)', 'euros'],
  ].map(([header, key]) => ({ header, key, width: 18 }));
  for await (const row of ledger as AsyncIterable<FundingExportRow>) {
    const cents = Number(row.amountCents);
    sheet
      .addRow({
        ...row,
        rowType: row.rowType === 'payment' ? 'versement' : 'reste à verser',
        paymentKind: paymentKindLabel(row.paymentKind),
        amountCents: cents,
        euros: cents / 100,
      })
      .commit();
  }
  sheet.commit();
  await workbook.commit();
}
