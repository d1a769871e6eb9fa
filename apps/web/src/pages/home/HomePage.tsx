import { Link } from 'react-router';
import { Tile } from '@codegouvfr/react-dsfr/Tile';
import { useSession } from '../../session/session';
import { ROLE_LABELS } from '@app/vocabulary';
import { useNavigableScreens } from '../../routing/screen';
import { useDepartmentLabels } from '../../api/queries';

/** Where each person lands: who they are, and a tile per screen of the navigation they may open. */
export function HomePage() {
  const { user } = useSession();
  const mine = useNavigableScreens().filter((screen) => screen.path !== '/');
  const departments = useDepartmentLabels();
  return (
    <>
      <h1>Bonjour {user!.displayName}</h1>
      <p className="fr-text--lead">
        {user!.roles.map((role) => ROLE_LABELS[role]).join(', ')}
        {user!.departmentCodes.length > 0 && ` — ${departments.list(user!.departmentCodes)}`}
      </p>
      <p>
        <Link to="/mon-mot-de-passe">Changer mon mot de passe</Link> · <Link to="/mes-courriels">Mes courriels</Link>
      </p>
      <div className="fr-grid-row fr-grid-row--gutters">
        {mine.map((screen) => (
          <div key={screen.path} className="fr-col-12 fr-col-md-4">
            <Tile title={screen.nav!} linkProps={{ to: screen.path }} orientation="vertical" />
          </div>
        ))}
      </div>
    </>
  );
}
