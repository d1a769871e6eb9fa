import { BarChart } from '@codegouvfr/react-dsfr/Chart/BarChart';
import type { ChartColor } from '@codegouvfr/react-dsfr/Chart/chartWrapper';
import type { CallFundingDto, DepartmentFundingDto } from '../../api/client';
import { useDepartments } from '../../api/queries';
import { FiguresTable } from '../../components/FiguresTable';
import { departmentLabel, formatEuros } from '../../format';
import { DepartmentMap } from './DepartmentMap';

/** One bar of a stacked chart: what was paid, committed but not yet paid, and what remains of its envelope. */
export interface FundingBar {
  label: string;
  paidCents: number;
  committedCents: number;
  remainingCents: number | null;
}

/** The stack's parts, each in a colour of its own (DSFR illustrative colours). */
const PARTS: { name: string; color: ChartColor; cents: (bar: FundingBar) => number }[] = [
  { name: 'Versé', color: 'blue-france', cents: (bar) => bar.paidCents },
  { name: 'Engagé non versé', color: 'orange-terre-battue', cents: (bar) => bar.committedCents - bar.paidCents },
  { name: 'Reste à engager', color: 'green-emeraude', cents: (bar) => bar.remainingCents ?? 0 },
];

/**
 * Stacked bars (paid, committed not paid, remaining: together the envelope), drawn by the State's chart
 * component. The canvas says nothing to a screen reader: the table after it gives every figure (RGAA).
 */
function StackedBars({
  bars,
  withRemaining,
  summary,
}: {
  bars: FundingBar[];
  withRemaining: boolean;
  summary: string;
}) {
  const parts = withRemaining ? PARTS : PARTS.slice(0, 2);
  return (
    <div role="img" aria-label={summary} className="fr-mb-2w">
      <BarChart
        horizontal
        stacked
        x={parts.map(() => bars.map((bar) => bar.label))}
        y={parts.map((part) => bars.map((bar) => part.cents(bar) / 100))}
        name={parts.map((part) => part.name)}
        color={parts.map((part) => part.color)}
      />
    </div>
  );
}

/** Every department of the region, with what the call committed there (nothing where it has no grant). */
function useDepartmentLines(funding: CallFundingDto): DepartmentFundingDto[] {
  const departments = useDepartments().data?.items ?? [];
  return departments.map(
    (d) =>
      funding.byDepartment.find((line) => line.code === d.code) ?? {
        code: d.code,
        name: d.name,
        population: d.population,
        committedCents: 0,
        paidCents: 0,
        committedPerInhabitantCents: 0,
      },
  );
}

/** Loaded on demand (React.lazy): the chart components weigh more than the rest of the app. */
export default function FundingCharts({ funding, callTitle }: { funding: CallFundingDto; callTitle: string }) {
  const lines = useDepartmentLines(funding);
  const nothingCommitted = funding.committedCents === 0;
  const axes: FundingBar[] = funding.byAxis.map((axis) => ({ ...axis, remainingCents: axis.remainingCents ?? null }));
  const departments: FundingBar[] = lines.map((d) => ({ ...d, label: departmentLabel(d), remainingCents: null }));
  return (
    <>
      <h3 className="fr-h6">Par axe</h3>
      {!nothingCommitted && (
        <StackedBars
          bars={axes}
          withRemaining
          summary={`Graphique en barres empilées : versé, engagé non versé et reste à engager par axe de l’appel « ${callTitle} », détaillés dans le tableau qui suit.`}
        />
      )}
      <FiguresTable
        caption="Par axe : enveloppe, engagé, versé et reste à engager"
        headers={['Axe', 'Enveloppe', 'Engagé', 'Versé', 'Reste à engager']}
        rows={funding.byAxis.map((axis) => [
          axis.label,
          axis.envelopeCents == null ? 'pas d’enveloppe propre' : formatEuros(axis.envelopeCents),
          formatEuros(axis.committedCents),
          formatEuros(axis.paidCents),
          axis.remainingCents == null ? '—' : formatEuros(axis.remainingCents),
        ])}
      />
      {nothingCommitted ? (
        <p>
          Rien n’est encore engagé sur cet appel : les graphiques et la carte des départements apparaîtront avec la
          première subvention.
        </p>
      ) : (
        lines.length > 0 && (
          <>
            <h3 className="fr-h6">Par département</h3>
            <StackedBars
              bars={departments}
              withRemaining={false}
              summary={`Graphique en barres empilées : versé et engagé non versé par département pour l’appel « ${callTitle} », détaillés dans le tableau qui suit.`}
            />
            <DepartmentMap lines={lines} callTitle={callTitle} />
            <FiguresTable
              caption="Par département : engagé, versé, population et engagé par habitant"
              headers={['Département', 'Engagé', 'Versé', 'Population', 'Engagé par habitant']}
              rows={lines.map((d) => [
                departmentLabel(d),
                formatEuros(d.committedCents),
                formatEuros(d.paidCents),
                d.population.toLocaleString('fr-FR'),
                formatEuros(d.committedPerInhabitantCents),
              ])}
            />
          </>
        )
      )}
    </>
  );
}
