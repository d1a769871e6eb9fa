import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { getCallFunding, ok, type CallDto } from '../../api/client';
import { useCalls } from '../../api/queries';
import { MyExports } from '../../components/MyExports';
import { QueryState } from '../../components/QueryState';
import { ReportJob } from '../../components/ReportJob';
import { formatEuros } from '../../format';

const euros = (cents?: number | null) => (cents == null ? '—' : formatEuros(cents));

/** The call's figures as the reports will show them, to check before downloading. */
function FundingPreview({ call }: { call: CallDto }) {
  const funding = useQuery({
    queryKey: ['calls', call.id, 'funding'],
    queryFn: () => ok(getCallFunding({ path: { id: call.id } })),
  });
  return (
    <section aria-labelledby="preview-title" className="fr-mb-4w">
      <h2 id="preview-title" className="fr-h4">
        Aperçu des chiffres
      </h2>
      <QueryState query={funding}>
        {(f) => (
          <div className="fr-table fr-table--no-caption">
            <table>
              <caption>Chiffres de l’appel, par axe</caption>
              <thead>
                <tr>
                  <th scope="col">Axe</th>
                  <th scope="col">Enveloppe</th>
                  <th scope="col">Engagé</th>
                  <th scope="col">Versé</th>
                  <th scope="col">Reste à engager</th>
                </tr>
              </thead>
              <tbody>
                {f.byAxis.map((a) => (
                  <tr key={a.code}>
                    <th scope="row">{a.label}</th>
                    <td>{euros(a.envelopeCents)}</td>
                    <td>{euros(a.committedCents)}</td>
                    <td>{euros(a.paidCents)}</td>
                    <td>{euros(a.remainingCents)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Total de l’appel</th>
                  <td>{euros(f.envelopeCents)}</td>
                  <td>{euros(f.committedCents)}</td>
                  <td>{euros(f.paidCents)}</td>
                  <td>{euros(f.remainingCents)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </QueryState>
    </section>
  );
}

function Exports({ call }: { call: CallDto }) {
  return (
    <>
      <FundingPreview call={call} />
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
              <MyExports />
            </>
          );
        }}
      </QueryState>
    </>
  );
}
