import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { ok, listReports, type ReportDto } from '../api/client';
import { PaginatedTable, type Column } from './PaginatedTable';
import { ReportProgress, SEVERITY } from './ReportJob';
import { formatDateTime, formatSize } from '../format';
import { labelOf, REPORT_KIND_LABELS, REPORT_STATUS_LABELS } from '@app/vocabulary';

const columns: Column<ReportDto>[] = [
  { header: 'Demandé le', cell: (r) => formatDateTime(r.createdAt) },
  {
    header: 'Rapport',
    // The title and scope the PDF prints are known once it is done; until then, the kind says enough.
    cell: (r) => (
      <>
        {r.title ?? labelOf(REPORT_KIND_LABELS, r.kind)}
        {r.scope && (
          <>
            <br />
            <span className="fr-text--sm">{r.scope}</span>
          </>
        )}
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

/**
 * "Mes exports": the caller's reports of every kind, newest first (everyone's for the admin), refreshed
 * whenever a report job on the page moves on.
 */
export function MyExports({ headingLevel = 2 }: { headingLevel?: 1 | 2 }) {
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
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <section aria-labelledby="mine-title" className={headingLevel === 1 ? undefined : 'fr-mt-6w'}>
      <Heading id="mine-title" className={headingLevel === 1 ? undefined : 'fr-h4'}>
        Mes exports
      </Heading>
      <PaginatedTable
        caption="Mes rapports, du plus récent au plus ancien"
        queryKey={['reports', 'mine']}
        fetchPage={(page) => ok(listReports({ query: page }))}
        columns={columns}
        rowKey={(r) => r.id}
        pageParam="exports"
        empty="Aucun rapport demandé : les rapports PDF que vous générez (feuille de route, financement, séances, annuaire) apparaissent ici."
      />
    </section>
  );
}
