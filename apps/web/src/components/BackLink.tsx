import { Link } from 'react-router';

/**
 * The link back to the list a detail page belongs to, above its title (DSFR's "retour" link); the
 * screen guard puts it on every detail page: `<BackLink to="/projets">Retour : Projets</BackLink>`.
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
