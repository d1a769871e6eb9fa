import { useCalls } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { CallFundingCard } from './CallFundingCard';

/** The delegate's view of the money: every call's envelope and where its projects stand. */
export function DashboardPage() {
  const calls = useCalls();
  return (
    <>
      <h1>Tableau de bord</h1>
      <p className="fr-text--lead">Les appels à manifestation d’intérêt, leur enveloppe et leurs projets.</p>
      <QueryState query={calls}>
        {(page) => (
          <>
            {page.items.length === 0 && <p>Aucun appel pour l’instant.</p>}
            {page.items.map((call) => (
              <CallFundingCard key={call.id} call={call} />
            ))}
          </>
        )}
      </QueryState>
    </>
  );
}
