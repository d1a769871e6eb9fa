import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { listProjects, ok, type ProjectListItemDto } from '../../api/client';
import { useCalls, useDepartmentLabels } from '../../api/queries';
import { PaginatedTable, type Column } from '../../components/PaginatedTable';
import { formatEuros } from '../../format';
import { OPINION_LABELS, PROJECT_STATUS_LABELS } from '@app/vocabulary';
import { BulkDecision } from './BulkDecision';
import { formatScore } from './DecisionContext';
import { ProjectFilters } from './ProjectFilters';
import { queryFromParams } from './project-filters';

const OPINION_SEVERITY = { favorable: 'success', reserved: 'warning', unfavorable: 'error' } as const;

export function ProjectListPage() {
  const [params] = useSearchParams();
  const filters = queryFromParams(params);
  const calls = useCalls().data?.items ?? [];
  const [selected, setSelected] = useState<Map<string, ProjectListItemDto>>(new Map());
  const { label: department, list: departmentList } = useDepartmentLabels();
  const axisLabel = (p: ProjectListItemDto) =>
    calls.find((c) => c.id === p.callId)?.axes.find((a) => a.code === p.axisCode)?.label ?? p.axisCode;

  function toggle(project: ProjectListItemDto, on: boolean) {
    const next = new Map(selected);
    if (on) next.set(project.id, project);
    else next.delete(project.id);
    setSelected(next);
  }

  const columns: Column<ProjectListItemDto>[] = [
    {
      header: 'Sélection',
      cell: (p) => (
        <input
          type="checkbox"
          aria-label={`Sélectionner « ${p.title} »`}
          checked={selected.has(p.id)}
          onChange={(event) => toggle(p, event.currentTarget.checked)}
        />
      ),
    },
    { header: 'Projet', cell: (p) => <Link to={`/projets/${p.id}`}>{p.title}</Link> },
    { header: 'Axe', cell: axisLabel },
    { header: 'Départements', cell: (p) => departmentList(p.departmentCodes) },
    { header: 'Montant demandé', cell: (p) => formatEuros(p.requestedCents) },
    {
      header: 'Avis',
      cell: (p) => (
        <ul className="fr-badges-group">
          {p.opinionsByDepartment.map((o) => (
            <li key={o.departmentCode}>
              <Badge as="span" small noIcon severity={o.opinion ? OPINION_SEVERITY[o.opinion] : undefined}>
                {department(o.departmentCode)} : {o.opinion ? OPINION_LABELS[o.opinion] : 'attendu'}
              </Badge>
            </li>
          ))}
        </ul>
      ),
    },
    { header: 'Note pondérée', cell: (p) => formatScore(p.weightedScore) },
    {
      header: 'Statut',
      cell: (p) => (
        <Badge as="span" noIcon>
          {PROJECT_STATUS_LABELS[p.status]}
        </Badge>
      ),
    },
  ];

  return (
    <>
      <h1>Projets</h1>
      <ProjectFilters />
      <BulkDecision selected={[...selected.values()]} onDone={() => setSelected(new Map())} />
      <PaginatedTable
        caption="Projets"
        queryKey={['projects', filters]}
        fetchPage={(page) => ok(listProjects({ query: { ...filters, ...page } }))}
        columns={columns}
        rowKey={(p) => p.id}
        empty="Aucun projet ne correspond à ces critères : élargissez les filtres ou videz la recherche."
      />
    </>
  );
}
