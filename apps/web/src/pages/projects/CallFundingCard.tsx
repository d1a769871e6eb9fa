import { lazy, Suspense } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { countProjectsByStatus, ok, type CallDto } from '../../api/client';
import { useCallFunding } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatEuros } from '../../format';
import { PROJECT_STATUS_LABELS } from '@app/vocabulary';

// The State's chart components (Vue and Chart.js inside) load with the first dashboard, not the app.
const FundingCharts = lazy(() => import('./FundingCharts'));

function Figures({ figures }: { figures: Array<[string, number]> }) {
  return (
    <dl className="fr-grid-row fr-grid-row--gutters fr-mb-1w">
      {figures.map(([label, cents]) => (
        <div key={label} className="fr-col-6 fr-col-md-3">
          <dt className="fr-text--sm fr-mb-0">{label}</dt>
          <dd className="fr-h5 fr-mb-0">{formatEuros(cents)}</dd>
        </div>
      ))}
    </dl>
  );
}

function StatusCounts({ call }: { call: CallDto }) {
  const counts = useQuery({
    queryKey: ['calls', call.id, 'projects-by-status'],
    queryFn: () => ok(countProjectsByStatus({ path: { id: call.id } })),
  });
  if (counts.isError) return <ErrorAlert error={counts.error} />;
  const present = (counts.data ?? []).filter((line) => line.count > 0);
  return (
    <>
      <h3 className="fr-h6">Projets par statut</h3>
      <ul className="fr-tags-group">
        {present.map((line) => (
          <li key={line.status}>
            <Link className="fr-tag" to={`/projets?appel=${call.id}&statut=${line.status}`}>
              {PROJECT_STATUS_LABELS[line.status]} : {line.count}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

/** One call on the dashboard: its envelope, committed, paid and remaining, its projects by status, then the charts. */
export function CallFundingCard({ call }: { call: CallDto }) {
  const funding = useCallFunding(call.id);
  return (
    <section className="fr-card fr-p-3w fr-mb-4w" aria-labelledby={`call-${call.id}`}>
      <h2 id={`call-${call.id}`} className="fr-h4">
        <Link to={`/appels/${call.id}`}>{call.title}</Link>
      </h2>
      <p>
        <Link to={`/appels/${call.id}/classement`}>Classement et ligne de coupure</Link>
      </p>
      {funding.isError && <ErrorAlert error={funding.error} />}
      {funding.data && (
        <>
          <Figures
            figures={[
              ['Enveloppe', funding.data.envelopeCents],
              ['Engagé', funding.data.committedCents],
              ['Versé', funding.data.paidCents],
              ['Reste à engager', funding.data.remainingCents],
            ]}
          />
          <StatusCounts call={call} />
          <Suspense fallback={<p role="status">Chargement des graphiques…</p>}>
            <FundingCharts funding={funding.data} callTitle={call.title} />
          </Suspense>
        </>
      )}
    </section>
  );
}
