import { useCalls } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { AwaitingAction } from './AwaitingAction';
import { CallFundingCard } from './CallFundingCard';

/** The delegate's desk: what waits for a decision or a signature first, then every call's money. */
export function DashboardPage() {
  const calls = useCalls();
  return (
    <>
      <h1>Tableau de bord</h1>
      <p className="fr-text--lead">Ce qui vous attend, puis l’enveloppe de chaque appel et où en sont ses projets.</p>
      <AwaitingAction />
      <QueryState query={calls}>
        {(page) => (
          <>
            {page.items.length === 0 && <p>Aucun appel pour l’instant : un chargé de mission en saisit un.</p>}
            {page.items.map((call) => (
              <CallFundingCard key={call.id} call={call} />
            ))}
          </>
        )}
      </QueryState>
    </>
  );
}
