import { Link } from 'react-router';

/** Shown when a signed-in person opens what its roles or departments do not cover (the API's 403). */
export function ForbiddenPage() {
  return (
    <section aria-labelledby="forbidden-title">
      <h1 id="forbidden-title">Accès refusé</h1>
      <p className="fr-text--lead">Vous n’avez pas les droits nécessaires pour consulter cette page.</p>
      <p>
        Cette page concerne un autre département ou un autre rôle que le vôtre. Si vous pensez que c’est une erreur,
        contactez la mission ISS de l’ARS Occitanie.
      </p>
      <Link className="fr-btn" to="/">
        Revenir à l’accueil
      </Link>
    </section>
  );
}
