import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '@codegouvfr/react-dsfr/Button';
import {
  bodiesControllerGetBody,
  meetingsControllerAttendance,
  ok,
  type AttendanceDto,
  type MeetingDetailDto,
  type SeatDto,
} from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ATTENDANCE_LABELS, COLLEGE_LABELS } from '@app/vocabulary';
import { Options } from '../../components/Options';

type Status = AttendanceDto['status'];

function StatusSelect({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <div className="fr-select-group fr-mb-0">
      <label className="fr-label fr-sr-only" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="fr-select" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Non renseigné</option>
        <Options choices={ATTENDANCE_LABELS} />
      </select>
    </div>
  );
}

function SeatRow({
  seat,
  statuses,
  set,
}: {
  seat: SeatDto;
  statuses: Map<string, string>;
  set: (memberId: string, status: string) => void;
}) {
  const { member, alternate } = seat.current!;
  return (
    <tr>
      <td>{COLLEGE_LABELS[seat.college]}</td>
      <td>
        {member.displayName}
        <StatusSelect
          id={`presence-${seat.id}-titulaire`}
          label={`Présence de ${member.displayName} (titulaire)`}
          value={statuses.get(member.id) ?? ''}
          onChange={(v) => set(member.id, v)}
        />
      </td>
      <td>
        {alternate ? (
          <>
            {alternate.displayName}
            <StatusSelect
              id={`presence-${seat.id}-suppleant`}
              label={`Présence de ${alternate.displayName} (suppléant)`}
              value={statuses.get(alternate.id) ?? ''}
              onChange={(v) => set(alternate.id, v)}
            />
          </>
        ) : (
          '—'
        )}
      </td>
    </tr>
  );
}

/**
 * The attendance sheet (émargement) of the seats held: each full member and alternate present,
 * represented, excused or absent. Saving it gives the quorum, which the meeting page then shows.
 */
export function AttendanceForm({ meeting }: { meeting: MeetingDetailDto }) {
  const queryClient = useQueryClient();
  const body = useQuery({
    queryKey: ['bodies', meeting.bodyId],
    queryFn: () => ok(bodiesControllerGetBody({ path: { id: meeting.bodyId } })),
  });
  const [statuses, setStatuses] = useState(
    () => new Map<string, string>(meeting.attendance.map((a) => [a.memberId, a.status])),
  );
  const set = (memberId: string, status: string) => setStatuses((m) => new Map(m).set(memberId, status));
  const save = useMutation({
    mutationFn: () =>
      ok(
        meetingsControllerAttendance({
          path: { id: meeting.id },
          body: [...statuses]
            .filter(([, s]) => s !== '')
            .map(([memberId, status]) => ({ memberId, status: status as Status })),
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['meetings', meeting.id] }),
  });
  const seats = (body.data?.seats ?? []).filter((s) => s.current);
  function allPresent() {
    setStatuses((m) => {
      const next = new Map(m);
      for (const seat of seats) next.set(seat.current!.member.id, 'present');
      return next;
    });
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }
  return (
    <form onSubmit={submit} aria-labelledby="attendance-title" className="fr-mt-4w">
      <h2 id="attendance-title">Émargement</h2>
      <Button type="button" priority="tertiary" className="fr-mb-2w" onClick={allPresent}>
        Marquer tous les titulaires présents
      </Button>
      <div className="fr-table">
        <table>
          <caption>Sièges pourvus — {seats.length}</caption>
          <thead>
            <tr>
              <th scope="col">Collège</th>
              <th scope="col">Titulaire</th>
              <th scope="col">Suppléant</th>
            </tr>
          </thead>
          <tbody>
            {seats.map((seat) => (
              <SeatRow key={seat.id} seat={seat} statuses={statuses} set={set} />
            ))}
          </tbody>
        </table>
      </div>
      {save.isError && <ErrorAlert error={save.error} />}
      <Button type="submit" disabled={save.isPending}>
        Enregistrer l’émargement
      </Button>
    </form>
  );
}
