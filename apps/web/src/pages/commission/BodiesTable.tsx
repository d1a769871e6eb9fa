import { Link } from 'react-router';
import { listBodies, ok } from '../../api/client';
import { PaginatedTable } from '../../components/PaginatedTable';
import { formatDate } from '../../format';
import { BODY_KIND_LABELS } from '@app/vocabulary';

/** The bodies the person may read (a member: those it sits on), each opening its page. */
export function BodiesTable({ caption }: { caption: string }) {
  return (
    <PaginatedTable
      caption={caption}
      queryKey={['bodies']}
      fetchPage={(page) => ok(listBodies({ query: page }))}
      pageParam="instances"
      rowKey={(b) => b.id}
      empty="Aucune instance."
      columns={[
        { header: 'Instance', cell: (b) => <Link to={`/instances/${b.id}`}>{b.name}</Link> },
        { header: 'Type', cell: (b) => BODY_KIND_LABELS[b.kind] },
        { header: 'Installée le', cell: (b) => (b.installedOn ? formatDate(b.installedOn) : '—') },
      ]}
    />
  );
}
