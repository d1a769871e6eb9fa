import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { callsControllerFunding, ok, reportsControllerList, type CallDto, type ReportDto } from '../../api/client';
import { useCalls } from '../../api/queries';
import { PaginatedTable, type Column } from '../../components/PaginatedTable';
import { QueryState } from '../../components/QueryState';
import { ReportJob, ReportProgress, SEVERITY } from '../../components/ReportJob';
import { formatDateTime, formatEuros, formatSize } from '../../format';
import { labelOf, REPORT_KIND_LABELS, REPORT_STATUS_LABELS } from '@app/vocabulary';

const euros = (cents?: number | null) => (cents == null ? '—' : formatEuros(cents));

/** The call's figures as the reports will show them, to check before downloading. */
function FundingPreview({ call }: { call: CallDto }) {
  const funding = useQuery({
    queryKey: ['calls', call.id, 'funding'],
    queryFn: () => ok(callsControllerFunding({ path: { id: call.id } })),
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

/** "Mes exports": the caller's reports, newest first, refreshed as a report job moves on. */
function MyExports({ calls }: { calls: CallDto[] }) {
  const client = useQueryClient();
  useEffect(
    () =>
      client.getQueryCache().subscribe((event) => {
        const [root, which] = event.query.queryKey as unknown[];
        if (event.type === 'updated' && root === 'reports' && which !== 'mine') {
          void client.invalidateQueries({ queryKey: ['reports', 'mine'] });
        }
      }),
    [client],
  );
  const titleOf = (r: ReportDto) => calls.find((c) => c.id === r.params.callId)?.title ?? '—';
  const columns: Column<ReportDto>[] = [
    { header: 'Demandé le', cell: (r) => formatDateTime(r.createdAt) },
    {
      header: 'Rapport',
      cell: (r) => (
        <>
          {labelOf(REPORT_KIND_LABELS, r.kind)}
          <br />
          <span className="fr-text--sm">{titleOf(r)}</span>
        </>
      ),
    },
    {
      header: 'État',
      cell: (r) => (
        <>
          <Badge severity={SEVERITY[r.status]}>{labelOf(REPORT_STATUS_LABELS, r.status)}</Badge>
          {r.status === 'running' && (
            <ReportProgress
              percent={r.progressPercent}
              label={`Avancement du rapport du ${formatDateTime(r.createdAt)}`}
            />
          )}
        </>
      ),
    },
    { header: 'Taille', cell: (r) => (r.fileSize ? formatSize(r.fileSize) : '—') },
    {
      header: 'Empreinte des données (SHA-256)',
      cell: (r) => (r.dataSha256 ? <code title={r.dataSha256}>{r.dataSha256.slice(0, 16)}…</code> : '—'),
    },
    {
      header: 'Fichier',
      cell: (r) =>
        r.status === 'done' ? (
          <a className="fr-link fr-icon-download-line fr-link--icon-left" href={`/api/reports/${r.id}/file`} download>
            Télécharger<span className="fr-sr-only"> le rapport du {formatDateTime(r.createdAt)}</span>
          </a>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <section aria-labelledby="mine-title" className="fr-mt-6w">
      <h2 id="mine-title" className="fr-h4">
        Mes exports
      </h2>
      <PaginatedTable
        caption="Mes rapports, du plus récent au plus ancien"
        queryKey={['reports', 'mine']}
        fetchPage={(page) => ok(reportsControllerList({ query: page }))}
        columns={columns}
        rowKey={(r) => r.id}
        pageParam="exports"
        empty="Aucun rapport demandé : choisissez un appel puis « Générer le rapport PDF »."
      />
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
              <MyExports calls={page.items} />
            </>
          );
        }}
      </QueryState>
    </>
  );
}
