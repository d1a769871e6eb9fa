export const ROADMAP_STATUSES = ['draft', 'submitted', 'validated'] as const;
export type RoadmapStatus = (typeof ROADMAP_STATUSES)[number];

export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'blocked'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** What a referent's update may change, and so what the history records. */
export const UPDATABLE_FIELDS = ['status', 'progressPercent'] as const;
export type UpdatableField = (typeof UPDATABLE_FIELDS)[number];
