import { Link, useParams } from 'react-router';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { useCallFunding } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { useDocumentTitle } from '../../routing/document-title';
import { formatDate, formatEuros } from '../../format';
import { CallStatusBadge } from './CallListPage';
import { CallTransitions } from './CallTransitions';
import { useCall } from './queries';

/** "Appel à projets": its state and the moves the caller may make, its dates, axes and envelopes, its scoring grid. */
export function CallPage() {
  const { id } = useParams();
  const call = useCall(id);
  const funding = useCallFunding(id);
  useDocumentTitle(call.data ? `Appel « ${call.data.title} »` : 'Appel à projets');
  const remaining = (code: string) => funding.data?.byAxis.find((a) => a.code === code)?.remainingCents;
  return (
    <QueryState query={call}>
      {(c) => (
        <>
          <h1>
            {c.title} <CallStatusBadge call={c} />
          </h1>
          <p className="fr-text--lead">
            {c.fundingSource} {c.year} — candidatures du {formatDate(c.opensOn)} au {formatDate(c.closesOn)} — enveloppe
            de {formatEuros(c.envelopeCents)}
          </p>
          <Alert
            small
            className="fr-mb-3w"
            severity={
              c.acceptsApplications && !c.closingDayPassed
                ? 'success'
                : c.closingDayPassed && c.acceptsApplications
                  ? 'warning'
                  : 'info'
            }
            description={
              (!c.acceptsApplications
                ? 'L’appel ne reçoit plus de nouvelle candidature.'
                : c.closingDayPassed
                  ? `La date de clôture est passée (${formatDate(c.closesOn)}) : saisissez les dossiers reçus à temps, puis clôturez l’appel.`
                  : 'L’appel reçoit de nouvelles candidatures.') +
              (c.acceptsGrants
                ? ' Des crédits peuvent être engagés sur ses projets retenus.'
                : ' Aucun crédit n’est engagé tant qu’il n’est pas décidé ou rouvert par le délégué régional.')
            }
          />
          <ul className="fr-btns-group fr-btns-group--inline-md">
            {c.canEdit && (
              <li>
                <Link className="fr-btn" to={`/appels/${c.id}/modifier`}>
                  Modifier l’appel
                </Link>
              </li>
            )}
            <li>
              <Link className="fr-btn fr-btn--secondary" to={`/appels/${c.id}/classement`}>
                Classement et ligne de coupure
              </Link>
            </li>
            <li>
              <Link className="fr-btn fr-btn--tertiary" to={`/projets?appel=${c.id}`}>
                Projets de l’appel
              </Link>
            </li>
          </ul>
          <CallTransitions call={c} />
          <div className="fr-table">
            <table>
              <caption>Axes et enveloppes</caption>
              <thead>
                <tr>
                  <th scope="col">Code</th>
                  <th scope="col">Axe</th>
                  <th scope="col">Enveloppe</th>
                  <th scope="col">Reste à engager</th>
                </tr>
              </thead>
              <tbody>
                {c.axes.map((axis) => (
                  <tr key={axis.code}>
                    <td>{axis.code}</td>
                    <td>{axis.label}</td>
                    <td>{axis.envelopeCents == null ? 'celle de l’appel' : formatEuros(axis.envelopeCents)}</td>
                    <td>{remaining(axis.code) == null ? '—' : formatEuros(remaining(axis.code)!)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="fr-table">
            <table>
              <caption>Grille de notation (chaque critère noté de 0 à 5)</caption>
              <thead>
                <tr>
                  <th scope="col">Code</th>
                  <th scope="col">Critère</th>
                  <th scope="col">Poids</th>
                </tr>
              </thead>
              <tbody>
                {c.criteria.map((criterion) => (
                  <tr key={criterion.code}>
                    <td>{criterion.code}</td>
                    <td>{criterion.label}</td>
                    <td>{criterion.weight}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {c.criteria.length === 0 && <p>Aucun critère de notation pour l’instant.</p>}
        </>
      )}
    </QueryState>
  );
}
