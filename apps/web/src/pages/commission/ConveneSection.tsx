import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { conveneMeeting, moveMeeting, ok, type MeetingDetailDto, type MoveMeetingDto } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../format';
import { withParisOffset } from './paris-time';

/** Refreshes the meeting once a change is saved. */
function useMeetingChange<V>(meetingId: string, change: (value: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['meetings', meetingId] }),
  });
}

/**
 * The convocation by e-mail: sent once to every member of the body (full members and alternates) with
 * the notice attached; a planned meeting moved after it sends them an update.
 */
export function ConveneSection({ meeting: m }: { meeting: MeetingDetailDto }) {
  const convene = useMeetingChange(m.id, () => ok(conveneMeeting({ path: { id: m.id } })));
  const move = useMeetingChange(m.id, (body: MoveMeetingDto) => ok(moveMeeting({ path: { id: m.id }, body })));
  const mayMove = m.status === 'planned' && m.canRecordAttendance;
  function submitMove(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const startsAt = String(form.get('startsAt') ?? '');
    const place = String(form.get('place') ?? '').trim();
    move.mutate({
      ...(startsAt ? { startsAt: withParisOffset(startsAt) } : {}),
      ...(place ? { place } : {}),
      version: m.version,
    });
  }
  if (!m.convenedAt && !m.canConvene && !mayMove) return null;
  return (
    <section aria-labelledby="convene-title" className="fr-mt-4w">
      <h2 id="convene-title">Convocation</h2>
      {m.convenedAt ? (
        <p>Convocation envoyée par courriel aux membres le {formatDateTime(m.convenedAt)}.</p>
      ) : (
        <p>La convocation n’a pas encore été envoyée.</p>
      )}
      {m.canConvene && (
        <Button disabled={convene.isPending} onClick={() => convene.mutate(undefined)}>
          Convoquer les membres par courriel
        </Button>
      )}
      {convene.isError && <ErrorAlert error={convene.error} />}
      {mayMove && (
        <form onSubmit={submitMove} aria-labelledby="move-title" className="fr-mt-2w">
          <h3 id="move-title">Déplacer la séance</h3>
          {m.convenedAt && <p>Les membres convoqués recevront un courriel de mise à jour.</p>}
          <Input
            label="Nouvelle date et heure (heure de Paris)"
            nativeInputProps={{ name: 'startsAt', type: 'datetime-local' }}
          />
          <Input label="Nouveau lieu" nativeInputProps={{ name: 'place', maxLength: 300 }} />
          {move.isError && <ErrorAlert error={move.error} />}
          <Button type="submit" priority="secondary" disabled={move.isPending}>
            Déplacer la séance
          </Button>
        </form>
      )}
    </section>
  );
}
