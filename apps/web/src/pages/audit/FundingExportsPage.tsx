import { useSearchParams } from 'react-router';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { CallDto } from '../../api/client';
import { useCalls } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { ReportJob } from '../../components/ReportJob';

function Exports({ call }: { call: CallDto }) {
  return (
    <>
      <section aria-labelledby="pdf-title" className="fr-mb-4w">
        <h2 id="pdf-title" className="fr-h4">
          Rapport de financement (PDF)
        </h2>
        <p>
          Enveloppe, engagé, versé et reste par axe, par département et par projet, avec l’empreinte SHA-256 des données
          qui permet de vérifier le rapport. La génération prend quelques secondes.
        </p>
        <ReportJob
          key={call.id}
          request={{ kind: 'funding', params: { callId: call.id } }}
          label="Générer le rapport PDF"
        />
      </section>
      <section aria-labelledby="ledger-title">
        <h2 id="ledger-title" className="fr-h4">
          Grand livre des financements
        </h2>
        <p>Une ligne par versement et par reste à verser de chaque subvention.</p>
        <ul className="fr-links-group">
          <li>
            <a
              className="fr-link fr-icon-download-line fr-link--icon-left"
              href={`/api/exports/funding.csv?callId=${call.id}`}
              download
            >
              Télécharger le tableur CSV
            </a>
          </li>
          <li>
            <a
              className="fr-link fr-icon-download-line fr-link--icon-left"
              href={`/api/exports/funding.xlsx?callId=${call.id}`}
              download
            >
              Télécharger le classeur Excel (XLSX)
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}

/** The auditor's exports: choose a call, generate its funding PDF, download the ledger. */
export function FundingExportsPage() {
  const [params, setParams] = useSearchParams();
  const calls = useCalls();
  const callId = params.get('appel') ?? '';
  return (
    <>
      <h1>Rapports de financement</h1>
      <QueryState query={calls}>
        {(page) => {
          const call = page.items.find((c) => c.id === callId);
          return (
            <>
              <Select
                label="Appel à manifestation d’intérêt"
                nativeSelectProps={{
                  value: callId,
                  onChange: (e) => setParams(e.target.value ? { appel: e.target.value } : {}),
                }}
              >
                <option value="">Choisir un appel</option>
                {page.items.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title}
                  </option>
                ))}
              </Select>
              {call && <Exports call={call} />}
            </>
          );
        }}
      </QueryState>
    </>
  );
}
