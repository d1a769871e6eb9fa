import { Link } from 'react-router';
import { listOverdueReports, ok, type OverdueReportDto } from '../../api/client';
import { PaginatedTable } from '../../components/PaginatedTable';
import { formatDate } from '../../format';
import { GRANT_REPORT_KIND_LABELS } from '@app/vocabulary';

const COLUMNS = [
  {
    header: 'Projet',
    cell: (r: OverdueReportDto) => <Link to={`/projets/${r.projectId}/subvention`}>{r.projectTitle}</Link>,
  },
  { header: 'Porteur', cell: (r: OverdueReportDto) => r.holderName },
  { header: 'Compte rendu', cell: (r: OverdueReportDto) => GRANT_REPORT_KIND_LABELS[r.kind] },
  { header: 'Attendu le', cell: (r: OverdueReportDto) => formatDate(r.dueOn) },
];

/** Every activity report past due and not received, oldest first, for the mission to chase. */
export function OverdueReportsPage() {
  return (
    <>
      <h1>Comptes rendus en retard</h1>
      <p className="fr-text--lead">
        Les bilans d’activité attendus des porteurs et non reçus à leur échéance, du plus ancien au plus récent.
      </p>
      <PaginatedTable
        caption="Comptes rendus en retard"
        queryKey={['grants', 'overdue-reports']}
        fetchPage={(page) => ok(listOverdueReports({ query: page }))}
        columns={COLUMNS}
        rowKey={(r) => r.reportId}
        empty="Aucun compte rendu en retard : les porteurs ont rendu ceux qui étaient dus."
      />
    </>
  );
}
