import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useCalls, useDepartments } from '../../api/queries';
import { departmentLabel } from '../../format';
import { PROJECT_SORT_LABELS, PROJECT_STATUS_LABELS, TARGET_PUBLIC_LABELS } from '@app/vocabulary';
import { FILTER_PARAMS, type FilterParam } from './project-filters';
import { Options } from '../../components/Options';

function Choice({
  name,
  label,
  options,
  all = 'Tous',
}: {
  name: FilterParam;
  label: string;
  options: Array<[string, string]>;
  /** What the empty choice means. */
  all?: string;
}) {
  const [params] = useSearchParams();
  return (
    <div className="fr-col-12 fr-col-md-4">
      <Select label={label} nativeSelectProps={{ name, defaultValue: params.get(name) ?? '' }}>
        <option value="">{all}</option>
        <Options choices={options} />
      </Select>
    </div>
  );
}

/** Filters and search over the project list; applying them goes back to the first page. */
export function ProjectFilters() {
  const [params, setParams] = useSearchParams();
  const calls = useCalls().data?.items ?? [];
  const departments = useDepartments().data?.items ?? [];
  const call = calls.find((c) => c.id === params.get('appel'));
  const axes = call ? call.axes : calls.flatMap((c) => c.axes);

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of Object.keys(FILTER_PARAMS)) {
      const value = String(form.get(name) ?? '').trim();
      if (value) next.set(name, value);
    }
    setParams(next);
  }

  return (
    <form onSubmit={apply} className="fr-mb-3w" aria-label="Filtrer les projets" key={params.toString()}>
      <div className="fr-grid-row fr-grid-row--gutters">
        <Choice name="appel" label="Appel" options={calls.map((c) => [c.id, c.title])} />
        <Choice name="axe" label="Axe" options={[...new Map(axes.map((a) => [a.code, a.label]))]} />
        <Choice name="departement" label="Département" options={departments.map((d) => [d.code, departmentLabel(d)])} />
        <Choice name="statut" label="Statut" options={Object.entries(PROJECT_STATUS_LABELS)} />
        <Choice name="public" label="Public cible" options={Object.entries(TARGET_PUBLIC_LABELS)} />
        <div className="fr-col-12 fr-col-md-4">
          <Input
            label="Recherche"
            hintText="Mots du titre ou du porteur"
            nativeInputProps={{ name: 'recherche', type: 'search', defaultValue: params.get('recherche') ?? '' }}
          />
        </div>
        <Choice
          name="tri"
          label="Ordre"
          all={PROJECT_SORT_LABELS.recent}
          options={[['score', PROJECT_SORT_LABELS.score]]}
        />
      </div>
      <Button type="submit">Filtrer</Button>
    </form>
  );
}
