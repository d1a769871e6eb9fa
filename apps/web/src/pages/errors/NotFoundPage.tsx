import { Link } from 'react-router';
import { useDocumentTitle } from '../../routing/ScreenGuard';

export function NotFoundPage() {
  useDocumentTitle('Page introuvable');
  return (
    <section aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page introuvable</h1>
      <p className="fr-text--lead">La page que vous cherchez n’existe pas ou a été déplacée.</p>
      <Link className="fr-btn" to="/">
        Revenir à l’accueil
      </Link>
    </section>
  );
}
