import { Navigate, useLocation } from 'react-router';
import { useSession } from '../session/session';
import { ForbiddenPage } from '../pages/errors/ForbiddenPage';
import { useScreenTitle } from './document-title';
import { mayOpen } from './may-open';
import type { Screen } from './screen';

export { useDocumentTitle } from './document-title';

/** Sends a visitor to the login page and a user without the screen's capability to "Accès refusé". */
export function ScreenGuard({ screen }: { screen: Screen }) {
  const { user } = useSession();
  const location = useLocation();
  useScreenTitle(screen.title);
  if (!user)
    return <Navigate to={`/connexion?retour=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (!mayOpen(user, screen.can)) return <ForbiddenPage />;
  return <screen.Component />;
}
