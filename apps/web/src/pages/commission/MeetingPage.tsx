import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { getMeeting, ok, type MeetingDetailDto } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { useDocumentTitle } from '../../routing/document-title';
import { ReportJob } from '../../components/ReportJob';
import { formatCount, formatDateTime } from '../../format';
import { AgendaSection } from './AgendaSection';
import { AttendanceSection } from './AttendanceForm';
import { ConveneSection } from './ConveneSection';
import { DecisionForm } from './DecisionForm';
import { MinutesSection } from './MinutesSection';
import { MEETING_STATUS_LABELS, MINUTES_STATUS_LABELS } from '@app/vocabulary';

/** The quorum the attendance sheet gave: the threshold ("12 présents requis sur 23 sièges pourvus"), reached or not. */
function Quorum({ meeting: m }: { meeting: MeetingDetailDto }) {
  const { quorumThreshold: threshold, seatsTotal: total, seatsPresent: present } = m;
  return (
    <p aria-live="polite">
      Quorum :{' '}
      {typeof threshold !== 'number' || typeof total !== 'number' ? (
        'émargement non enregistré'
      ) : (
        <>
          <Badge as="span" severity={m.quorumReached ? 'success' : 'error'}>
            {m.quorumReached ? 'Quorum atteint' : 'Quorum non atteint'}
          </Badge>{' '}
          {formatCount(threshold, 'présent')} requis sur {formatCount(total, 'siège pourvu', 'sièges pourvus')} ;{' '}
          {formatCount(present ?? 0, 'siège présent ou représenté', 'sièges présents ou représentés')}.
        </>
      )}
    </p>
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
 * A meeting on a screen or two: when and where, the quorum, the agenda with the decisions voted on
 * each item, the attendance by college, the minutes; the forms (attendance, decisions, minutes) for
 * whom its DTO says may use them (`canRecordAttendance`, `canRecordDecision`, `canWriteMinutes`).
 */
export function MeetingPage() {
  const { id } = useParams() as { id: string };
  const meeting = useQuery({ queryKey: ['meetings', id], queryFn: () => ok(getMeeting({ path: { id } })) });
  useDocumentTitle(
    meeting.data ? `Séance du ${formatDateTime(meeting.data.startsAt)} — ${meeting.data.bodyName}` : 'Séance',
  );
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
          <ConveneSection meeting={m} />
          <AgendaSection meeting={m} />
          <AttendanceSection key={m.version} meeting={m} />
          {m.canRecordDecision && <DecisionForm meeting={m} />}
          <MinutesSection meeting={m} />
          <MeetingDocuments meeting={m} />
        </>
      )}
    </QueryState>
  );
}
