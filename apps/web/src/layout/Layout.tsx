import { useEffect, useRef } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { Header } from '@codegouvfr/react-dsfr/Header';
import { Footer } from '@codegouvfr/react-dsfr/Footer';
import { SkipLinks } from '@codegouvfr/react-dsfr/SkipLinks';
import { useSession } from '../session/session';
import { navigableScreens } from '../routing/may-open';
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

/** The main navigation, from those screens. */
function useNavigation(navigable: readonly Screen[]) {
  const { pathname } = useLocation();
  return navigable.map((screen) => ({
    text: screen.nav!,
    linkProps: { to: screen.path },
    isActive: screen.path === '/' ? pathname === '/' : pathname.startsWith(screen.path),
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

/** After a navigation inside the app, focus goes to the new page's content, as on a page load (RGAA 12.7). */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const firstPage = useRef(true);
  useEffect(() => {
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    document.getElementById('contenu')?.focus({ preventScroll: false });
  }, [pathname]);
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
