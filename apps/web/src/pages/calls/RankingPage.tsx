import { Fragment } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { getCallRanking, ok } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { useDocumentTitle } from '../../routing/document-title';
import { formatEuros } from '../../format';
import { formatScore } from '../projects/DecisionContext';
import { type AxisRanking, rankingByAxis } from './ranking-by-axis';
import { useCall } from './queries';

/** What remains to commit on the axis, in words. */
function remainder({ axis }: AxisRanking, callRemainingCents: number): string {
  return axis.remainingCents == null || axis.envelopeCents == null
    ? `pas d’enveloppe propre : reste de l’appel ${formatEuros(callRemainingCents)}`
    : `reste à engager ${formatEuros(axis.remainingCents)} sur ${formatEuros(axis.envelopeCents)}`;
}

function AxisTable({ ranked, callRemainingCents }: { ranked: AxisRanking; callRemainingCents: number }) {
  const { axis, lines, cutAt } = ranked;
  const name = `Axe ${axis.code} — ${axis.label} (${remainder(ranked, callRemainingCents)})`;
  if (lines.length === 0) return <p>{name} : aucun projet en instruction sur cet axe.</p>;
  return (
    <div className="fr-table">
      <table>
        <caption>{name}</caption>
        <thead>
          <tr>
            <th scope="col">Rang</th>
            <th scope="col">Projet</th>
            <th scope="col">Note pondérée</th>
            <th scope="col">Montant demandé</th>
            <th scope="col">Cumul sur l’axe</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, i) => (
            <Fragment key={line.projectId}>
              {i === cutAt && (
                <tr data-cut-off="true">
                  <th scope="row" colSpan={5} className="fr-text--bold" style={{ borderTop: '3px solid #ce0500' }}>
                    Ligne de coupure : l’enveloppe restante ne couvre plus les projets ci-dessous
                  </th>
                </tr>
              )}
              <tr>
                <td>{line.rank}</td>
                <td>
                  <Link to={`/projets/${line.projectId}`}>{line.title}</Link>
                </td>
                <td>{formatScore(line.score)}</td>
                <td>{formatEuros(line.requestedCents)}</td>
                <td>{formatEuros(line.axisCumulativeCents)}</td>
              </tr>
            </Fragment>
          ))}
        </tbody>
      </table>
      {cutAt === null && <p>L’enveloppe restante couvre tous les projets de cet axe.</p>}
    </div>
  );
}

/**
 * "Classement de l’appel": the projects under review, best weighted score first, axis by axis, against
 * what remains of each envelope now, with the cut-off line where the money runs out.
 */
export function RankingPage() {
  const { id } = useParams();
  const call = useCall(id);
  // A call's projects under review are a few dozen: the first 200 are all of them.
  const ranking = useQuery({
    queryKey: ['calls', id, 'ranking'],
    queryFn: () => ok(getCallRanking({ path: { id: id! }, query: { limit: 200 } })),
  });
  useDocumentTitle(call.data ? `Classement de l’appel « ${call.data.title} »` : 'Classement de l’appel');
  return (
    <>
      <h1>Classement{call.data && ` de l’appel « ${call.data.title} »`}</h1>
      <QueryState query={ranking}>
        {(r) => (
          <>
            <p className="fr-text--lead">
              {r.total} projet{r.total > 1 ? 's' : ''} en instruction. Enveloppe {formatEuros(r.envelopeCents)}, engagé{' '}
              {formatEuros(r.committedCents)}, reste à engager {formatEuros(r.remainingCents)}.
            </p>
            {rankingByAxis(r).map((ranked) => (
              <AxisTable key={ranked.axis.code} ranked={ranked} callRemainingCents={r.remainingCents} />
            ))}
          </>
        )}
      </QueryState>
    </>
  );
}
