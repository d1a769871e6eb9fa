import { Injectable } from '@nestjs/common';
import { Actor } from '@app/core';
import { ReportDefinition } from '@app/reports';
import { REPORT_KIND_LABELS } from '@app/vocabulary';
import { CallsService } from '../calls.service';
import { FundingRepository } from '../funding.repository';
import { FundingService } from '../funding.service';
import { FundingReportParamsDto } from './funding-report.dto';
import { drawFunding, type FundingReportData } from './funding.drawing';

export type { FundingReportData } from './funding.drawing';

type FundingParams = FundingReportParamsDto;

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
    const [call, figures, projects, payments] = await Promise.all([
      this.calls.getUnchecked(params.callId),
      this.calls.figuresUnchecked(params.callId),
      this.funding.fundedProjects(params.callId),
      this.funding.reportPayments(params.callId),
    ]);
    return { call, figures, projects, payments };
  }

  title(_p: FundingParams, d: FundingReportData): string {
    return `${REPORT_KIND_LABELS[this.kind]} — ${d.call.title}`;
  }

  scope(_p: FundingParams, d: FundingReportData): string {
    return `Appel ${d.call.year} — ${d.call.fundingSource} — du ${d.call.opensOn} au ${d.call.closesOn}`;
  }

  readonly render = drawFunding;
}
