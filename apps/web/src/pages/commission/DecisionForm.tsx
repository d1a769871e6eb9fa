import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { recordDecision, ok, type CreateDecisionDto, type MeetingDetailDto } from '../../api/client';
import type { DecisionSubjectType } from '@app/vocabulary';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DecisionSubjectFields } from './DecisionSubjectFields';

/** The subject fields of the form, as the API wants them: none, or a type with its subject (and a selection's projects). */
function subjectOf(form: FormData): Pick<CreateDecisionDto, 'subjectType' | 'subjectId' | 'projectIds'> {
  const subjectType = String(form.get('subjectType') ?? '') as DecisionSubjectType | '';
  if (!subjectType) return {};
  const projectIds = form.getAll('projectIds').map(String);
  return { subjectType, subjectId: String(form.get('subjectId')), ...(projectIds.length ? { projectIds } : {}) };
}

/**
 * Records a deliberation voted at the meeting, under the agenda item it answers or among the other
 * decisions, with what it decides; shown when the API allows it (`canRecordDecision`: an open
 * meeting that reached its quorum).
 */
export function DecisionForm({ meeting }: { meeting: MeetingDetailDto }) {
  const queryClient = useQueryClient();
  const [subjectType, setSubjectType] = useState<DecisionSubjectType | ''>('');
  const decide = useMutation({
    mutationFn: (body: CreateDecisionDto) => ok(recordDecision({ path: { id: meeting.id }, body })),
    // A selection list moves projects; a roadmap gets a decision that may validate it. Not awaited: the
    // form empties as soon as the decision is saved, not once the meeting is read again, or a subject
    // chosen for the next decision meanwhile was wiped by the late reset.
    onSuccess: () => {
      for (const key of ['meetings', 'projects', 'roadmaps']) void queryClient.invalidateQueries({ queryKey: [key] });
    },
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const item = String(form.get('agendaItemPosition') ?? '');
    decide.mutate(
      {
        title: String(form.get('title')).trim(),
        votesFor: Number(form.get('votesFor')),
        votesAgainst: Number(form.get('votesAgainst')),
        abstentions: Number(form.get('abstentions')),
        ...(item ? { agendaItemPosition: Number(item) } : {}),
        ...subjectOf(form),
      },
      {
        onSuccess: () => {
          element.reset();
          setSubjectType('');
        },
      },
    );
  }
  const votes = (name: string, label: string) => (
    <Input
      className="fr-col-12 fr-col-md-4"
      label={label}
      nativeInputProps={{ name, type: 'number', min: 0, step: 1, defaultValue: 0, required: true }}
    />
  );
  return (
    <form onSubmit={submit} aria-labelledby="decision-form-title" className="fr-mt-4w">
      <h2 id="decision-form-title">Nouvelle délibération</h2>
      <div className="fr-grid-row fr-grid-row--gutters">
        <Select
          className="fr-col-12 fr-col-md-6"
          label="Point de l’ordre du jour"
          nativeSelectProps={{ name: 'agendaItemPosition' }}
        >
          <option value="">Hors ordre du jour (autres décisions)</option>
          {meeting.agenda.map((item) => (
            <option key={item.position} value={item.position}>
              {item.position}. {item.title}
            </option>
          ))}
        </Select>
        <Input
          className="fr-col-12 fr-col-md-6"
          label="Intitulé de la délibération"
          nativeInputProps={{ name: 'title', required: true, maxLength: 500 }}
        />
      </div>
      <DecisionSubjectFields type={subjectType} onTypeChange={setSubjectType} />
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
  );
}
