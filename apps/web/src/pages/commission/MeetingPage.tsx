import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { meetingsControllerGet, ok, type MeetingDetailDto } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { ReportJob } from '../../components/ReportJob';
import { formatDateTime } from '../../format';
import { AttendanceForm } from './AttendanceForm';
import { DecisionsSection } from './DecisionForm';
import { MinutesSection } from './MinutesSection';
import { MEETING_STATUS_LABELS, MINUTES_STATUS_LABELS } from '@app/vocabulary';

function Quorum({ meeting }: { meeting: MeetingDetailDto }) {
  return (
    <p aria-live="polite">
      Quorum :{' '}
      {meeting.quorumReached === null || meeting.quorumReached === undefined ? (
        'émargement non enregistré'
      ) : (
        <>
          <Badge as="span" severity={meeting.quorumReached ? 'success' : 'error'}>
            {meeting.quorumReached ? 'Quorum atteint' : 'Quorum non atteint'}
          </Badge>{' '}
          {meeting.seatsPresent} siège{(meeting.seatsPresent ?? 0) > 1 ? 's' : ''} présent
          {(meeting.seatsPresent ?? 0) > 1 ? 's' : ''} ou représenté{(meeting.seatsPresent ?? 0) > 1 ? 's' : ''} sur{' '}
          {meeting.seatsTotal}
        </>
      )}
    </p>
  );
}

function Agenda({ meeting }: { meeting: MeetingDetailDto }) {
  return (
    <section aria-labelledby="agenda-title">
      <h2 id="agenda-title">Ordre du jour</h2>
      {meeting.agenda.length === 0 ? (
        <p>Aucun point inscrit.</p>
      ) : (
        <ol>
          {meeting.agenda.map((item) => (
            <li key={item.position}>{item.title}</li>
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * The documents of the meeting (notice, attendance sheet): the API generates them for whoever reads
 * the meeting, as this page does.
 */
function MeetingDocuments({ meeting }: { meeting: MeetingDetailDto }) {
  return (
    <section aria-labelledby="documents-title" className="fr-mt-4w">
      <h2 id="documents-title">Documents de séance</h2>
      <ReportJob
        request={{ kind: 'notice', params: { meetingId: meeting.id } }}
        label="Générer la convocation (PDF)"
        document="la convocation"
      />
      <ReportJob
        request={{ kind: 'attendance_sheet', params: { meetingId: meeting.id } }}
        label="Générer la feuille d’émargement (PDF)"
        document="la feuille d’émargement"
      />
    </section>
  );
}

/**
 * A meeting: when, where, the agenda, its decisions and minutes; the forms (attendance, decisions,
 * minutes) for whom its DTO says may use them (`canRecordAttendance`, `canRecordDecision`, `canWriteMinutes`).
 */
export function MeetingPage() {
  const { id } = useParams() as { id: string };
  const meeting = useQuery({ queryKey: ['meetings', id], queryFn: () => ok(meetingsControllerGet({ path: { id } })) });
  return (
    <QueryState query={meeting}>
      {(m) => (
        <>
          <h1>Séance du {formatDateTime(m.startsAt)}</h1>
          <p className="fr-text--lead">
            {m.bodyName} — {m.place ?? 'lieu à préciser'}
            {m.videoUrl && (
              <>
                {' — '}
                <a href={m.videoUrl} target="_blank" rel="noreferrer">
                  visioconférence
                </a>
              </>
            )}
          </p>
          <p>
            État : {MEETING_STATUS_LABELS[m.status]}
            {m.minutesStatus && ` — procès-verbal : ${MINUTES_STATUS_LABELS[m.minutesStatus].toLowerCase()}`}
          </p>
          <Quorum meeting={m} />
          <Agenda meeting={m} />
          {m.canRecordAttendance && <AttendanceForm key={m.version} meeting={m} />}
          <DecisionsSection meeting={m} />
          <MinutesSection meeting={m} />
          <MeetingDocuments meeting={m} />
        </>
      )}
    </QueryState>
  );
}
