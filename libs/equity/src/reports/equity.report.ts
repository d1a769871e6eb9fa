import { Injectable } from '@nestjs/common';
import { Actor, formatEuros } from '@app/core';
import { PdfReport, ReportDefinition } from '@app/reports';
import {
  INDICATOR_LEVEL_LABELS,
  PARTICIPATION_LEVEL_LABELS,
  REPORT_KIND_LABELS,
  TARGET_PUBLIC_LABELS,
} from '@app/vocabulary';
import type { EquityContractsDto, EquityFundingDto, EquityPublicsDto } from '../dto/equity.dto';
import { EquityService } from '../equity.service';
import { IndicatorsService } from '../indicators.service';
import { EquityReportParamsDto } from './equity-report.dto';
import { formatIndex, formatRate } from './equity-format';

/** The data an equity report is built from, in a fixed order: its SHA-256 is the report's dataSha256. */
export interface EquityReportData {
  scope: string;
  funding: EquityFundingDto;
  coverage: EquityContractsDto;
  reach: EquityPublicsDto;
}

const perInhabitant = (cents: number | null) => (cents === null ? '—' : formatEuros(cents));

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

  render(pdf: PdfReport, d: EquityReportData): void {
    const { indicator, items, byQuintile, concentrationIndex } = d.funding;
    pdf.heading('Indicateur');
    pdf.paragraph(
      `${indicator.label} (${indicator.unit}), ${indicator.year}, par ${INDICATOR_LEVEL_LABELS[indicator.level].toLowerCase()}` +
        (indicator.rolledUp ? ', ramené au département par moyenne pondérée par la population' : '') +
        `. Source : ${indicator.source}. ` +
        (indicator.higherIsWorse
          ? 'Une valeur plus haute est plus défavorable.'
          : 'Une valeur plus basse est plus défavorable.'),
    );
    pdf.paragraph(
      'Les territoires sont classés du moins au plus défavorisé et regroupés en cinquièmes de la population (quintile 5 : le plus défavorisé). Populations : données de référence.',
    );
    pdf.heading('Indice de concentration');
    pdf.paragraph(`Indice de concentration du financement engagé par habitant : ${formatIndex(concentrationIndex)}.`);
    pdf.paragraph(
      'Compris entre −1 et 1, il vaut 0 quand le financement par habitant est le même partout ; au-dessus de 0, le financement par habitant croît avec la défavorisation (universalisme proportionné), en dessous il se concentre sur les territoires les moins défavorisés.',
    );
    pdf.heading('Engagé par habitant, par quintile de défavorisation');
    pdf.barChart({
      alt: `Montant engagé par habitant par quintile : ${byQuintile.map((q) => `quintile ${q.quintile} ${perInhabitant(q.committedPerInhabitantCents)}`).join(', ')}.`,
      bars: byQuintile.map((q) => ({
        label: `Quintile ${q.quintile}${q.quintile === 5 ? ' (plus défavorisé)' : q.quintile === 1 ? ' (moins défavorisé)' : ''}`,
        value: q.committedPerInhabitantCents ?? 0,
        text: perInhabitant(q.committedPerInhabitantCents),
      })),
    });
    pdf.table({
      headers: ['Quintile', 'Population', 'Engagé', 'Engagé par habitant'],
      numeric: [1, 2, 3],
      rows: byQuintile.map((q) => [
        String(q.quintile),
        q.population.toLocaleString('fr-FR'),
        formatEuros(q.committedCents),
        perInhabitant(q.committedPerInhabitantCents),
      ]),
    });
    pdf.heading('Par département');
    pdf.table({
      headers: ['Département', 'Population', 'Valeur', 'Rang', 'Quintile', 'Engagé', 'Versé', 'Par habitant'],
      widths: [2.4, 1.2, 0.9, 0.8, 0.8, 1.3, 1.3, 1.1],
      numeric: [1, 2, 3, 4, 5, 6, 7],
      rows: items.map((t) => [
        `${t.code} ${t.name}`,
        t.population.toLocaleString('fr-FR'),
        t.indicatorValue.toLocaleString('fr-FR', { maximumFractionDigits: 2 }),
        t.rank.toFixed(4).replace('.', ','),
        String(t.quintile),
        formatEuros(t.committedCents),
        formatEuros(t.paidCents),
        formatEuros(t.committedPerInhabitantCents),
      ]),
    });
    pdf.heading('Couverture par les contrats locaux de santé signés, par quintile');
    pdf.paragraph(
      `Territoires classés par ${INDICATOR_LEVEL_LABELS[d.coverage.indicator.level].toLowerCase()} ; une commune couverte par plusieurs contrats compte une fois.`,
    );
    pdf.table({
      headers: ['Quintile', 'Population', 'Population couverte', 'Taux de couverture'],
      numeric: [1, 2, 3],
      rows: d.coverage.byQuintile.map((q) => [
        String(q.quintile),
        q.population.toLocaleString('fr-FR'),
        q.coveredPopulation.toLocaleString('fr-FR'),
        formatRate(q.coverageRate),
      ]),
    });
    pdf.heading('Publics atteints par les projets financés');
    pdf.paragraph('Chaque projet compte avec toute sa subvention dans chacun de ses publics cibles.');
    pdf.table({
      headers: ['Public cible', 'Projets', 'Engagé'],
      widths: [3, 1, 1.5],
      numeric: [1, 2],
      rows: d.reach.items.map((r) => [
        TARGET_PUBLIC_LABELS[r.targetPublic],
        String(r.projects),
        formatEuros(r.committedCents),
      ]),
    });
    pdf.heading('Participation des personnes concernées');
    pdf.table({
      headers: ['Participation', 'Projets', 'Engagé'],
      widths: [3, 1, 1.5],
      numeric: [1, 2],
      rows: d.reach.participation.map((p) => [
        PARTICIPATION_LEVEL_LABELS[p.level],
        String(p.projects),
        formatEuros(p.committedCents),
      ]),
    });
  }
}
