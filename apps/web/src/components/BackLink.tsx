import { Link } from 'react-router';

/**
 * The link back to the list a detail page was opened from, above its title (DSFR's "retour" link):
 * `<BackLink to="/projets">Tous les projets</BackLink>`.
 */
export function BackLink({ to, children }: { to: string; children: string }) {
  return (
    <p className="fr-mb-2w">
      <Link to={to} className="fr-link fr-icon-arrow-left-line fr-link--icon-left">
        {children}
      </Link>
    </p>
  );
}
