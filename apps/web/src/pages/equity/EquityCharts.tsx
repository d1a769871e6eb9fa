import { BarChart } from '@codegouvfr/react-dsfr/Chart/BarChart';
import type { EquityFundingDto } from '../../api/client';
import { OccitanieMap } from '../../components/OccitanieMap';
import { quintileLabel } from './equity-reading';

const euros = (cents: number) => Math.round(cents) / 100;

/** The population-weighted mean of a figure over the departments, for the region's own figure on a map. */
function regionMean(funding: EquityFundingDto, figure: (d: EquityFundingDto['items'][number]) => number): number {
  const population = funding.items.reduce((sum, d) => sum + d.population, 0);
  if (population === 0) return 0;
  return Math.round((funding.items.reduce((sum, d) => sum + d.population * figure(d), 0) / population) * 100) / 100;
}

/**
 * Loaded on demand (React.lazy): the State's map and chart components weigh more than the rest of the
 * app. Two maps side by side, what was committed per inhabitant and the indicator, then the bars by
 * quintile; the tables after them give every figure (RGAA).
 */
export default function EquityCharts({ funding, scope }: { funding: EquityFundingDto; scope: string }) {
  const { indicator } = funding;
  return (
    <>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-lg-6">
          <h3 className="fr-h6">Engagé par habitant</h3>
          <OccitanieMap
            values={Object.fromEntries(funding.items.map((d) => [d.code, euros(d.committedPerInhabitantCents)]))}
            name="Engagé par habitant (en euros)"
            regionValue={regionMean(funding, (d) => d.committedCents / 100 / d.population)}
            label={`Carte des départements d’Occitanie colorés selon l’engagé par habitant (${scope}), détaillé dans le tableau par département.`}
          />
        </div>
        <div className="fr-col-12 fr-col-lg-6">
          <h3 className="fr-h6">{indicator.label}</h3>
          <OccitanieMap
            values={Object.fromEntries(funding.items.map((d) => [d.code, d.indicatorValue]))}
            name={`${indicator.label} (${indicator.unit})`}
            regionValue={regionMean(funding, (d) => d.indicatorValue)}
            label={`Carte des départements d’Occitanie colorés selon l’indicateur « ${indicator.label} », détaillé dans le tableau par département.`}
          />
        </div>
      </div>
      <h3 className="fr-h6">Engagé par habitant, par quintile de défavorisation</h3>
      <div
        role="img"
        className="fr-mb-2w"
        aria-label={`Graphique en barres : engagé par habitant de chaque quintile de défavorisation (${scope}), détaillé dans le tableau par quintile.`}
      >
        <BarChart
          x={[funding.byQuintile.map((q) => quintileLabel(q.quintile))]}
          y={[funding.byQuintile.map((q) => euros(q.committedPerInhabitantCents ?? 0))]}
          name={['Engagé par habitant (en euros)']}
          color={['blue-france']}
        />
      </div>
    </>
  );
}
