import { type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import {
  ok,
  getRoadmap,
  listActions,
  getRoadmapProgress,
  listRoadmaps,
  type RoadmapDto,
  type RoadmapYearDto,
} from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PaginatedTable } from '../../components/PaginatedTable';
import { ActionAttention } from './ActionAttention';
import { actionTerritory } from './labels';
import { useDepartmentLabels } from '../../api/queries';
import { AddActionForm, AxesForm, CreateRoadmapForm, RoadmapTransitions } from './RoadmapForms';
import { ACTION_STATUS_LABELS, ROADMAP_STATUS_LABELS } from '@app/vocabulary';

function YearPicker({ year }: { year: number }) {
  const [, setParams] = useSearchParams();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setParams({ annee: String(new FormData(event.currentTarget).get('year')) });
  }
  return (
    <form onSubmit={submit} className="fr-grid-row fr-grid-row--bottom fr-mb-3w">
      <Input
        className="fr-mr-2w fr-mb-0"
        label="Année de la feuille de route"
        nativeInputProps={{ name: 'year', type: 'number', min: 2000, max: 2100, defaultValue: year, required: true }}
      />
      <Button type="submit" priority="secondary">
        Afficher
      </Button>
    </form>
  );
}

function ProgressByAxis({ year }: { year: number }) {
  const progress = useQuery({
    queryKey: ['roadmaps', year, 'progress'],
    queryFn: () => ok(getRoadmapProgress({ path: { year } })),
  });
  if (!progress.data) return null;
  return (
    <section aria-labelledby="progress-title">
      <h2 id="progress-title">Avancement par axe</h2>
      <ul className="app-bar-chart">
        {progress.data.byAxis.map((axis) => (
          <li key={axis.key}>
            {axis.label} — {axis.progressPercent} % ({axis.actions} action{axis.actions > 1 ? 's' : ''})
            <div className="app-bar-chart__bar" style={{ width: `${axis.progressPercent}%` }} aria-hidden="true" />
          </li>
        ))}
      </ul>
    </section>
  );
}

function RoadmapActions({ roadmap }: { roadmap: RoadmapDto }) {
  const axes = new Map(roadmap.axes.map((a) => [a.code, a.label]));
  const departments = useDepartmentLabels();
  return (
    <section aria-labelledby="actions-title" className="fr-mt-4w">
      <h2 id="actions-title">Actions</h2>
      <PaginatedTable
        caption={`Actions de la feuille de route ${roadmap.year}`}
        queryKey={['actions', { year: roadmap.year }]}
        fetchPage={(page) => ok(listActions({ query: { year: roadmap.year, ...page } }))}
        rowKey={(a) => a.id}
        columns={[
          { header: 'Axe', cell: (a) => (a.axisCode ? (axes.get(a.axisCode) ?? a.axisCode) : '') },
          { header: 'Action', cell: (a) => <Link to={`/actions/${a.id}`}>{a.title}</Link> },
          { header: 'Pilote', cell: (a) => a.pilot },
          { header: 'Départements', cell: (a) => actionTerritory(a, departments.list) },
          { header: 'État', cell: (a) => ACTION_STATUS_LABELS[a.status] },
          { header: 'Avancement', cell: (a) => `${a.progressPercent} %` },
          { header: 'À surveiller', cell: (a) => <ActionAttention action={a} /> },
        ]}
      />
    </section>
  );
}

/** The years that have a roadmap, as links: what to pick from when the year asked has none. */
function OtherYears({ years }: { years: RoadmapYearDto[] }) {
  if (years.length === 0) return <p>Aucune feuille de route n’a encore été créée : créez la première ci-dessous.</p>;
  return (
    <p>
      Feuilles de route existantes :{' '}
      {years.map((y, i) => (
        <span key={y.year}>
          {i > 0 && ', '}
          <Link to={`?annee=${y.year}`}>
            {y.year} ({ROADMAP_STATUS_LABELS[y.status]})
          </Link>
        </span>
      ))}
      .
    </p>
  );
}

/**
 * The mission's roadmap of a year (by default the latest there is): status, axes (until validated),
 * progress, actions to edit and add. A year without one says so, lists those there are, and offers to
 * create it (the API's list of years, so no request for a roadmap that does not exist).
 */
export function RoadmapPage() {
  const [params] = useSearchParams();
  const years = useQuery({ queryKey: ['roadmaps'], queryFn: () => ok(listRoadmaps()) });
  const asked = Number(params.get('annee'));
  const year = asked || years.data?.items[0]?.year || new Date().getFullYear();
  const exists = years.data?.items.some((y) => y.year === year) ?? false;
  const roadmap = useQuery({
    queryKey: ['roadmaps', year],
    queryFn: () => ok(getRoadmap({ path: { year } })),
    enabled: exists,
  });
  return (
    <>
      <h1>Feuille de route {years.data || asked ? year : ''}</h1>
      {years.isPending && <p role="status">Chargement…</p>}
      {years.isError && <ErrorAlert error={years.error} />}
      {years.data && <YearPicker key={year} year={year} />}
      {years.data && !exists && (
        <>
          <p>Aucune feuille de route pour {year}. Choisissez une autre année, ou créez-la.</p>
          <OtherYears years={years.data.items} />
          <CreateRoadmapForm year={year} />
        </>
      )}
      {exists && roadmap.isPending && <p role="status">Chargement…</p>}
      {roadmap.isError && <ErrorAlert error={roadmap.error} />}
      {exists && roadmap.data && (
        <>
          <p>
            État :{' '}
            <Badge as="span" severity="info">
              {ROADMAP_STATUS_LABELS[roadmap.data.status]}
            </Badge>
          </p>
          <RoadmapTransitions roadmap={roadmap.data} />
          <ProgressByAxis year={year} />
          <AxesForm key={roadmap.data.version} roadmap={roadmap.data} />
          <RoadmapActions roadmap={roadmap.data} />
          {roadmap.data.canAddAction && <AddActionForm roadmap={roadmap.data} />}
        </>
      )}
    </>
  );
}
