import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '@codegouvfr/react-dsfr/Button';
import {
  getBody,
  setAttendance,
  ok,
  type AttendanceDto,
  type MeetingDetailDto,
  type PersonRefDto,
} from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryState } from '../../components/QueryState';
import { ATTENDANCE_LABELS, COLLEGE_LABELS } from '@app/vocabulary';
import { Options } from '../../components/Options';
import { parisDay } from './paris-time';
import { seatsHeldOn, type CollegeSeats, type HeldSeat } from './seats-on';

type Status = AttendanceDto['status'];
type Statuses = Map<string, string>;
/** Sets a person's status; absent when the sheet is read only. */
type SetStatus = ((memberId: string, status: string) => void) | undefined;

const COLUMNS = 5;

/** A person's presence: a select while the sheet may be recorded, else the status recorded. */
function Presence({
  person,
  role,
  statuses,
  set,
}: {
  person: PersonRefDto;
  role: string;
  statuses: Statuses;
  set: SetStatus;
}) {
  const value = statuses.get(person.id) ?? '';
  if (!set) return <>{value ? ATTENDANCE_LABELS[value as Status] : '—'}</>;
  const id = `presence-${person.id}`;
  return (
    <>
      <label className="fr-label fr-sr-only" htmlFor={id}>
        Présence de {person.displayName} ({role})
      </label>
      <select id={id} className="fr-select" value={value} onChange={(e) => set(person.id, e.target.value)}>
        <option value="">Non renseigné</option>
        <Options choices={ATTENDANCE_LABELS} />
      </select>
    </>
  );
}

function SeatRow({ seat, statuses, set }: { seat: HeldSeat; statuses: Statuses; set: SetStatus }) {
  const { member, alternate } = seat.mandate;
  return (
    <tr>
      <th scope="row">{seat.label ?? '—'}</th>
      <td>{member.displayName}</td>
      <td>
        <Presence person={member} role="titulaire" statuses={statuses} set={set} />
      </td>
      <td>{alternate?.displayName ?? '—'}</td>
      <td>{alternate ? <Presence person={alternate} role="suppléant" statuses={statuses} set={set} /> : '—'}</td>
    </tr>
  );
}

/** One table for the whole sheet, a row group per college headed by its name and its number of seats. */
function SheetTable({ groups, statuses, set }: { groups: CollegeSeats[]; statuses: Statuses; set: SetStatus }) {
  const total = groups.reduce((sum, g) => sum + g.seats.length, 0);
  return (
    <div className="fr-table app-dense-table">
      <table>
        <caption>Présences par collège — {total} sièges pourvus</caption>
        <thead>
          <tr>
            <th scope="col">Siège</th>
            <th scope="col">Titulaire</th>
            <th scope="col">Présence du titulaire</th>
            <th scope="col">Suppléant</th>
            <th scope="col">Présence du suppléant</th>
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.college}>
            <tr>
              <th scope="rowgroup" colSpan={COLUMNS}>
                {COLLEGE_LABELS[group.college]} — {group.seats.length} siège{group.seats.length > 1 ? 's' : ''}
              </th>
            </tr>
            {group.seats.map((seat) => (
              <SeatRow key={seat.id} seat={seat} statuses={statuses} set={set} />
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

/**
 * The attendance sheet (émargement) of the seats held on the meeting's day, grouped by college: each
 * full member and alternate present, represented, excused or absent. The officer records it while
 * the meeting's DTO allows it (`canRecordAttendance`); saving gives the quorum the page then shows.
 */
export function AttendanceSection({ meeting }: { meeting: MeetingDetailDto }) {
  const queryClient = useQueryClient();
  const body = useQuery({
    queryKey: ['bodies', meeting.bodyId],
    queryFn: () => ok(getBody({ path: { id: meeting.bodyId } })),
  });
  const [statuses, setStatuses] = useState(
    () => new Map<string, string>(meeting.attendance.map((a) => [a.memberId, a.status])),
  );
  const save = useMutation({
    mutationFn: () =>
      ok(
        setAttendance({
          path: { id: meeting.id },
          body: [...statuses]
            .filter(([, s]) => s !== '')
            .map(([memberId, status]) => ({ memberId, status: status as Status })),
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['meetings', meeting.id] }),
  });
  const groups = seatsHeldOn(body.data?.seats ?? [], parisDay(new Date(meeting.startsAt)));
  const set: SetStatus = meeting.canRecordAttendance
    ? (memberId, status) => setStatuses((m) => new Map(m).set(memberId, status))
    : undefined;
  function allPresent() {
    setStatuses((m) => {
      const next = new Map(m);
      for (const seat of groups.flatMap((g) => g.seats)) next.set(seat.mandate.member.id, 'present');
      return next;
    });
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }
  // DSFR's table script reads the tbody when the table mounts: the table waits for the seats.
  const table = (
    <QueryState query={body}>{() => <SheetTable groups={groups} statuses={statuses} set={set} />}</QueryState>
  );
  const readOnly = meeting.attendance.length > 0 ? table : <p>L’émargement n’est pas encore enregistré.</p>;
  return (
    <section aria-labelledby="attendance-title" className="fr-mt-4w">
      <h2 id="attendance-title">Émargement</h2>
      {!set ? (
        readOnly
      ) : (
        <form onSubmit={submit} aria-labelledby="attendance-title">
          <Button type="button" priority="tertiary" size="small" className="fr-mb-1w" onClick={allPresent}>
            Marquer tous les titulaires présents
          </Button>
          {table}
          {save.isError && <ErrorAlert error={save.error} />}
          <Button type="submit" disabled={save.isPending}>
            Enregistrer l’émargement
          </Button>
        </form>
      )}
    </section>
  );
}
