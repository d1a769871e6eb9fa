import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { DecisionDto, MeetingDetailDto } from '../../api/client';
import { formatCount } from '../../format';

function DecisionLine({ decision: d }: { decision: DecisionDto }) {
  return (
    <li>
      {d.title} —{' '}
      <Badge as="span" small noIcon severity={d.adopted ? 'success' : 'error'}>
        {d.adopted ? 'Adoptée' : 'Rejetée'}
      </Badge>{' '}
      {d.votesFor} pour, {d.votesAgainst} contre, {formatCount(d.abstentions, 'abstention')}
    </li>
  );
}

function Decisions({ decisions }: { decisions: DecisionDto[] }) {
  if (decisions.length === 0) return null;
  return (
    <ul>
      {decisions.map((d) => (
        <DecisionLine key={d.id} decision={d} />
      ))}
    </ul>
  );
}

/** The agenda, each item followed by the decisions voted on it; the decisions outside the agenda after it. */
export function AgendaSection({ meeting }: { meeting: MeetingDetailDto }) {
  const onItem = (position: number) => meeting.decisions.filter((d) => d.agendaItemPosition === position);
  const others = meeting.decisions.filter((d) => !meeting.agenda.some((a) => a.position === d.agendaItemPosition));
  return (
    <section aria-labelledby="agenda-title">
      <h2 id="agenda-title">Ordre du jour et délibérations</h2>
      {meeting.agenda.length === 0 ? (
        <p>Aucun point inscrit.</p>
      ) : (
        <ol>
          {meeting.agenda.map((item) => (
            <li key={item.position}>
              {item.title}
              <Decisions decisions={onItem(item.position)} />
            </li>
          ))}
        </ol>
      )}
      {others.length > 0 && (
        <>
          <h3>Autres décisions</h3>
          <Decisions decisions={others} />
        </>
      )}
      {meeting.canRecordAttendance && !meeting.canRecordDecision && (
        <p>Les délibérations s’enregistrent une fois l’émargement saisi et le quorum atteint.</p>
      )}
    </section>
  );
}
