import { lazy, Suspense } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { EquityFundingDto } from '../../api/client';
import { FiguresTable } from '../../components/FiguresTable';
import { QueryState } from '../../components/QueryState';
import { departmentLabel, formatEuros, formatNumber } from '../../format';
import { useSession } from '../../session/session';
import { concentrationReading, formatIndex, formatIndicatorValue, formatRank, quintileLabel } from './equity-reading';
import { type EquityScope, useEquityFunding } from './equity-queries';

// The State's map and chart components (Vue and Chart.js inside) load with these figures, not the app.
const EquityCharts = lazy(() => import('./EquityCharts'));

/** The words the demo indicators' source carries: their values are illustrative, and the screen says so. */
const ILLUSTRATIVE = /valeurs fictives/i;

/** The indicator's source and year beside the figures, and a warning when its values are illustrative. */
function IndicatorSource({ indicator }: { indicator: EquityFundingDto['indicator'] }) {
  return (
    <>
      <p className="fr-text--sm">
        Indicateur : {indicator.label} ({indicator.unit}, {indicator.year}) — source : {indicator.source}.{' '}
        {indicator.higherIsWorse
          ? 'Une valeur plus haute est plus défavorable.'
          : 'Une valeur plus basse est plus défavorable.'}
        {indicator.rolledUp && ' Valeurs communales agrégées au département (moyenne pondérée par la population).'}
      </p>
      {ILLUSTRATIVE.test(indicator.source) && (
        <Alert
          className="fr-mb-3w"
          severity="warning"
          small
          description="Valeurs fictives de démonstration : ces chiffres illustrent la méthode et ne décrivent pas la réalité des territoires."
        />
      )}
    </>
  );
}

/** The concentration index and its reading, in one sentence. */
function ConcentrationIndex({ value }: { value: number | null }) {
  return (
    <div className="fr-callout fr-mb-3w">
      <h3 className="fr-callout__title">Indice de concentration : {formatIndex(value)}</h3>
      <p className="fr-callout__text">{concentrationReading(value)}</p>
    </div>
  );
}

function Figures({ funding, scope }: { funding: EquityFundingDto; scope: string }) {
  const mine = useSession().user?.departmentCodes ?? [];
  const isMine = (code: string) => mine.includes(code);
  const own = funding.items.filter((d) => isMine(d.code));
  return (
    <>
      <IndicatorSource indicator={funding.indicator} />
      <ConcentrationIndex value={funding.concentrationIndex} />
      {own.length > 0 && (
        <p>
          {own.length > 1 ? 'Vos départements sont mis' : 'Votre département est mis'} en évidence dans le tableau :{' '}
          {own.map(departmentLabel).join(', ')}.
        </p>
      )}
      <Suspense fallback={<p role="status">Chargement de la carte et du graphique…</p>}>
        <EquityCharts funding={funding} scope={scope} />
      </Suspense>
      <FiguresTable
        caption="Par quintile de défavorisation : population, engagé et engagé par habitant"
        headers={['Quintile', 'Population', 'Engagé', 'Engagé par habitant']}
        rows={funding.byQuintile.map((q) => [
          quintileLabel(q.quintile),
          formatNumber(q.population),
          formatEuros(q.committedCents),
          q.committedPerInhabitantCents === null ? 'aucun département' : formatEuros(q.committedPerInhabitantCents),
        ])}
      />
      <FiguresTable
        caption="Par département, du moins au plus défavorisé"
        headers={[
          'Département',
          'Population',
          'Engagé',
          'Versé',
          'Engagé par habitant',
          'Indicateur',
          'Rang',
          'Quintile',
        ]}
        rows={funding.items.map((d) => [
          isMine(d.code) ? `${departmentLabel(d)} — votre département` : departmentLabel(d),
          formatNumber(d.population),
          formatEuros(d.committedCents),
          formatEuros(d.paidCents),
          formatEuros(d.committedPerInhabitantCents),
          formatIndicatorValue(d.indicatorValue, funding.indicator.unit),
          formatRank(d.rank),
          String(d.quintile),
        ])}
        highlighted={(i) => isMine(funding.items[i].code)}
      />
    </>
  );
}

/**
 * Funding against need: does what is committed per inhabitant rise with the departments' deprivation?
 * The rank is the fractional rank (0 the least deprived, 1 the most), quintile 5 the most deprived fifth
 * of the population (docs/equity.md).
 */
export function FundingFigures({
  indicator,
  scope,
  scopeLabel,
}: {
  indicator: string;
  scope: EquityScope;
  scopeLabel: string;
}) {
  const funding = useEquityFunding(indicator, scope);
  return (
    <section aria-labelledby="funding-title" className="fr-mb-6w">
      <h2 id="funding-title">Financement et défavorisation</h2>
      <QueryState query={funding}>{(f) => <Figures funding={f} scope={scopeLabel} />}</QueryState>
    </section>
  );
}
