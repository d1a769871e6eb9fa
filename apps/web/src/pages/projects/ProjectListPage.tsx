import { Link, useSearchParams } from 'react-router';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { callsControllerListProjects, ok, type ProjectDto } from '../../api/client';
import { PaginatedTable, type Column } from '../../components/PaginatedTable';
import { formatEuros } from '../../format';
import { PROJECT_STATUS_LABELS } from '@app/vocabulary';
import { ProjectFilters } from './ProjectFilters';
import { queryFromParams } from './project-filters';

const COLUMNS: Column<ProjectDto>[] = [
  { header: 'Projet', cell: (p) => <Link to={`/projets/${p.id}`}>{p.title}</Link> },
  { header: 'Porteur', cell: (p) => p.holder.name },
  { header: 'Axe', cell: (p) => p.axisCode },
  { header: 'Départements', cell: (p) => p.departmentCodes.join(', ') },
  { header: 'Montant demandé', cell: (p) => formatEuros(p.requestedCents) },
  { header: 'Statut', cell: (p) => <Badge noIcon>{PROJECT_STATUS_LABELS[p.status]}</Badge> },
];

export function ProjectListPage() {
  const [params] = useSearchParams();
  const filters = queryFromParams(params);
  return (
    <>
      <h1>Projets</h1>
      <ProjectFilters />
      <PaginatedTable
        caption="Projets"
        queryKey={['projects', filters]}
        fetchPage={(page) => ok(callsControllerListProjects({ query: { ...filters, ...page } }))}
        columns={COLUMNS}
        rowKey={(p) => p.id}
        empty="Aucun projet ne correspond à ces critères."
      />
    </>
  );
}
