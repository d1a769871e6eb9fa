import { formatEuros } from '@app/core/money/money';
import type { PdfReport, ReportProgress } from '@app/reports';
import { paymentKindLabel, PROJECT_STATUS_LABELS } from '@app/vocabulary';
import type { CallDto, CallFundingDto } from '../dto/call.dto';
import type { FundingProjectLine, FundingReportPayment } from '../funding.repository';

/** The data a funding report is built from; its SHA-256 is printed in the PDF (dataSha256). */
export interface FundingReportData {
  call: CallDto;
  figures: CallFundingDto;
  projects: FundingProjectLine[];
  payments: FundingReportPayment[];
}

/**
 * Draws the funding report: plain code, importable without Nest, so that a rendering thread loads only
 * this (see the worker's render pool). Progress counts the rows of the two long tables, projects then
 * payments: nearly all the drawing.
 */
export async function drawFunding(
  pdf: PdfReport,
  d: FundingReportData,
  _p: unknown,
  progress: ReportProgress,
): Promise<void> {
  const f = d.figures;
  const rows = d.projects.length + d.payments.length;
  pdf.heading('Synthèse');
  pdf.table({
    headers: ['Enveloppe', 'Engagé', 'Versé', 'Reste à engager', 'Reste à verser'],
    numeric: [0, 1, 2, 3, 4],
    rows: [[f.envelopeCents, f.committedCents, f.paidCents, f.remainingCents, f.unpaidCents].map(formatEuros)],
  });
  pdf.heading('Par axe');
  pdf.table({
    headers: ['Axe', 'Enveloppe', 'Engagé', 'Versé', 'Reste'],
    widths: [3, 1.2, 1.2, 1.2, 1.2],
    numeric: [1, 2, 3, 4],
    rows: f.byAxis.map((a) => [
      `${a.code} — ${a.label}`,
      a.envelopeCents === null ? '—' : formatEuros(a.envelopeCents),
      formatEuros(a.committedCents),
      formatEuros(a.paidCents),
      a.remainingCents === null ? '—' : formatEuros(a.remainingCents),
    ]),
  });
  pdf.heading('Par département');
  pdf.paragraph(
    'Un projet couvrant plusieurs départements y répartit sa subvention par parts déclarées (parts égales par défaut), au centime près.',
  );
  pdf.table({
    headers: ['Département', 'Engagé', 'Versé'],
    widths: [3, 1.5, 1.5],
    numeric: [1, 2],
    rows: f.byDepartment.map((x) => [`${x.code} ${x.name}`, formatEuros(x.committedCents), formatEuros(x.paidCents)]),
  });
  pdf.heading('Par projet');
  await pdf.tableInSteps(
    {
      headers: ['Projet', 'Porteur', 'Axe', 'Dép.', 'Statut', 'Accordé', 'Versé', 'Reste'],
      widths: [3, 2, 0.7, 1, 1.3, 1.3, 1.3, 1.3],
      numeric: [5, 6, 7],
      items: d.projects,
      cells: (p) => [
        p.title,
        p.holder,
        p.axisCode,
        p.departmentCodes,
        PROJECT_STATUS_LABELS[p.status],
        formatEuros(p.grantedCents),
        formatEuros(p.paidCents),
        formatEuros(p.grantedCents - p.paidCents),
      ],
    },
    (drawn) => progress(drawn, rows),
  );
  pdf.heading('Versements');
  await pdf.tableInSteps(
    {
      headers: ['Date', 'Projet', 'Type', 'Montant'],
      widths: [1.2, 4, 1.2, 1.4],
      numeric: [3],
      items: d.payments,
      cells: (p) => [
        p.paidOn ?? '',
        p.projectTitle,
        paymentKindLabel(p.paymentKind),
        formatEuros(Number(p.amountCents)),
      ],
    },
    (drawn) => progress(d.projects.length + drawn, rows),
  );
  pdf.paragraph(
    `Total des versements : ${formatEuros(d.payments.reduce((s, p) => s + Number(p.amountCents), 0))} ; total engagé : ${formatEuros(f.committedCents)}.`,
  );
}
