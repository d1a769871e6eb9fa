import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { getBody, getBodyParticipation, ok, type BodyDetailDto } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { useDocumentTitle } from '../../routing/document-title';
import { formatDate } from '../../format';
import { AddSeatForm, EndMandateButton, NewMeetingForm } from './BodyForms';
import { MeetingsTable } from './MeetingsTable';
import { PositionsSection } from './PositionsSection';
import { BODY_KIND_LABELS, COLLEGE_LABELS } from '@app/vocabulary';

/** The seats; the management column for whom the body's DTO allows it (`canManageSeats`, each seat's `canEndMandate`). */
function Seats({ body }: { body: BodyDetailDto }) {
  return (
    <div className="fr-table">
      <table>
        <caption>Sièges — {body.seats.length}</caption>
        <thead>
          <tr>
            <th scope="col">Collège</th>
            <th scope="col">Siège</th>
            <th scope="col">Titulaire</th>
            <th scope="col">Suppléant</th>
            <th scope="col">Mandat</th>
            {body.canManageSeats && <th scope="col">Gestion</th>}
          </tr>
        </thead>
        <tbody>
          {body.seats.map((seat) => (
            <tr key={seat.id}>
              <td>{COLLEGE_LABELS[seat.college]}</td>
              <td>{seat.label ?? '—'}</td>
              <td>{seat.current ? seat.current.member.displayName : <Badge severity="warning">Vacant</Badge>}</td>
              <td>{seat.current?.alternate?.displayName ?? '—'}</td>
              <td>{seat.current ? `depuis le ${formatDate(seat.current.startsOn)}` : '—'}</td>
              {body.canManageSeats && (
                <td>{seat.canEndMandate && <EndMandateButton seatId={seat.id} bodyId={body.id} />}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Participation({ bodyId }: { bodyId: string }) {
  const participation = useQuery({
    queryKey: ['bodies', bodyId, 'participation'],
    queryFn: () => ok(getBodyParticipation({ path: { id: bodyId } })),
  });
  if (!participation.data) return null;
  const { total, meetingsHeld, byCollege } = participation.data;
  const rate = (r: number | null | undefined) => (r === null || r === undefined ? '—' : `${Math.round(r * 100)} %`);
  return (
    <section aria-labelledby="participation-title">
      <h2 id="participation-title">Participation sur 12 mois</h2>
      <p>
        {total.filled} sièges pourvus, {total.vacant} vacant{total.vacant > 1 ? 's' : ''} ; {meetingsHeld} séance
        {meetingsHeld > 1 ? 's' : ''} tenue{meetingsHeld > 1 ? 's' : ''} ; présence {rate(total.attendanceRate)}.
      </p>
      <ul>
        {byCollege.map((c) => (
          <li key={c.college}>
            {COLLEGE_LABELS[c.college]} : {c.filled} / {c.seats} sièges pourvus, présence {rate(c.attendanceRate)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A body of the commission: its seats and who holds them, its office, its meetings. */
export function BodyPage() {
  const { id } = useParams() as { id: string };
  const body = useQuery({ queryKey: ['bodies', id], queryFn: () => ok(getBody({ path: { id } })) });
  useDocumentTitle(body.data ? `Instance « ${body.data.name} »` : 'Instance');
  return (
    <QueryState query={body}>
      {(b) => (
        <>
          <h1>{b.name}</h1>
          <p className="fr-text--lead">
            {BODY_KIND_LABELS[b.kind]}
            {b.installedOn && ` — installée le ${formatDate(b.installedOn)}`}
          </p>
          <Seats body={b} />
          {b.canManageSeats && <AddSeatForm bodyId={b.id} />}
          <PositionsSection body={b} />
          <Participation bodyId={b.id} />
          <h2>Séances</h2>
          <MeetingsTable
            caption="Séances de l’instance"
            filter={{ bodyId: b.id }}
            pageParam="seances"
            empty="Aucune séance."
          />
          {b.canCreateMeeting && <NewMeetingForm bodyId={b.id} />}
        </>
      )}
    </QueryState>
  );
}
