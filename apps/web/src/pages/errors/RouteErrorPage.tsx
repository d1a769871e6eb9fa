import { useRouteError } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';

/** Last resort when a screen throws while rendering: the error in French and a way back. */
export function RouteErrorPage() {
  const error = useRouteError();
  return (
    <main id="contenu" className="fr-container fr-py-4w">
      <h1>Une erreur est survenue</h1>
      <ErrorAlert error={error} />
      <a className="fr-btn" href="/">
        Revenir à l’accueil
      </a>
    </main>
  );
}
