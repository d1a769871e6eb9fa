import { Link } from 'react-router';
import { listMeetings, ok, type MeetingDto, type ListMeetingsData } from '../../api/client';
import { PaginatedTable, type Column } from '../../components/PaginatedTable';
import { formatDateTime } from '../../format';
import { MEETING_STATUS_LABELS } from '@app/vocabulary';

type Filter = Omit<NonNullable<ListMeetingsData['query']>, 'limit' | 'offset'>;

interface Props {
  caption: string;
  filter: Filter;
  pageParam: string;
  empty: string;
  /** Lists each meeting's agenda in the table (for the meetings to come). */
  withAgenda?: boolean;
  /** Says whether each meeting's minutes are published (for the past meetings). */
  withMinutes?: boolean;
}

const MINUTES: Column<MeetingDto> = {
  header: 'Procès-verbal',
  cell: (m) => (m.minutesPublished ? 'Publié' : 'Pas encore publié'),
};

const AGENDA: Column<MeetingDto> = {
  header: 'Ordre du jour',
  cell: (m) => (
    <ol>
      {m.agenda.map((item) => (
        <li key={item.position}>{item.title}</li>
      ))}
    </ol>
  ),
};

/** Meetings as a paginated table, each opening its page. */
export function MeetingsTable({ caption, filter, pageParam, empty, withAgenda, withMinutes }: Props) {
  const columns: Column<MeetingDto>[] = [
    { header: 'Séance', cell: (m) => <Link to={`/seances/${m.id}`}>{formatDateTime(m.startsAt)}</Link> },
    { header: 'Instance', cell: (m) => m.bodyName },
    { header: 'Lieu', cell: (m) => m.place ?? (m.videoUrl ? 'Visioconférence' : 'À préciser') },
    ...(withAgenda ? [AGENDA] : []),
    { header: 'État', cell: (m) => MEETING_STATUS_LABELS[m.status] },
    ...(withMinutes ? [MINUTES] : []),
  ];
  return (
    <PaginatedTable
      caption={caption}
      queryKey={['meetings', filter]}
      fetchPage={(page) => ok(listMeetings({ query: { ...filter, ...page } }))}
      pageParam={pageParam}
      empty={empty}
      rowKey={(m) => m.id}
      columns={columns}
    />
  );
}
