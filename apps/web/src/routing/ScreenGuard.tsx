import { Navigate, useLocation } from 'react-router';
import { useSession } from '../session/session';
import { ForbiddenPage } from '../pages/errors/ForbiddenPage';
import { useScreenTitle } from './document-title';
import { currentScreen, mayOpen } from './may-open';
import { useNavigableScreens, type Screen } from './screen';
import { BackLink } from '../components/BackLink';

export { useDocumentTitle } from './document-title';

/**
 * A detail page (a path with a parameter) opens with a link back to the navigation item it belongs to,
 * the one the menu shows as current: every detail page has one, none has to remember it.
 */
function BackToSection({ screen }: { screen: Screen }) {
  const { pathname } = useLocation();
  const section = currentScreen(useNavigableScreens(), pathname, screen.section);
  if (!screen.path.includes(':') || !section) return null;
  return <BackLink to={section.path}>{`Retour : ${section.nav}`}</BackLink>;
}

/** Sends a visitor to the login page and a user without the screen's capability to "Accès refusé". */
export function ScreenGuard({ screen }: { screen: Screen }) {
  const { user } = useSession();
  const location = useLocation();
  useScreenTitle(screen.title);
  if (!user)
    return <Navigate to={`/connexion?retour=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (!mayOpen(user, screen.can)) return <ForbiddenPage />;
  return (
    <>
      <BackToSection screen={screen} />
      <screen.Component />
    </>
  );
}
