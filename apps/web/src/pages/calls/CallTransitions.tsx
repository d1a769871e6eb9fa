import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { transitionCall, ok, type CallDto } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { callMoveLabel } from '@app/vocabulary';
import { ConfirmButtons } from '../../components/ConfirmButtons';

type Status = CallDto['status'];

/**
 * The call's moves the caller may make (`allowedTransitions`). A move that needs a reason (reopening a
 * closed call: `commentRequiredFor`) opens a form for it; the others are made at once.
 */
export function CallTransitions({ call }: { call: CallDto }) {
  const [asking, setAsking] = useState<Status>();
  const queryClient = useQueryClient();
  const move = useMutation({
    mutationFn: (body: { to: Status; comment?: string }) => ok(transitionCall({ path: { id: call.id }, body })),
    onSuccess: () => {
      setAsking(undefined);
      return queryClient.invalidateQueries({ queryKey: ['calls'] });
    },
  });
  if (call.allowedTransitions.length === 0) return null;

  function withComment(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const comment = String(new FormData(event.currentTarget).get('comment') ?? '').trim();
    move.mutate({ to: asking!, comment });
  }

  return (
    <section aria-labelledby="call-moves" className="fr-mb-4w">
      <h2 id="call-moves" className="fr-h4">
        État de l’appel
      </h2>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        {call.allowedTransitions.map((to) => (
          <li key={to}>
            <Button
              priority="secondary"
              disabled={move.isPending}
              onClick={() => (call.commentRequiredFor.includes(to) ? setAsking(to) : move.mutate({ to }))}
            >
              {callMoveLabel(call.status, to)}
            </Button>
          </li>
        ))}
      </ul>
      {move.isError && <ErrorAlert error={move.error} />}
      {asking && (
        <form onSubmit={withComment} aria-label={callMoveLabel(call.status, asking)}>
          <Input
            textArea
            label="Motif (obligatoire)"
            hintText="Il est conservé dans l’historique de l’appel."
            nativeTextAreaProps={{ name: 'comment', required: true, rows: 3, maxLength: 5000, autoFocus: true }}
          />
          <ConfirmButtons
            move={callMoveLabel(call.status, asking)}
            pending={move.isPending}
            onCancel={() => setAsking(undefined)}
          />
        </form>
      )}
    </section>
  );
}
