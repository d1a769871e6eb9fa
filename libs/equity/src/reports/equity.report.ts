import { Injectable } from '@nestjs/common';
import { Actor } from '@app/core';
import { ReportDefinition } from '@app/reports';
import { REPORT_KIND_LABELS } from '@app/vocabulary';
import { EquityService } from '../equity.service';
import { IndicatorsService } from '../indicators.service';
import { EquityReportParamsDto } from './equity-report.dto';
import { drawEquity, type EquityReportData } from './equity.drawing';

export type { EquityReportData } from './equity.drawing';

/**
 * Funding against need (CONTRACT.md, "Equity"): funding per inhabitant by department and by deprivation
 * quintile with its chart and the concentration index, coverage by signed contracts by quintile, and
 * the reach of funded projects by public and participation.
 */
@Injectable()
export class EquityReport implements ReportDefinition<EquityReportParamsDto, EquityReportData> {
  readonly kind = 'equity' as const;
  readonly params = EquityReportParamsDto;

  constructor(
    private readonly equity: EquityService,
    private readonly indicators: IndicatorsService,
  ) {}

  /** Who reads the equity figures (not commission members); the indicator and the call or year checked too. */
  async authorize(actor: Actor, params: EquityReportParamsDto): Promise<void> {
    await this.equity.funding(actor, params);
  }

  async dataVersion(params: EquityReportParamsDto): Promise<string> {
    return this.equity.reportDataVersion(params.indicator, await this.equity.scope(params));
  }

  async collect(params: EquityReportParamsDto): Promise<EquityReportData> {
    const scope = await this.equity.scope(params);
    const [funding, own, reach] = await Promise.all([
      this.equity.fundingUnchecked(params.indicator, scope),
      // Coverage at the indicator's own level: by department, EPCI or commune.
      this.indicators.valuesAt(params.indicator, ['department', 'epci', 'commune']),
      this.equity.reachUnchecked(scope),
    ]);
    return { scope: scope.label, funding, coverage: await this.equity.coverageUnchecked(own), reach };
  }

  title(): string {
    return REPORT_KIND_LABELS[this.kind];
  }

  scope(_p: EquityReportParamsDto, d: EquityReportData): string {
    return `${d.scope} — indicateur « ${d.funding.indicator.label} »`;
  }

  readonly render = drawEquity;
}
