import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { transitionProject, ok, type ProjectDetailDto } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isDestructiveProjectMove, projectMoveLabel } from '@app/vocabulary';
import { ConfirmButtons } from '../../components/ConfirmButtons';

type Status = ProjectDetailDto['status'];

/**
 * The moves the caller may make from here (`allowedTransitions`), as buttons; each asks to confirm,
 * with a comment, required for the moves the API refuses without one (`commentRequiredFor`).
 */
export function ProjectTransitions({ project }: { project: ProjectDetailDto }) {
  const [target, setTarget] = useState<Status>();
  const queryClient = useQueryClient();
  const move = useMutation({
    mutationFn: (body: { to: Status; comment?: string }) =>
      ok(transitionProject({ path: { id: project.id }, body: { ...body, version: project.version } })),
    onSuccess: () => {
      setTarget(undefined);
      return queryClient.invalidateQueries({ queryKey: ['projects'] });
    },
  });
  // Once a move is chosen, the comment is where the person types next (keyboard users included).
  useEffect(() => {
    if (target) document.getElementById('decision-comment')?.focus();
  }, [target]);
  if (project.allowedTransitions.length === 0) return null;
  const needsComment = target !== undefined && project.commentRequiredFor.includes(target);
  // The first move that keeps the application going is the primary action; the ones ending it come last.
  const moves = [
    ...project.allowedTransitions.filter((to) => !isDestructiveProjectMove(to)),
    ...project.allowedTransitions.filter((to) => isDestructiveProjectMove(to)),
  ];
  const primary = moves.find((to) => !isDestructiveProjectMove(to) && to !== 'returned_for_changes');

  function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const comment = String(new FormData(event.currentTarget).get('comment') ?? '').trim();
    move.mutate({ to: target!, ...(comment ? { comment } : {}) });
  }

  return (
    <section aria-labelledby="transitions-title" className="fr-mb-4w">
      <h2 id="transitions-title" className="fr-h4">
        Décision sur le dossier
      </h2>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        {moves.map((to) => (
          <li key={to}>
            <Button
              priority={to === primary ? 'primary' : 'secondary'}
              aria-pressed={to === target}
              onClick={() => setTarget(to)}
            >
              {projectMoveLabel(project.status, to)}
            </Button>
          </li>
        ))}
      </ul>
      {move.isError && <ErrorAlert error={move.error} />}
      {target && (
        <form onSubmit={confirm} aria-label={`Confirmer : ${projectMoveLabel(project.status, target)}`}>
          <Input
            textArea
            label={needsComment ? 'Motif (obligatoire)' : 'Commentaire (facultatif)'}
            nativeTextAreaProps={{ id: 'decision-comment', name: 'comment', required: needsComment, rows: 3 }}
          />
          <ConfirmButtons
            move={projectMoveLabel(project.status, target)}
            pending={move.isPending}
            onCancel={() => setTarget(undefined)}
          />
        </form>
      )}
    </section>
  );
}
