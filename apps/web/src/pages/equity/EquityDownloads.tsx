import { Button } from '@codegouvfr/react-dsfr/Button';
import { ReportJob } from '../../components/ReportJob';
import { equityFiguresCsv } from './figures-csv';
import { type EquityScope, useEquityContracts, useEquityFunding, useEquityPublics } from './equity-queries';

/** Saves `text` as a file of the browser's downloads, without asking the API again. */
function saveFile(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has handed the file to the browser: the object URL may go once this task ends.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * The figures on screen, as a spreadsheet built here from them (they are already loaded), and the
 * equity report as a PDF built by the worker.
 */
export function EquityDownloads({
  indicator,
  scope,
  scopeLabel,
  coverageIndicator,
}: {
  indicator: string;
  scope: EquityScope;
  scopeLabel: string;
  coverageIndicator: string | undefined;
}) {
  const funding = useEquityFunding(indicator, scope);
  const publics = useEquityPublics(scope);
  const contracts = useEquityContracts(coverageIndicator);
  const fileScope = 'callId' in scope ? 'appel' : String(scope.year);
  return (
    <section aria-labelledby="downloads-title" className="fr-mb-6w">
      <h2 id="downloads-title">Télécharger</h2>
      <p>
        Les chiffres de cet écran en tableur (CSV, séparateur « ; »), ou le rapport d’équité en PDF, avec l’empreinte
        SHA-256 de ses données.
      </p>
      <Button
        className="fr-mb-3w"
        priority="secondary"
        iconId="fr-icon-download-line"
        disabled={!funding.data || !publics.data}
        onClick={() =>
          saveFile(
            `equite-${indicator}-${fileScope}.csv`,
            equityFiguresCsv(scopeLabel, funding.data!, publics.data!, contracts.data),
          )
        }
      >
        Télécharger les chiffres (CSV)
      </Button>
      <ReportJob
        key={`${indicator}-${JSON.stringify(scope)}`}
        request={{ kind: 'equity', params: { indicator, ...scope } }}
        label="Générer le rapport d’équité (PDF)"
        document="le rapport d’équité"
      />
    </section>
  );
}
