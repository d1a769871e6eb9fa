import { type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { meetingsControllerDecide, ok, type CreateDecisionDto, type MeetingDetailDto } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';

function Decisions({ meeting }: { meeting: MeetingDetailDto }) {
  if (meeting.decisions.length === 0) return <p>Aucune délibération.</p>;
  return (
    <div className="fr-table">
      <table>
        <caption>Délibérations et avis</caption>
        <thead>
          <tr>
            <th scope="col">Délibération</th>
            <th scope="col">Pour</th>
            <th scope="col">Contre</th>
            <th scope="col">Abstentions</th>
            <th scope="col">Résultat</th>
          </tr>
        </thead>
        <tbody>
          {meeting.decisions.map((d) => (
            <tr key={d.id}>
              <td>{d.title}</td>
              <td>{d.votesFor}</td>
              <td>{d.votesAgainst}</td>
              <td>{d.abstentions}</td>
              <td>{d.adopted ? 'Adoptée' : 'Rejetée'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The deliberations voted at the meeting, and the form to record one when the API allows it
 * (`canRecordDecision`: an open meeting that reached its quorum).
 */
export function DecisionsSection({ meeting }: { meeting: MeetingDetailDto }) {
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: (body: CreateDecisionDto) => ok(meetingsControllerDecide({ path: { id: meeting.id }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['meetings', meeting.id] }),
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    decide.mutate(
      {
        title: String(form.get('title')).trim(),
        votesFor: Number(form.get('votesFor')),
        votesAgainst: Number(form.get('votesAgainst')),
        abstentions: Number(form.get('abstentions')),
      },
      { onSuccess: () => element.reset() },
    );
  }
  const votes = (name: string, label: string) => (
    <Input
      className="fr-col-12 fr-col-md-4"
      label={label}
      nativeInputProps={{ name, type: 'number', min: 0, step: 1, defaultValue: 0, required: true }}
    />
  );
  if (meeting.decisions.length === 0 && !meeting.canRecordAttendance && !meeting.canRecordDecision) return null;
  return (
    <section aria-labelledby="decisions-title" className="fr-mt-4w">
      <h2 id="decisions-title">Délibérations</h2>
      <Decisions meeting={meeting} />
      {meeting.canRecordAttendance && !meeting.canRecordDecision && (
        <p>Les délibérations s’enregistrent une fois l’émargement saisi et le quorum atteint.</p>
      )}
      {meeting.canRecordDecision && (
        <form onSubmit={submit}>
          <Input
            label="Intitulé de la délibération"
            nativeInputProps={{ name: 'title', required: true, maxLength: 500 }}
          />
          <div className="fr-grid-row fr-grid-row--gutters">
            {votes('votesFor', 'Voix pour')}
            {votes('votesAgainst', 'Voix contre')}
            {votes('abstentions', 'Abstentions')}
          </div>
          {decide.isError && <ErrorAlert error={decide.error} />}
          <Button type="submit" disabled={decide.isPending}>
            Enregistrer la délibération
          </Button>
        </form>
      )}
    </section>
  );
}
