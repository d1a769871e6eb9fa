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
