import type { Role } from '@app/core/auth/actor';
import type { RoadmapStatus } from '@app/vocabulary';

export { ACTION_STATUSES, ROADMAP_STATUSES, type ActionStatus, type RoadmapStatus } from '@app/vocabulary';

/** Submitted to the commission, then validated by one of its decisions (whose id is recorded). */
export const ROADMAP_TRANSITIONS: Record<RoadmapStatus, readonly RoadmapStatus[]> = {
  draft: ['submitted'],
  submitted: ['validated', 'draft'],
  validated: [],
};

/** Who moves the roadmap to each status: the mission prepares and submits it, the delegate validates it (DESIGN.md). */
export const ROADMAP_TRANSITION_ROLES: Record<RoadmapStatus, readonly Role[]> = {
  draft: ['regional_delegate', 'mission_officer'],
  submitted: ['regional_delegate', 'mission_officer'],
  validated: ['regional_delegate'],
};

/** Actions without any update for this long are listed for the mission to chase. */
export const STALE_AFTER_DAYS = 90;

/** What a referent's update may change, and so what the history records. */
export const UPDATABLE_FIELDS = ['status', 'progressPercent'] as const;
export type UpdatableField = (typeof UPDATABLE_FIELDS)[number];
