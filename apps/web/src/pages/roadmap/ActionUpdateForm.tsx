import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { ok, updateAction, type ActionDto, type UpdateActionDto } from '../../api/client';
import { ApiError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ACTION_STATUS_LABELS } from '@app/vocabulary';
import { Options } from '../../components/Options';
import { ParticipationSelect } from '../../components/ParticipationSelect';

interface Props {
  action: ActionDto;
  /** Reloads the action after a conflict, so that the person re-applies its change on what is there now. */
  onReload: () => void;
}

function readUpdate(form: FormData, action: ActionDto, version: number): UpdateActionDto {
  const indicators = action.indicators
    .map((i) => ({ id: i.id, raw: String(form.get(`indicator-${i.id}`) ?? '').trim() }))
    .filter(({ raw }) => raw !== '')
    .map(({ id, raw }) => ({ id, value: Number(raw.replace(',', '.')) }));
  const comment = String(form.get('comment') ?? '').trim();
  return {
    version,
    status: form.get('status') as ActionDto['status'],
    progressPercent: Number(form.get('progressPercent')),
    participation: form.get('participation') as ActionDto['participation'],
    ...(indicators.length > 0 ? { indicators } : {}),
    ...(comment ? { comment } : {}),
  };
}

/**
 * A referent's (or the mission's) update: status, progress, indicator values and a comment, sent
 * with the version read when the form opened, so that someone else's update in between gives a 409.
 */
export function ActionUpdateForm({ action, onReload }: Props) {
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(action.version);
  const save = useMutation({
    mutationFn: (body: UpdateActionDto) => ok(updateAction({ path: { id: action.id }, body })),
    onSuccess: (updated) => {
      setVersion(updated.version);
      queryClient.setQueryData(['actions', action.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['actions', action.id, 'updates'] });
    },
  });
  const conflict = save.error instanceof ApiError && save.error.status === 409;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate(readUpdate(new FormData(event.currentTarget), action, version));
  }

  return (
    <form onSubmit={submit} aria-labelledby="update-title">
      <h2 id="update-title">Mettre à jour l’action</h2>
      <Select label="État" nativeSelectProps={{ name: 'status', defaultValue: action.status, required: true }}>
        <Options choices={ACTION_STATUS_LABELS} />
      </Select>
      <Input
        label="Avancement (en %)"
        hintText="Un nombre entier de 0 à 100"
        nativeInputProps={{
          name: 'progressPercent',
          type: 'number',
          min: 0,
          max: 100,
          step: 1,
          defaultValue: action.progressPercent,
          required: true,
        }}
      />
      <ParticipationSelect of="à l’action" defaultValue={action.participation} />
      {action.indicators.map((indicator) => (
        <Input
          key={indicator.id}
          label={`Indicateur : ${indicator.label}${indicator.unit ? ` (${indicator.unit})` : ''}`}
          hintText={`Valeur de référence : ${indicator.baseline ?? '—'} ; cible : ${indicator.target ?? '—'}`}
          nativeInputProps={{
            name: `indicator-${indicator.id}`,
            inputMode: 'decimal',
            defaultValue: indicator.latestValue ?? '',
          }}
        />
      ))}
      <Input label="Commentaire" textArea nativeTextAreaProps={{ name: 'comment', rows: 3, maxLength: 5000 }} />
      {save.isError && <ErrorAlert error={save.error} />}
      {conflict && (
        <Button type="button" priority="secondary" className="fr-mb-3w" onClick={onReload}>
          Recharger l’action
        </Button>
      )}
      {save.isSuccess && <Alert className="fr-mb-3w" severity="success" small description="Mise à jour enregistrée." />}
      <Button type="submit" disabled={save.isPending}>
        Enregistrer la mise à jour
      </Button>
    </form>
  );
}
