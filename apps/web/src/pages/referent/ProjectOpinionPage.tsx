import { type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { getProject, giveOpinion, ok, type CreateOpinionDto, type ProjectDetailDto } from '../../api/client';
import { useDepartmentLabels } from '../../api/queries';
import { useDocumentTitle } from '../../routing/document-title';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryState } from '../../components/QueryState';
import { formatDateTime, formatEuros } from '../../format';
import { OPINION_LABELS, PROJECT_STATUS_LABELS } from '@app/vocabulary';
import { BudgetTable } from '../projects/BudgetTable';

/** The departments whose opinion the caller may give now (`opinionDepartmentCodes`), and the form to give it. */
function OpinionForm({ project }: { project: ProjectDetailDto }) {
  const queryClient = useQueryClient();
  const mine = project.opinionDepartmentCodes;
  const { label } = useDepartmentLabels();
  const give = useMutation({
    mutationFn: (body: CreateOpinionDto) => ok(giveOpinion({ path: { id: project.id }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['projects', project.id] }),
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    give.mutate({
      departmentCode: String(form.get('departmentCode')),
      opinion: form.get('opinion') as CreateOpinionDto['opinion'],
      comment: String(form.get('comment') ?? '').trim(),
    });
  }
  if (mine.length === 0)
    return (
      <p>
        Vous n’avez pas d’avis à donner sur ce projet : il ne concerne aucun de vos départements, ou son instruction est
        close.
      </p>
    );
  return (
    <form onSubmit={submit} aria-labelledby="opinion-title">
      <h2 id="opinion-title">Donner l’avis du département</h2>
      {mine.length === 1 ? (
        <p>
          Avis du département <strong>{label(mine[0])}</strong>
          <input type="hidden" name="departmentCode" value={mine[0]} />
        </p>
      ) : (
        <Select label="Département" nativeSelectProps={{ name: 'departmentCode', required: true }}>
          {mine.map((code) => (
            <option key={code} value={code}>
              {label(code)}
            </option>
          ))}
        </Select>
      )}
      <RadioButtons
        legend="Avis"
        name="opinion"
        options={Object.entries(OPINION_LABELS).map(([value, label]) => ({
          label,
          nativeInputProps: { value, required: true },
        }))}
      />
      <Input
        label="Motivation de l’avis"
        textArea
        nativeTextAreaProps={{ name: 'comment', rows: 4, required: true, maxLength: 5000 }}
      />
      {give.isError && <ErrorAlert error={give.error} />}
      {give.isSuccess && <Alert className="fr-mb-3w" severity="success" small description="Avis enregistré." />}
      <Button type="submit" disabled={give.isPending}>
        Donner l’avis
      </Button>
    </form>
  );
}

function Opinions({ project }: { project: ProjectDetailDto }) {
  const { label } = useDepartmentLabels();
  return (
    <section aria-labelledby="opinions-title" className="fr-mb-4w">
      <h2 id="opinions-title">Avis départementaux</h2>
      {project.opinions.length === 0 ? (
        <p>Aucun avis pour l’instant.</p>
      ) : (
        <ul>
          {project.opinions.map((o) => (
            <li key={o.id}>
              {label(o.departmentCode)} — <strong>{OPINION_LABELS[o.opinion]}</strong> ({formatDateTime(o.createdAt)}) :{' '}
              {o.comment}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The budget as the holder presented it: its lines, and the amount requested from the ARS. */
function Budget({ project }: { project: ProjectDetailDto }) {
  return (
    <section aria-labelledby="budget-title" className="fr-mb-4w">
      <h2 id="budget-title">Budget</h2>
      {project.budgetLines.length === 0 ? (
        <p>Aucune ligne de budget détaillée : {formatEuros(project.requestedCents)} demandés.</p>
      ) : (
        <BudgetTable lines={project.budgetLines} caption="Budget du projet">
          <tr>
            <th scope="row">Montant demandé à l’ARS</th>
            <td>{formatEuros(project.requestedCents)}</td>
          </tr>
        </BudgetTable>
      )}
    </section>
  );
}

/** One application of the referent's department: what it asks, the opinions given, and the form to give one. */
export function ProjectOpinionPage() {
  const { id } = useParams() as { id: string };
  const project = useQuery({
    queryKey: ['projects', id],
    queryFn: () => ok(getProject({ path: { id } })),
  });
  const departments = useDepartmentLabels();
  useDocumentTitle(project.data ? `Avis sur le projet « ${project.data.title} »` : 'Avis sur un projet');
  return (
    <QueryState query={project}>
      {(p) => (
        <>
          <h1>{p.title}</h1>
          <p className="fr-text--lead">
            {p.holder.name} — {departments.list(p.departmentCodes)} — {formatEuros(p.requestedCents)} demandés —{' '}
            {PROJECT_STATUS_LABELS[p.status]}
          </p>
          <h2>Le projet</h2>
          <p>{p.summary ?? 'Le porteur n’a pas rédigé de résumé.'}</p>
          <Budget project={p} />
          <Opinions project={p} />
          <OpinionForm project={p} />
        </>
      )}
    </QueryState>
  );
}
