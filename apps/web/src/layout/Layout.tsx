import { useEffect, useRef } from 'react';
import { matchPath, NavigationType, Outlet, useLocation, useNavigate, useNavigationType } from 'react-router';
import { Header } from '@codegouvfr/react-dsfr/Header';
import { Footer } from '@codegouvfr/react-dsfr/Footer';
import { SkipLinks } from '@codegouvfr/react-dsfr/SkipLinks';
import { useSession } from '../session/session';
import { currentScreen, navigableScreens } from '../routing/may-open';
import { screens } from '../screens';
import type { Screen } from '../routing/screen';

const BRAND = (
  <>
    République
    <br />
    Française
  </>
);

const SERVICE = 'Inégalités sociales de santé';
const TAGLINE = 'Agence régionale de santé Occitanie';

/** The screens with a navigation label that the user may open. */
function useScreensOfUser(): readonly Screen[] {
  const { user } = useSession();
  return navigableScreens(screens, user);
}

/** The main navigation, from those screens: one current item, the one whose path is the closest. */
function useNavigation(navigable: readonly Screen[]) {
  const { pathname } = useLocation();
  const route = screens.find((screen) => matchPath(screen.path, pathname));
  const current = currentScreen(navigable, pathname, route?.section);
  return navigable.map((screen) => ({
    text: screen.nav!,
    linkProps: { to: screen.path },
    isActive: screen === current,
  }));
}

function useQuickAccess() {
  const { user, logout } = useSession();
  const navigate = useNavigate();
  if (!user) return [{ iconId: 'fr-icon-lock-line' as const, text: 'Se connecter', linkProps: { to: '/connexion' } }];
  return [
    { iconId: 'fr-icon-account-circle-line' as const, text: user.displayName, linkProps: { to: '/' } },
    {
      iconId: 'fr-icon-logout-box-r-line' as const,
      text: 'Se déconnecter',
      buttonProps: { onClick: () => void logout().then(() => navigate('/connexion')) },
    },
  ];
}

/**
 * After a navigation inside the app (a link or a form sending elsewhere), focus goes to the new page's
 * content (RGAA 12.7); never on the first load nor its redirections (to the login page), where the
 * first Tab must reach the skip links. The path last seen survives StrictMode's second run of the
 * effect, which a "first time" flag does not.
 */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const navigationType = useNavigationType();
  const lastPath = useRef(pathname);
  useEffect(() => {
    if (lastPath.current === pathname) return;
    lastPath.current = pathname;
    if (
      navigationType === NavigationType.Replace &&
      !document.getElementById('contenu')?.contains(document.activeElement)
    )
      return;
    document.getElementById('contenu')?.focus({ preventScroll: false });
  }, [pathname, navigationType]);
}

export function Layout() {
  useFocusOnNavigation();
  const navigable = useScreensOfUser();
  return (
    <>
      <SkipLinks
        links={[
          { label: 'Contenu', anchor: '#contenu' },
          { label: 'Menu', anchor: '#header-main-navigation' },
          { label: 'Pied de page', anchor: '#footer' },
        ]}
      />
      <Header
        id="header"
        brandTop={BRAND}
        serviceTitle={SERVICE}
        serviceTagline={TAGLINE}
        homeLinkProps={{ to: '/', title: `Accueil — ${SERVICE}` }}
        quickAccessItems={useQuickAccess()}
        navigation={useNavigation(navigable)}
      />
      <main id="contenu" className="fr-container fr-py-4w app-main" tabIndex={-1}>
        {/* The pages get the navigable screens from here (the home page's tiles), not from the route table. */}
        <Outlet context={navigable} />
      </main>
      <Footer
        id="footer"
        accessibility="non compliant"
        brandTop={BRAND}
        homeLinkProps={{ to: '/', title: `Accueil — ${SERVICE}` }}
        contentDescription="Back office de la mission de lutte contre les inégalités sociales de santé de l’ARS Occitanie : commission régionale, référents départementaux, appels à manifestation d’intérêt, contrats locaux de santé et feuille de route."
      />
    </>
  );
}
