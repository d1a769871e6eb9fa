import { Injectable } from '@nestjs/common';
import { Actor, formatEuros } from '@app/core';
import { PdfReport, ReportDefinition, type ReportProgress } from '@app/reports';
import { paymentKindLabel, PROJECT_STATUS_LABELS, REPORT_KIND_LABELS } from '@app/vocabulary';
import { CallsService } from '../calls.service';
import type { CallDto, CallFundingDto } from '../dto/call.dto';
import { FundingRepository, type FundingExportRow, type FundingProjectLine } from '../funding.repository';
import { FundingService } from '../funding.service';
import { FundingReportParamsDto } from './funding-report.dto';

type FundingParams = FundingReportParamsDto;

/** The data a funding report is built from; its SHA-256 is printed in the PDF (dataSha256). */
export interface FundingReportData {
  call: CallDto;
  figures: CallFundingDto;
  projects: FundingProjectLine[];
  payments: Pick<FundingExportRow, 'projectTitle' | 'paymentKind' | 'paidOn' | 'amountCents' | 'paymentId'>[];
}

/** Funding of a call: envelope, committed, paid, remaining — by axis, department and project — and every payment. */
@Injectable()
export class FundingReport implements ReportDefinition<FundingParams, FundingReportData> {
  readonly kind = 'funding' as const;
  readonly params = FundingReportParamsDto;

  constructor(
    private readonly calls: CallsService,
    private readonly funding: FundingRepository,
    private readonly ledger: FundingService,
  ) {}

  /** The report prints every payment: whoever may export the ledger as CSV, no one else. */
  authorize(actor: Actor, params: FundingParams): Promise<void> {
    return this.ledger.assertLedgerReader(actor, params.callId);
  }

  dataVersion(params: FundingParams): Promise<string> {
    return this.calls.fundingVersion([params.callId]);
  }

  async collect(params: FundingParams): Promise<FundingReportData> {
    const [call, figures, projects, ledger] = await Promise.all([
      this.calls.getUnchecked(params.callId),
      this.calls.figuresUnchecked(params.callId),
      this.funding.fundedProjects(params.callId),
      this.funding.ledger(params.callId),
    ]);
    return {
      call,
      figures,
      projects,
      payments: ledger
        .filter((r) => r.rowType === 'payment')
        .map((r) => ({
          projectTitle: r.projectTitle,
          paymentKind: r.paymentKind,
          paidOn: r.paidOn,
          amountCents: r.amountCents,
          paymentId: r.paymentId,
        })),
    };
  }

  title(_p: FundingParams, d: FundingReportData): string {
    return `${REPORT_KIND_LABELS[this.kind]} — ${d.call.title}`;
  }

  scope(_p: FundingParams, d: FundingReportData): string {
    return `Appel ${d.call.year} — ${d.call.fundingSource} — du ${d.call.opensOn} au ${d.call.closesOn}`;
  }

  /** Progress counts the rows of the two long tables, projects then payments: nearly all the drawing. */
  async render(pdf: PdfReport, d: FundingReportData, _p: FundingParams, progress: ReportProgress): Promise<void> {
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
        rows: d.projects.map((p) => [
          p.title,
          p.holder,
          p.axisCode,
          p.departmentCodes,
          PROJECT_STATUS_LABELS[p.status],
          formatEuros(p.grantedCents),
          formatEuros(p.paidCents),
          formatEuros(p.grantedCents - p.paidCents),
        ]),
      },
      (drawn) => progress(drawn, rows),
    );
    pdf.heading('Versements');
    await pdf.tableInSteps(
      {
        headers: ['Date', 'Projet', 'Type', 'Montant'],
        widths: [1.2, 4, 1.2, 1.4],
        numeric: [3],
        rows: d.payments.map((p) => [
          p.paidOn ?? '',
          p.projectTitle,
          paymentKindLabel(p.paymentKind),
          formatEuros(Number(p.amountCents)),
        ]),
      },
      (drawn) => progress(d.projects.length + drawn, rows),
    );
    pdf.paragraph(
      `Total des versements : ${formatEuros(d.payments.reduce((s, p) => s + Number(p.amountCents), 0))} ; total engagé : ${formatEuros(f.committedCents)}.`,
    );
  }
}
