import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { updateProject, ok, type ProjectDetailDto, type UpdateProjectDto } from '../../api/client';
import { useDepartments } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ProblemsAlert } from '../../components/ProblemsAlert';
import { Options } from '../../components/Options';
import { ParticipationSelect } from '../../components/ParticipationSelect';
import { eurosInput, percentOf } from '../../format';
import { DepartmentCheckboxes } from '../../components/DepartmentCheckboxes';
import { HOLDER_KIND_LABELS, LEVER_LABELS, TARGET_PUBLIC_LABELS } from '@app/vocabulary';
import { APPLICATION_FIELD_LABELS, budgetRowsOf, readApplication } from './application-form';
import { BudgetLinesEditor } from './BudgetLinesEditor';

/** Checkboxes of a code → label table, those of `checked` ticked. */
function choices(name: string, labels: Readonly<Record<string, string>>, checked: readonly (string | number)[]) {
  return Object.entries(labels).map(([value, label]) => ({
    label,
    nativeInputProps: { name, value, defaultChecked: checked.map(String).includes(value) },
  }));
}

/** The departments of the project, chosen from the list; their shares asked for when there are several. */
function DepartmentsFieldset({ project }: { project: ProjectDetailDto }) {
  const departments = useDepartments().data?.items ?? [];
  const [chosen, setChosen] = useState(project.departmentCodes);
  const declared = new Map(project.departmentShares.map((s) => [s.departmentCode, s.shareBp]));
  const toggle = (code: string, on: boolean) =>
    setChosen((codes) => (on ? [...codes, code].sort() : codes.filter((c) => c !== code)));
  const nameOf = (code: string) => departments.find((d) => d.code === code)?.name ?? code;
  return (
    <>
      <DepartmentCheckboxes
        legend="Départements d’intervention"
        departments={departments}
        inputProps={(code) => ({ checked: chosen.includes(code), onChange: (e) => toggle(code, e.target.checked) })}
      />
      {chosen.length > 1 && (
        <fieldset className="fr-fieldset" aria-labelledby="shares-legend">
          <legend id="shares-legend" className="fr-fieldset__legend">
            Répartition entre départements (en %)
            <span className="fr-hint-text">Les parts totalisent 100 %. Toutes vides : parts égales.</span>
          </legend>
          {chosen.map((code) => (
            <Input
              key={code}
              className="fr-fieldset__element fr-fieldset__element--inline"
              label={`Part de ${nameOf(code)} (${code})`}
              nativeInputProps={{
                name: `share-${code}`,
                inputMode: 'decimal',
                defaultValue: declared.has(code) ? percentOf(declared.get(code)!) : '',
              }}
            />
          ))}
        </fieldset>
      )}
    </>
  );
}

/** The application, prefilled, as the team corrects it (draft or returned for changes). */
export function ApplicationForm({ project }: { project: ProjectDetailDto }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState(() => budgetRowsOf(project));
  const [problems, setProblems] = useState<string[]>([]);
  const save = useMutation({
    mutationFn: (body: UpdateProjectDto) => ok(updateProject({ path: { id: project.id }, body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['projects'] });
      navigate(`/projets/${project.id}`);
    },
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const read = readApplication(new FormData(event.currentTarget), rows, project.version);
    setProblems(read.problems);
    if (read.body) save.mutate(read.body);
  }
  return (
    <form onSubmit={submit} aria-label="Modifier le dossier">
      <h2 className="fr-h4">Le projet</h2>
      <Input
        label="Titre du projet"
        nativeInputProps={{ name: 'title', required: true, maxLength: 300, defaultValue: project.title }}
      />
      <Input
        label="Résumé"
        textArea
        nativeTextAreaProps={{ name: 'summary', rows: 4, maxLength: 5000, defaultValue: project.summary ?? '' }}
      />
      <h2 className="fr-h4">Le porteur</h2>
      <Input
        label="Nom du porteur"
        nativeInputProps={{ name: 'holderName', required: true, maxLength: 300, defaultValue: project.holder.name }}
      />
      <Select label="Nature du porteur" nativeSelectProps={{ name: 'holderKind', defaultValue: project.holder.kind }}>
        <Options choices={HOLDER_KIND_LABELS} />
      </Select>
      <Input
        label="SIRET du porteur (facultatif)"
        hintText="14 chiffres"
        nativeInputProps={{
          name: 'holderSiret',
          inputMode: 'numeric',
          pattern: '[0-9]{14}',
          defaultValue: project.holder.siret ?? '',
        }}
      />
      <h2 className="fr-h4">Territoire et publics</h2>
      <DepartmentsFieldset project={project} />
      <Checkbox
        legend="Publics cibles"
        orientation="horizontal"
        small
        options={choices('targetPublics', TARGET_PUBLIC_LABELS, project.targetPublics)}
      />
      <Checkbox legend="Leviers ISS" small options={choices('levers', LEVER_LABELS, project.levers)} />
      <ParticipationSelect of="au projet" defaultValue={project.participation} />
      <h2 className="fr-h4">Budget</h2>
      <BudgetLinesEditor rows={rows} onChange={setRows} />
      <Input
        label="Montant demandé (en euros)"
        nativeInputProps={{
          name: 'requested',
          required: true,
          inputMode: 'decimal',
          defaultValue: eurosInput(project.requestedCents),
        }}
      />
      <ProblemsAlert problems={problems} />
      {save.isError && <ErrorAlert error={save.error} labels={APPLICATION_FIELD_LABELS} />}
      <Button type="submit" disabled={save.isPending}>
        Enregistrer les modifications
      </Button>
    </form>
  );
}
