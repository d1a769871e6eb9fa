import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import {
  ok,
  createAction,
  createRoadmap,
  listEligibleDecisions,
  setRoadmapAxes,
  transitionRoadmap,
  type CreateActionDto,
  type RoadmapAxisInputDto,
  type RoadmapDecisionDto,
  type RoadmapDto,
  type RoadmapTransitionDto,
} from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../format';
import { DepartmentCheckboxes } from '../../components/DepartmentCheckboxes';
import { ParticipationSelect } from '../../components/ParticipationSelect';
import { useDepartments } from '../../api/queries';
import { ROADMAP_TRANSITION_LABELS } from '@app/vocabulary';

function useRoadmapRefresh(year: number) {
  const queryClient = useQueryClient();
  // The year's roadmap, and the list of years (a new roadmap, a new status).
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['roadmaps', year] }),
      queryClient.invalidateQueries({ queryKey: ['roadmaps'], exact: true }),
    ]);
}

/** How a decision reads in the picker: its title, its meeting and its vote. */
const decisionLabel = (d: RoadmapDecisionDto) =>
  `${d.title} — ${d.bodyName}, séance du ${formatDate(d.meetingStartsAt)} (${d.votesFor} pour, ${d.votesAgainst} contre, ${d.abstentions} abstentions)`;

/**
 * The commission's decision that validates the roadmap, picked among those the API says may
 * (`eligible-decisions`: adopted by the plenary assembly, about this roadmap).
 */
function ValidationForm({
  year,
  pending,
  onConfirm,
}: {
  year: number;
  pending: boolean;
  onConfirm: (decisionId: string) => void;
}) {
  const eligible = useQuery({
    queryKey: ['roadmaps', year, 'eligible-decisions'],
    queryFn: () => ok(listEligibleDecisions({ path: { year } })),
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onConfirm(String(new FormData(event.currentTarget).get('decisionId') ?? ''));
  }
  return (
    <QueryState query={eligible}>
      {({ items }) =>
        items.length === 0 ? (
          <p className="fr-mt-2w">
            Aucune délibération adoptée par l’assemblée plénière ne porte sur la feuille de route {year} : enregistrez
            d’abord la délibération de la séance (objet « Validation de la feuille de route »).
          </p>
        ) : (
          <form onSubmit={submit} aria-label={ROADMAP_TRANSITION_LABELS.validated}>
            <Select
              label="Délibération de l’assemblée plénière qui valide la feuille de route"
              hint="Les délibérations adoptées qui portent sur cette feuille de route"
              nativeSelectProps={{ name: 'decisionId', required: true, defaultValue: items[0].id }}
            >
              {items.map((d) => (
                <option key={d.id} value={d.id}>
                  {decisionLabel(d)}
                </option>
              ))}
            </Select>
            <Button type="submit" disabled={pending}>
              Confirmer la validation
            </Button>
          </form>
        )
      }
    </QueryState>
  );
}

/** The moves the caller may make (`allowedTransitions`): submit, take back to draft, validate by a commission decision. */
export function RoadmapTransitions({ roadmap }: { roadmap: RoadmapDto }) {
  const refresh = useRoadmapRefresh(roadmap.year);
  const [validating, setValidating] = useState(false);
  const move = useMutation({
    mutationFn: (body: RoadmapTransitionDto) => ok(transitionRoadmap({ path: { year: roadmap.year }, body })),
    onSuccess: refresh,
  });
  if (roadmap.allowedTransitions.length === 0) return null;
  return (
    <div className="fr-mb-3w">
      <ul className="fr-btns-group fr-btns-group--inline-md">
        {roadmap.allowedTransitions.map((to) => (
          <li key={to}>
            <Button
              priority="secondary"
              onClick={() => (to === 'validated' ? setValidating(true) : move.mutate({ to }))}
            >
              {ROADMAP_TRANSITION_LABELS[to]}
            </Button>
          </li>
        ))}
      </ul>
      {validating && roadmap.allowedTransitions.includes('validated') && (
        <ValidationForm
          year={roadmap.year}
          pending={move.isPending}
          onConfirm={(decisionId) => move.mutate({ to: 'validated', decisionId })}
        />
      )}
      {move.isError && <ErrorAlert error={move.error} className="fr-mt-2w" />}
    </div>
  );
}

interface AxesEditorProps {
  title: string;
  initial: RoadmapAxisInputDto[];
  frozen?: boolean;
  submitLabel: string;
  /** The mutation that sends the axes (replace them, or create the roadmap with them). */
  save: { mutate: (axes: RoadmapAxisInputDto[]) => void; isPending: boolean; isError: boolean; error: unknown };
}

/** Rows of axes (code, label) to edit, add to and send. */
function AxesEditor({ title, initial, frozen = false, submitLabel, save }: AxesEditorProps) {
  const [axes, setAxes] = useState(initial);
  const edit = (i: number, patch: Partial<RoadmapAxisInputDto>) =>
    setAxes((list) => list.map((axis, j) => (j === i ? { ...axis, ...patch } : axis)));
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(axes);
  }
  return (
    <form onSubmit={submit} aria-labelledby="axes-title" className="fr-mt-4w">
      <h2 id="axes-title">{title}</h2>
      {frozen && <p>Les axes ne peuvent plus changer : la commission a validé la feuille de route.</p>}
      <fieldset className="fr-fieldset" disabled={frozen}>
        {axes.map((axis, i) => (
          <div key={i} className="fr-grid-row fr-grid-row--gutters fr-col-12">
            <Input
              className="fr-col-3"
              label={`Code de l’axe ${i + 1}`}
              nativeInputProps={{
                value: axis.code,
                required: true,
                onChange: (e) => edit(i, { code: e.target.value }),
              }}
            />
            <Input
              className="fr-col-9"
              label={`Intitulé de l’axe ${i + 1}`}
              nativeInputProps={{
                value: axis.label,
                required: true,
                onChange: (e) => edit(i, { label: e.target.value }),
              }}
            />
          </div>
        ))}
      </fieldset>
      {!frozen && (
        <>
          {save.isError && <ErrorAlert error={save.error} />}
          <Button
            type="button"
            priority="tertiary"
            className="fr-mr-2w"
            onClick={() => setAxes((list) => [...list, { code: '', label: '' }])}
          >
            Ajouter un axe
          </Button>
          <Button type="submit" priority="secondary" disabled={save.isPending}>
            {submitLabel}
          </Button>
        </>
      )}
    </form>
  );
}

/** The axes, editable while the API says so (`canSetAxes`: until the commission validates the roadmap). */
export function AxesForm({ roadmap }: { roadmap: RoadmapDto }) {
  const refresh = useRoadmapRefresh(roadmap.year);
  const save = useMutation({
    mutationFn: (axes: RoadmapAxisInputDto[]) => ok(setRoadmapAxes({ path: { year: roadmap.year }, body: { axes } })),
    onSuccess: refresh,
  });
  return (
    <AxesEditor
      title="Axes"
      initial={roadmap.axes.map(({ code, label, internal }) => ({ code, label, internal }))}
      frozen={!roadmap.canSetAxes}
      submitLabel="Enregistrer les axes"
      save={save}
    />
  );
}

/** A year without roadmap: the mission creates it with its first axes. */
export function CreateRoadmapForm({ year }: { year: number }) {
  const refresh = useRoadmapRefresh(year);
  const create = useMutation({
    mutationFn: (axes: RoadmapAxisInputDto[]) => ok(createRoadmap({ body: { year, axes } })),
    onSuccess: refresh,
  });
  return (
    <AxesEditor
      title={`Créer la feuille de route ${year}`}
      initial={[{ code: '', label: '' }]}
      submitLabel={`Créer la feuille de route ${year}`}
      save={create}
    />
  );
}

function readAction(form: FormData): CreateActionDto {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  return {
    axisCode: text('axisCode'),
    title: text('title'),
    pilot: text('pilot'),
    departmentCodes: form.getAll('departmentCodes').map(String),
    participation: text('participation') as CreateActionDto['participation'],
    ...(text('endsOn') ? { endsOn: text('endsOn') } : {}),
  };
}

/** A new action on one of the axes; the mission then follows it like the referents do. */
export function AddActionForm({ roadmap }: { roadmap: RoadmapDto }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const departments = useDepartments().data?.items ?? [];
  const add = useMutation({
    mutationFn: (body: CreateActionDto) => ok(createAction({ path: { year: roadmap.year }, body })),
    onSuccess: async (action) => {
      await queryClient.invalidateQueries({ queryKey: ['actions'] });
      navigate(`/actions/${action.id}`);
    },
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    add.mutate(readAction(new FormData(event.currentTarget)));
  }
  return (
    <form onSubmit={submit} aria-labelledby="add-action-title" className="fr-mt-4w">
      <h2 id="add-action-title">Ajouter une action</h2>
      <Select label="Axe" nativeSelectProps={{ name: 'axisCode', required: true }}>
        {roadmap.axes.map((axis) => (
          <option key={axis.code} value={axis.code}>
            {axis.label}
          </option>
        ))}
      </Select>
      <Input label="Intitulé de l’action" nativeInputProps={{ name: 'title', required: true, maxLength: 300 }} />
      <Input label="Pilote" nativeInputProps={{ name: 'pilot', required: true, maxLength: 300 }} />
      <DepartmentCheckboxes
        legend="Départements"
        hintText="Aucun coché : une action régionale"
        departments={departments}
      />
      <ParticipationSelect of="à l’action" />
      <Input label="Échéance" nativeInputProps={{ name: 'endsOn', type: 'date' }} />
      {add.isError && <ErrorAlert error={add.error} />}
      <Button type="submit" disabled={add.isPending}>
        Ajouter l’action
      </Button>
    </form>
  );
}
