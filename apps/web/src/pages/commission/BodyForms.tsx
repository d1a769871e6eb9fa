import { type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { addSeat, endMandate, createMeeting, ok, type CreateMeetingDto, type CreateSeatDto } from '../../api/client';
import { useAllMembers } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { COLLEGE_LABELS } from '@app/vocabulary';
import { parisDay as today, withParisOffset } from './paris-time';
import { Options } from '../../components/Options';
import { MemberOptions } from '../../components/MemberOptions';
import { StartsOnInput, useBodyChange } from './body-change';

export function NewMeetingForm({ bodyId }: { bodyId: string }) {
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: (body: CreateMeetingDto) => ok(createMeeting({ body })),
    onSuccess: (meeting) => navigate(`/seances/${meeting.id}`),
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const place = String(form.get('place') ?? '').trim();
    create.mutate({
      bodyId,
      startsAt: withParisOffset(String(form.get('startsAt'))),
      ...(place ? { place } : {}),
      agenda: String(form.get('agenda') ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .map((title) => ({ title })),
    });
  }
  return (
    <form onSubmit={submit} aria-labelledby="new-meeting-title" className="fr-mt-4w">
      <h2 id="new-meeting-title">Convoquer une séance</h2>
      <Input
        label="Date et heure (heure de Paris)"
        nativeInputProps={{ name: 'startsAt', type: 'datetime-local', required: true }}
      />
      <Input label="Lieu" nativeInputProps={{ name: 'place' }} />
      <Input
        label="Ordre du jour"
        hintText="Un point par ligne"
        textArea
        nativeTextAreaProps={{ name: 'agenda', rows: 4 }}
      />
      {create.isError && <ErrorAlert error={create.error} />}
      <Button type="submit" disabled={create.isPending}>
        Créer la séance
      </Button>
    </form>
  );
}

export function AddSeatForm({ bodyId }: { bodyId: string }) {
  const members = useAllMembers();
  const add = useBodyChange(bodyId, (body: CreateSeatDto) => ok(addSeat({ path: { id: bodyId }, body })));
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const alternate = String(form.get('alternateMemberId') ?? '');
    add.mutate({
      college: form.get('college') as CreateSeatDto['college'],
      memberId: String(form.get('memberId')),
      startsOn: String(form.get('startsOn')),
      ...(alternate ? { alternateMemberId: alternate } : {}),
    });
  }
  const options = <MemberOptions members={members.data?.items ?? []} />;
  return (
    <form onSubmit={submit} aria-labelledby="new-seat-title" className="fr-mt-4w">
      <h2 id="new-seat-title">Ajouter un siège</h2>
      <Select label="Collège" nativeSelectProps={{ name: 'college', required: true }}>
        <Options choices={COLLEGE_LABELS} />
      </Select>
      <Select label="Titulaire" nativeSelectProps={{ name: 'memberId', required: true }}>
        {options}
      </Select>
      <Select label="Suppléant (facultatif)" nativeSelectProps={{ name: 'alternateMemberId' }}>
        <option value="">Aucun</option>
        {options}
      </Select>
      <StartsOnInput label="Début du mandat" />
      {add.isError && <ErrorAlert error={add.error} />}
      <Button type="submit" priority="secondary" disabled={add.isPending}>
        Ajouter le siège
      </Button>
    </form>
  );
}

/** Ends the mandate in force today: the seat shows vacant and keeps the mandate in its history. */
export function EndMandateButton({ seatId, bodyId }: { seatId: string; bodyId: string }) {
  const end = useBodyChange(bodyId, () => ok(endMandate({ path: { id: seatId }, body: { endsOn: today() } })));
  return (
    <>
      <Button size="small" priority="tertiary" onClick={() => end.mutate()} disabled={end.isPending}>
        Mettre fin au mandat
      </Button>
      {end.isError && <ErrorAlert error={end.error} className="fr-mt-1w" />}
    </>
  );
}
