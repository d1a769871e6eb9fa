import type { Role } from '@app/core/auth/actor';

export const ROADMAP_STATUSES = ['draft', 'submitted', 'validated'] as const;
export type RoadmapStatus = (typeof ROADMAP_STATUSES)[number];

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

export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'blocked'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** What a referent's update may change, and so what the history records. */
export const UPDATABLE_FIELDS = ['status', 'progressPercent'] as const;
export type UpdatableField = (typeof UPDATABLE_FIELDS)[number];
