import type { Role } from '@app/core/auth/actor';
import { lifecycle } from '@app/core/lifecycle/lifecycle';
import { ROADMAP_STATUSES } from '@app/vocabulary';

export { ACTION_STATUSES, ROADMAP_STATUSES, type ActionStatus, type RoadmapStatus } from '@app/vocabulary';

/** The mission's team: it prepares the roadmap and follows every action. */
export const MISSION: readonly Role[] = ['regional_delegate', 'mission_officer'];

/**
 * Submitted to the commission, then validated by one of its decisions (whose id is recorded). The
 * mission prepares and submits it, and may take a submitted one back; the delegate validates it (DESIGN.md).
 * An action's status has no lifecycle: its referent sets any status at any time.
 */
export const ROADMAP_LIFECYCLE = lifecycle(ROADMAP_STATUSES, {
  draft: { submitted: { roles: MISSION } },
  submitted: { validated: { roles: ['regional_delegate'] }, draft: { roles: MISSION } },
  validated: {},
});

/** Actions without any update for this long are listed for the mission to chase. */
export const STALE_AFTER_DAYS = 90;

/** What a referent's update may change, and so what the history records. */
export const UPDATABLE_FIELDS = ['status', 'progressPercent', 'participation'] as const;
export type UpdatableField = (typeof UPDATABLE_FIELDS)[number];
