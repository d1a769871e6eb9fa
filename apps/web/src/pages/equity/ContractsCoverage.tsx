import { Select } from '@codegouvfr/react-dsfr/Select';
import type { TerritorialIndicatorDto } from '../../api/client';
import { FiguresTable } from '../../components/FiguresTable';
import { QueryState } from '../../components/QueryState';
import { IndicatorOptions } from './IndicatorOptions';
import { formatNumber, formatRate } from '../../format';
import { quintileLabel } from './equity-reading';
import { rankingLocalTerritories, useEquityContracts } from './equity-queries';

/**
 * How much of each deprivation quintile's population signed local health contracts cover, the
 * territories ranked by an EPCI or commune indicator (a commune counts once).
 */
export function ContractsCoverage({
  indicators,
  code,
  onChange,
}: {
  indicators: TerritorialIndicatorDto[];
  /** The indicator chosen, undefined when none is eligible. */
  code: string | undefined;
  onChange: (code: string) => void;
}) {
  const eligible = indicators.filter(rankingLocalTerritories);
  const coverage = useEquityContracts(code);
  return (
    <section aria-labelledby="contracts-title" className="fr-mb-6w">
      <h2 id="contracts-title">Contrats locaux de santé et défavorisation</h2>
      {eligible.length === 0 ? (
        <p>Aucun indicateur par EPCI ou par commune n’est encore chargé : la couverture par quintile en a besoin.</p>
      ) : (
        <>
          <Select
            label="Indicateur par EPCI ou par commune"
            nativeSelectProps={{ value: code, onChange: (e) => onChange(e.target.value) }}
          >
            <IndicatorOptions indicators={eligible} />
          </Select>
          <QueryState query={coverage}>
            {(c) => (
              <>
                <p className="fr-text--sm">
                  {formatNumber(c.items.length)} territoires classés. Source : {c.indicator.source}.
                </p>
                <FiguresTable
                  caption="Population couverte par un contrat local de santé signé, par quintile de défavorisation"
                  headers={['Quintile', 'Population', 'Population couverte', 'Taux de couverture']}
                  rows={c.byQuintile.map((q) => [
                    quintileLabel(q.quintile),
                    formatNumber(q.population),
                    formatNumber(q.coveredPopulation),
                    formatRate(q.coverageRate),
                  ])}
                />
              </>
            )}
          </QueryState>
        </>
      )}
    </section>
  );
}
