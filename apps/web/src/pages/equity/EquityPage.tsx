import { useSearchParams } from 'react-router';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { CallDto, TerritorialIndicatorDto } from '../../api/client';
import { useCalls } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { IndicatorOptions } from './IndicatorOptions';
import { ContractsCoverage } from './ContractsCoverage';
import { EquityDownloads } from './EquityDownloads';
import { FundingFigures } from './FundingFigures';
import { IndicatorForm } from './IndicatorForm';
import { IndicatorImport } from './IndicatorImport';
import { PublicsReach } from './PublicsReach';
import { type EquityScope, rankingDepartments, rankingLocalTerritories, useIndicators } from './equity-queries';

/** The scope in the address: `appel=<id>` or `annee=<year>`; null until one is chosen. */
function scopeOf(params: URLSearchParams): EquityScope | null {
  const callId = params.get('appel');
  if (callId) return { callId };
  const year = Number(params.get('annee'));
  return Number.isInteger(year) && year > 0 ? { year } : null;
}

/** The scope's select value: "appel:<id>" or "annee:<year>". */
const scopeValue = (scope: EquityScope | null) =>
  scope === null ? '' : 'callId' in scope ? `appel:${scope.callId}` : `annee:${scope.year}`;

function scopeLabel(scope: EquityScope, calls: CallDto[]): string {
  if ('year' in scope) return `appels de ${scope.year}`;
  return calls.find((c) => c.id === scope.callId)?.title ?? 'appel';
}

interface Choices {
  indicators: TerritorialIndicatorDto[];
  calls: CallDto[];
}

/** The catalogue's `canCreate`: the admin and the mission create indicators and import their values. */
type EquityProps = Choices & { canCreate: boolean };

/** The indicator and the call or year the figures are for, kept in the address (a link shares them). */
function useChoices({ indicators, calls }: Choices) {
  const [params, setParams] = useSearchParams();
  const set = (changes: Record<string, string | null>) =>
    setParams(
      () => {
        // From the address itself: the hook's `current` is the last render's, and a second choice made
        // before the page renders again would drop the first.
        const next = new URLSearchParams(window.location.search);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  const local = indicators.filter(rankingLocalTerritories);
  return {
    indicator: indicators.find((i) => i.code === params.get('indicateur') && rankingDepartments(i))?.code ?? '',
    scope: scopeOf(params),
    coverage: local.find((i) => i.code === params.get('couverture'))?.code ?? local[0]?.code,
    setIndicator: (code: string) => set({ indicateur: code }),
    setScope: (value: string) => {
      const [kind, id] = value.split(':');
      set({ appel: kind === 'appel' ? id : null, annee: kind === 'annee' ? id : null });
    },
    setCoverage: (code: string) => set({ couverture: code }),
    years: [...new Set(calls.map((c) => c.year))].sort((a, b) => b - a),
  };
}

function Equity({ indicators, calls, canCreate }: EquityProps) {
  const chosen = useChoices({ indicators, calls });
  const { indicator, scope } = chosen;
  return (
    <>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <Select
            label="Indicateur de défavorisation (par département)"
            hint="Les départements sont classés du moins au plus défavorisé selon cet indicateur"
            nativeSelectProps={{ value: indicator, onChange: (e) => chosen.setIndicator(e.target.value) }}
          >
            <option value="">Choisir un indicateur</option>
            <IndicatorOptions indicators={indicators.filter(rankingDepartments)} />
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Select
            label="Appel ou année"
            hint="Les subventions d’un appel, ou celles de tous les appels d’une année"
            nativeSelectProps={{ value: scopeValue(scope), onChange: (e) => chosen.setScope(e.target.value) }}
          >
            <option value="">Choisir un appel ou une année</option>
            <optgroup label="Appels">
              {calls.map((c) => (
                <option key={c.id} value={`appel:${c.id}`}>
                  {c.title}
                </option>
              ))}
            </optgroup>
            <optgroup label="Années">
              {chosen.years.map((year) => (
                <option key={year} value={`annee:${year}`}>
                  Appels de {year}
                </option>
              ))}
            </optgroup>
          </Select>
        </div>
      </div>
      {indicator && scope ? (
        <>
          <FundingFigures indicator={indicator} scope={scope} scopeLabel={scopeLabel(scope, calls)} />
          <ContractsCoverage indicators={indicators} code={chosen.coverage} onChange={chosen.setCoverage} />
          <PublicsReach scope={scope} />
          <EquityDownloads
            indicator={indicator}
            scope={scope}
            scopeLabel={scopeLabel(scope, calls)}
            coverageIndicator={chosen.coverage}
          />
        </>
      ) : (
        <p className="fr-mb-6w">Choisissez un indicateur et un appel ou une année pour afficher les chiffres.</p>
      )}
      <IndicatorImport indicators={indicators} />
      {canCreate && <IndicatorForm />}
    </>
  );
}

/**
 * "Équité": does funding per inhabitant rise with the departments' deprivation, are the most deprived
 * territories covered by local health contracts, which publics do the projects reach and do the people
 * concerned take part (CONTRACT.md, "Equity"; docs/equity.md for the formulas and their reading).
 */
export default function EquityPage() {
  const indicators = useIndicators();
  const calls = useCalls();
  return (
    <>
      <h1>Équité</h1>
      <p className="fr-text--lead">
        Le financement va-t-il là où sont les inégalités ? Les montants engagés par habitant, rapportés à un indicateur
        de défavorisation des territoires.
      </p>
      <QueryState query={indicators}>
        {(catalogue) => (
          <QueryState query={calls}>
            {(page) => <Equity indicators={catalogue.items} calls={page.items} canCreate={catalogue.canCreate} />}
          </QueryState>
        )}
      </QueryState>
    </>
  );
}
