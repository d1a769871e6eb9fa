import type { SessionUserDto } from '../api/client';
import type { Capability } from '../session/session';

type SessionUser = Pick<SessionUserDto, 'capabilities'>;

/** Whether `user` may open a screen that needs `capability` (any signed-in person when there is none). */
export function mayOpen(user: SessionUser | null, capability?: Capability): boolean {
  if (!user) return false;
  return !capability || user.capabilities[capability];
}

/** The screens of the main navigation (those with a `nav` label) that `user` may open, in their order. */
export function navigableScreens<S extends { nav?: string; can?: Capability }>(
  screens: readonly S[],
  user: SessionUser | null,
): S[] {
  return screens.filter((screen) => screen.nav !== undefined && mayOpen(user, screen.can));
}

/** Whether `pathname` is the screen's page or one under it (`/projets/12` is under `/projets`). */
function isUnder(pathname: string, path: string): boolean {
  return path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
}

/**
 * The one navigation screen `pathname` belongs to: the first of its screen's `section` the user may
 * open, else the one with the longest path it is under (`/mon-departement/avis/3` is "Avis", not
 * also "Mon département"), or none.
 */
export function currentScreen<S extends { path: string }>(
  navigable: readonly S[],
  pathname: string,
  section: readonly string[] = [],
): S | undefined {
  const ofSection = section.map((path) => navigable.find((screen) => screen.path === path)).find(Boolean);
  if (ofSection) return ofSection;
  return navigable
    .filter((screen) => isUnder(pathname, screen.path))
    .reduce<S | undefined>(
      (best, screen) => (!best || screen.path.length > best.path.length ? screen : best),
      undefined,
    );
}
