/** The regional roadmap and its actions (DESIGN.md, "Roadmap"). */
export const ROADMAP_STATUSES = ['draft', 'submitted', 'validated'] as const;
export type RoadmapStatus = (typeof ROADMAP_STATUSES)[number];

export const ROADMAP_STATUS_LABELS: Record<RoadmapStatus, string> = {
  draft: 'Brouillon',
  submitted: 'Soumise à la commission',
  validated: 'Validée par la commission',
};

/** The button that moves a roadmap to each status. */
export const ROADMAP_TRANSITION_LABELS: Record<RoadmapStatus, string> = {
  draft: 'Revenir au brouillon',
  submitted: 'Soumettre à la commission',
  validated: 'Valider la feuille de route',
};

export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'blocked'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  planned: 'Prévue',
  in_progress: 'En cours',
  done: 'Terminée',
  blocked: 'Bloquée',
};
