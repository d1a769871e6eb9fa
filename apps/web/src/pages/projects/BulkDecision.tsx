import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { transitionProjects, ok, type BulkTransitionResponseDto, type ProjectListItemDto } from '../../api/client';
import { ApiError, toFrench, type ApiErrorBody } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PROJECT_STATUS_LABELS, PROJECT_STATUSES, PROJECT_TRANSITION_LABELS } from '@app/vocabulary';

type Status = ProjectListItemDto['status'];

/**
 * The same decision for the projects ticked in the list (POST /projects/transitions): the moves offered
 * are those at least one selected project allows its caller; the result is told project by project.
 */
export function BulkDecision({ selected, onDone }: { selected: ProjectListItemDto[]; onDone: () => void }) {
  const [to, setTo] = useState<Status | ''>('');
  const [outcome, setOutcome] = useState<{ titles: Map<string, string>; response: BulkTransitionResponseDto }>();
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: (body: { projectIds: string[]; to: Status; comment?: string }) => ok(transitionProjects({ body })),
    onSuccess: (response) => {
      setOutcome({ titles: new Map(selected.map((p) => [p.id, p.title])), response });
      setTo('');
      onDone();
      return queryClient.invalidateQueries({ queryKey: ['projects'] });
    },
  });
  // Every move one of the selected projects allows: the API answers project by project, refusing the others.
  const moves = PROJECT_STATUSES.filter((move) => selected.some((p) => p.allowedTransitions.includes(move)));
  const needsComment = to !== '' && selected.some((p) => p.commentRequiredFor.includes(to));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const comment = String(new FormData(event.currentTarget).get('comment') ?? '').trim();
    if (to) decide.mutate({ projectIds: selected.map((p) => p.id), to, ...(comment ? { comment } : {}) });
  }

  return (
    <>
      {selected.length > 0 && (
        <form onSubmit={submit} aria-label="Décision groupée" className="fr-mb-3w">
          <h2 className="fr-h5">
            Décision groupée — {selected.length} projet{selected.length > 1 ? 's' : ''} sélectionné
            {selected.length > 1 ? 's' : ''}
          </h2>
          {moves.length === 0 ? (
            <p>Aucune décision n’est possible sur les projets sélectionnés.</p>
          ) : (
            <>
              <Select
                label="Décision"
                nativeSelectProps={{
                  value: to,
                  required: true,
                  onChange: (event) => setTo(event.currentTarget.value as Status),
                }}
              >
                <option value="">Choisir…</option>
                {moves.map((move) => (
                  <option key={move} value={move}>
                    {PROJECT_TRANSITION_LABELS[move]}
                  </option>
                ))}
              </Select>
              <Input
                textArea
                label={needsComment ? 'Motif (obligatoire)' : 'Commentaire (facultatif)'}
                nativeTextAreaProps={{ name: 'comment', required: needsComment, rows: 2 }}
              />
              <Button type="submit" disabled={decide.isPending}>
                Appliquer aux projets sélectionnés
              </Button>
            </>
          )}
          {decide.isError && <ErrorAlert error={decide.error} />}
        </form>
      )}
      {outcome && (
        <div className="fr-table fr-table--sm fr-mb-3w">
          <table>
            <caption>
              Résultat de la décision groupée : {outcome.response.succeeded} appliquée
              {outcome.response.succeeded > 1 ? 's' : ''}, {outcome.response.failed} refusée
              {outcome.response.failed > 1 ? 's' : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Projet</th>
                <th scope="col">Résultat</th>
              </tr>
            </thead>
            <tbody>
              {outcome.response.results.map((r) => (
                <tr key={r.projectId}>
                  <td>{outcome.titles.get(r.projectId) ?? r.projectId}</td>
                  <td>
                    {r.ok && r.status ? `Fait : ${PROJECT_STATUS_LABELS[r.status]}` : `Refusé : ${refusal(r.error)}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** A refused project's reason in French, as a single move's error would say it. */
function refusal(error?: { statusCode: number; code: string }): string {
  const french = toFrench(new ApiError(error?.statusCode ?? 0, error as ApiErrorBody | undefined));
  return french.details[0] ?? french.title;
}
