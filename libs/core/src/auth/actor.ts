import type { Role } from '@app/vocabulary';

export { ROLES, type Role } from '@app/vocabulary';

/** Who is acting: the signed-in user (or the system, for seeds and jobs), carried into every service call. */
export interface Actor {
  id: string | null;
  displayName: string;
  roles: readonly Role[];
  departmentCodes: readonly string[];
  memberId: string | null;
  requestId?: string;
  tokenId?: string;
  tokenExpiresAt?: Date;
}

/** The actor for work no person triggered: migrations' seeds, the demo command, scheduled jobs. */
export const SYSTEM_ACTOR: Actor = Object.freeze({
  id: null,
  displayName: 'système',
  // Seeds and jobs act for the mission: they create what its team creates.
  roles: ['admin', 'regional_delegate', 'mission_officer'] as const,
  departmentCodes: [],
  memberId: null,
});

/** The team that runs the commission: it sees members' contact details, in the objects and in the trail. */
export const COMMISSION_TEAM: readonly Role[] = ['admin', 'regional_delegate', 'mission_officer'];

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}
