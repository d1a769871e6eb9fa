import { Link } from 'react-router';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { CallDto } from '../../api/client';
import { useCalls } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { formatDate, formatEuros } from '../../format';
import { CALL_STATUS_LABELS } from '@app/vocabulary';

/** A call's state as a badge: open calls stand out. */
export function CallStatusBadge({ call }: { call: CallDto }) {
  return (
    <Badge as="span" noIcon severity={call.status === 'open' ? 'success' : undefined}>
      {CALL_STATUS_LABELS[call.status]}
    </Badge>
  );
}

/** "Appels à projets": every call, most recent year first, and the way to create one for the regional team. */
export function CallListPage() {
  const calls = useCalls();
  return (
    <>
      <h1>Appels à projets</h1>
      <QueryState query={calls}>
        {(page) => (
          <>
            {page.canCreate && (
              <Button linkProps={{ to: '/appels/nouveau' }} iconId="fr-icon-add-line" className="fr-mb-3w">
                Créer un appel à projets
              </Button>
            )}
            <div className="fr-table">
              <table>
                <caption>Appels à projets</caption>
                <thead>
                  <tr>
                    <th scope="col">Appel</th>
                    <th scope="col">Année</th>
                    <th scope="col">Période de candidature</th>
                    <th scope="col">Enveloppe</th>
                    <th scope="col">État</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((call) => (
                    <tr key={call.id}>
                      <td>
                        <Link to={`/appels/${call.id}`}>{call.title}</Link>
                      </td>
                      <td>{call.year}</td>
                      <td>
                        du {formatDate(call.opensOn)} au {formatDate(call.closesOn)}
                      </td>
                      <td>{formatEuros(call.envelopeCents)}</td>
                      <td>
                        <CallStatusBadge call={call} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {page.items.length === 0 && <p>Aucun appel pour l’instant.</p>}
          </>
        )}
      </QueryState>
    </>
  );
}
